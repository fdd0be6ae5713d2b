import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Encodes test text with glibc's iconv, an oracle independent of Diglot's own decoding tables.
enum Iconv {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// `text` in `encoding` ("WINDOWS-1251", "KOI8-U", "UTF-16LE"...).
    static func encode(_ text: String, as encoding: String) throws -> Data {
        let converter = iconv_open(encoding, "UTF-8")
        guard let converter, converter != iconv_t(bitPattern: -1) else { throw Failure(description: "iconv has no \(encoding)") }
        defer { iconv_close(converter) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 4 + 16)
        let written: Int = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                var outLeft = outBuffer.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 else { return -1 }
                return outBuffer.count - outLeft
            }
        }
        guard written >= 0 else { throw Failure(description: "iconv cannot write this text as \(encoding)") }
        return Data(output.prefix(written).map { UInt8(bitPattern: $0) })
    }
}

/// A small deterministic generator (SplitMix64), so a failing random input is the same on every run.
struct SeededBytes {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func bytes(_ count: Int) -> Data {
        var data = Data(capacity: count + 8)
        while data.count < count {
            var word = next()
            withUnsafeBytes(of: &word) { data.append(contentsOf: $0) }
        }
        return data.prefix(count)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
