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
