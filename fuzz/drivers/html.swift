import Foundation
import DiglotXML

/// libFuzzer entry for the forgiving HTML parser, with libxml2 left to find the page's own charset too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    for encoding in ["UTF-8", nil] as [String?] {
        guard let document = try? MarkupDocument.html(data, fileName: "fuzz.html", encoding: encoding) else { continue }
        MarkupWalk.visit(document.root)
    }
    return 0
}

/// Touches every node and attribute as an importer would (text, names, classes, lines, parents).
enum MarkupWalk {
    static func visit(_ root: MarkupNode?) {
        guard let root else { return }
        var total = root.text.utf8.count
        for node in root.descendants(where: { _ in true }) {
            total &+= node.name.utf8.count &+ node.line &+ node.attributes.count
            total &+= (node.attribute("href")?.utf8.count ?? 0) &+ node.classes.count
            total &+= (node.parent?.name.utf8.count ?? 0) &+ node.childNodes.count
        }
        if total == -1 { print(total) }
    }
}
