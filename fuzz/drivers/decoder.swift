import Foundation
import DiglotImporting
import DiglotLanguage

/// libFuzzer entry for byte-to-text decoding and language detection: every input decodes or throws a
/// `TextDecoder.Failure`; what decodes must detect a language without trapping.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecoder(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let input = ImportInput(bytes: Data(bytes: bytes, count: count), fileName: "fuzz.txt")
    _ = input.sniffedCharset()
    _ = input.head(64)
    for charset in [nil, "koi8-u", "windows-1251"] as [String?] {
        guard let text = try? input.text(declaredCharset: charset) else { continue }
        _ = LanguageDetector.detect(text)
    }
    return 0
}
