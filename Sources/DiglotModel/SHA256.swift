import CSHA256
import Foundation

/// SHA-256 (FIPS 180-4), so the model can name sources and derive stable ids without a crypto dependency.
///
/// ```swift
/// SHA256.hex(of: Data("abc".utf8)) // "ba7816bf..."
/// ```
///
/// Every imported file is hashed once (its source id) and every derived id hashes a short natural key, so
/// this runs for each passage an importer makes. It therefore reads the input's contiguous regions in place
/// and keeps its state in stack-allocated buffers: the first version copied the input, padded it byte by byte
/// and indexed bounds-checked arrays, and was an eighth of the tweet importer's fuzz target. Where the CPU has
/// the x86 SHA extensions the blocks go through them (`CSHA256`): the Swift rounds below cost about 4,500
/// instructions a block, a thirtieth of that in hardware, and were still 3 % of a bulk import's instructions.
public enum SHA256 {
    /// Whether this CPU compresses blocks with the SHA extensions.
    static let hardwareAvailable = diglot_sha256_hardware_available() != 0

    private static let roundConstants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// The 32-byte digest of `data`.
    public static func digest<D: DataProtocol>(_ data: D) -> [UInt8] {
        var hasher = Hasher()
        for region in data.regions {
            region.withUnsafeBytes { hasher.update($0) }
        }
        return hasher.finish()
    }

    /// The digest as 64 lowercase hexadecimal characters.
    public static func hex<D: DataProtocol>(of data: D) -> String {
        let digest = digest(data)
        return String(unsafeUninitializedCapacity: 64) { out in
            let table: StaticString = "0123456789abcdef"
            let hexDigits = table.utf8Start
            for (i, byte) in digest.enumerated() {
                out[2 * i] = hexDigits[Int(byte >> 4)]
                out[2 * i + 1] = hexDigits[Int(byte & 0xf)]
            }
            return 64
        }
    }

    /// The running state: eight words, a partial block and the length so far. Internal so that `StableID` can
    /// feed an id's parts in place instead of joining them into a `Data` first.
    struct Hasher {
        var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
            (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
        /// The partial block, in place: an array here was a heap allocation for every id.
        var pending: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        var pendingCount = 0
        var totalBytes: UInt64 = 0
        /// Whether blocks go through the SHA extensions; tests turn it off to check the Swift rounds against them.
        var usesHardware = SHA256.hardwareAvailable

        mutating func update(_ bytes: UnsafeRawBufferPointer) {
            guard var base = bytes.baseAddress, !bytes.isEmpty else { return }
            var remaining = bytes.count
            totalBytes &+= UInt64(remaining)
            if pendingCount > 0 {
                let take = min(64 - pendingCount, remaining)
                withUnsafeMutableBytes(of: &pending) { ($0.baseAddress! + pendingCount).copyMemory(from: base, byteCount: take) }
                pendingCount += take
                base += take
                remaining -= take
                guard pendingCount == 64 else { return }
                let block = pending
                withUnsafeBytes(of: block) { compress($0.baseAddress!, blocks: 1) }
                pendingCount = 0
            }
            let whole = remaining / 64
            if whole > 0 {
                compress(base, blocks: whole)
                base += whole * 64
                remaining -= whole * 64
            }
            if remaining > 0 {
                withUnsafeMutableBytes(of: &pending) { $0.baseAddress!.copyMemory(from: base, byteCount: remaining) }
                pendingCount = remaining
            }
        }

        mutating func finish() -> [UInt8] {
            finishWords()
            let words = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
            var out = [UInt8](repeating: 0, count: 32)
            for (i, word) in words.enumerated() {
                for j in 0..<4 { out[4 * i + j] = UInt8(truncatingIfNeeded: word >> UInt32(24 - 8 * j)) }
            }
            return out
        }

        /// Pads and compresses the last block(s): afterwards `state` holds the digest's eight words.
        mutating func finishWords() {
            let bitLength = totalBytes &* 8
            // 0x80, zeros up to 56 mod 64, then the length: one block, or two when fewer than 9 bytes are left.
            let count = pendingCount < 56 ? 64 : 128
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
                tail.initialize(repeating: 0)
                withUnsafeBytes(of: pending) { bytes in
                    for i in 0..<pendingCount { tail[i] = bytes[i] }
                }
                tail[pendingCount] = 0x80
                for i in 0..<8 { tail[count - 1 - i] = UInt8(truncatingIfNeeded: bitLength >> UInt64(8 * i)) }
                compress(UnsafeRawPointer(tail.baseAddress!), blocks: count / 64)
            }
        }

        /// Runs the compression function over `blocks` consecutive 64-byte blocks at `pointer`.
        private mutating func compress(_ pointer: UnsafeRawPointer, blocks: Int) {
            if usesHardware {
                withUnsafeMutableBytes(of: &state) { words in
                    SHA256.roundConstants.withUnsafeBufferPointer { k in
                        diglot_sha256_hardware_blocks(words.baseAddress!.assumingMemoryBound(to: UInt32.self),
                                                      pointer.assumingMemoryBound(to: UInt8.self), blocks, k.baseAddress!)
                    }
                }
                return
            }
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                SHA256.roundConstants.withUnsafeBufferPointer { k in
                    var (h0, h1, h2, h3, h4, h5, h6, h7) = state
                    for block in 0..<blocks {
                        let bytes = pointer + block * 64
                        for i in 0..<16 {
                            w[i] = UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
                        }
                        for i in 16..<64 {
                            let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
                            let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
                            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                        }
                        var (a, b, c, d, e, f, g, h) = (h0, h1, h2, h3, h4, h5, h6, h7)
                        for i in 0..<64 {
                            let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                            let ch = (e & f) ^ (~e & g)
                            let t1 = h &+ s1 &+ ch &+ k[i] &+ w[i]
                            let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                            let maj = (a & b) ^ (a & c) ^ (b & c)
                            (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ s0 &+ maj)
                        }
                        h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d; h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
                    }
                    state = (h0, h1, h2, h3, h4, h5, h6, h7)
                }
            }
        }
    }

    @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
}
