import Foundation
import DiglotXML

/// libFuzzer entry for the hardened XML parser: any bytes either parse within the limits or throw a
/// `MarkupError`; the tree of what parsed is then walked the way importers walk it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXML(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    let limits = MarkupDocument.Limits(maximumDepth: 256, maximumEntityExpansion: 1 << 16)
    guard let document = try? MarkupDocument.xml(data, fileName: "fuzz.xml", limits: limits) else { return 0 }
    MarkupWalk.visit(document.root)
    return 0
}

/// Touches every node and attribute as an importer would (text, names, namespaces, lines, parents).
enum MarkupWalk {
    static func visit(_ root: MarkupNode?) {
        guard let root else { return }
        var total = root.text.utf8.count
        for node in root.descendants(where: { _ in true }) {
            total &+= node.name.utf8.count &+ node.line &+ (node.namespaceURI?.utf8.count ?? 0)
            total &+= node.attributes.count &+ (node.attribute("lang")?.utf8.count ?? 0)
            total &+= node.attribute("lang", namespace: MarkupNode.xmlNamespace)?.utf8.count ?? 0
            total &+= node.classes.count &+ (node.parent?.name.utf8.count ?? 0) &+ node.childNodes.count
        }
        if total == -1 { print(total) }
    }
}
