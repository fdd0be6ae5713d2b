import Foundation

/// libFuzzer entry: HTML and XML parsing of arbitrary bytes must never crash, hang or leak.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkup(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(bytes: data, count: size)
    if let doc = try? MarkupDocument.html(bytes, fileName: "fuzz.html") { _ = doc.root?.text; _ = doc.root?.descendants().count }
    if let doc = try? MarkupDocument.xml(bytes, fileName: "fuzz.xml") { _ = doc.root?.text; _ = doc.root?.attributes }
    return 0
}
