import CLibXML2

/// A node of a `MarkupDocument`. Keeps its document alive; every walk is iterative, so 50,000 nested
/// elements cannot overflow the stack.
public struct MarkupNode: @unchecked Sendable, Hashable {
    let pointer: xmlNodePtr
    let document: MarkupDocument

    init(pointer: xmlNodePtr, document: MarkupDocument) {
        self.pointer = pointer
        self.document = document
    }

    public static func == (l: MarkupNode, r: MarkupNode) -> Bool { l.pointer == r.pointer }
    public func hash(into hasher: inout Hasher) { hasher.combine(pointer) }

    public var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    public var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// The local name, lowercased for HTML elements by libxml2 already ("div", "newsItem").
    public var name: String { pointer.pointee.name.map { String(cString: $0) } ?? "" }

    /// The namespace URI of an element, if any.
    public var namespaceURI: String? {
        guard let ns = pointer.pointee.ns, let href = ns.pointee.href else { return nil }
        return String(cString: href)
    }

    /// The line libxml2 recorded for the node (0 when unknown).
    public var line: Int { Int(xmlGetLineNo(pointer)) }

    public var parent: MarkupNode? {
        guard let p = pointer.pointee.parent, p.pointee.type == XML_ELEMENT_NODE else { return nil }
        return MarkupNode(pointer: p, document: document)
    }

    /// All child nodes, text included.
    public var childNodes: [MarkupNode] {
        var result: [MarkupNode] = []
        var child = pointer.pointee.children
        while let node = child {
            result.append(MarkupNode(pointer: node, document: document))
            child = node.pointee.next
        }
        return result
    }

    /// Child elements only.
    public var children: [MarkupNode] { childNodes.filter(\.isElement) }

    /// The value of an attribute without a namespace (`class`, `href`, `lang`).
    ///
    /// The name is lent to libxml2 in place (`withCString`): passed as a `String`, Swift copied it into a new
    /// array for each of the two lookups, 470,000 copies at 5,000 documents (callgrind, session 19).
    public func attribute(_ name: String) -> String? {
        name.withCString { raw in
            let name = UnsafeRawPointer(raw).assumingMemoryBound(to: xmlChar.self)
            guard let value = xmlGetNoNsProp(pointer, name) else {
                // HTML attributes like xml:lang or namespaced ones fall back to any-namespace lookup.
                guard let any = xmlGetProp(pointer, name) else { return nil }
                defer { diglot_xml_free(any) }
                return String(cString: any)
            }
            defer { diglot_xml_free(value) }
            return String(cString: value)
        }
    }

    /// The value of a namespaced attribute, e.g. `attribute("lang", namespace: MarkupNode.xmlNamespace)`.
    public func attribute(_ name: String, namespace: String) -> String? {
        name.withCString { rawName in
            namespace.withCString { rawNamespace in
                guard let value = xmlGetNsProp(pointer, UnsafeRawPointer(rawName).assumingMemoryBound(to: xmlChar.self),
                                               UnsafeRawPointer(rawNamespace).assumingMemoryBound(to: xmlChar.self)) else { return nil }
                defer { diglot_xml_free(value) }
                return String(cString: value)
            }
        }
    }

    /// `xml:lang`'s namespace.
    public static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// All attributes as name/value pairs, in document order.
    public var attributes: [(name: String, value: String)] {
        var result: [(String, String)] = []
        var attr = pointer.pointee.properties
        while let a = attr {
            let name = a.pointee.name.map { String(cString: $0) } ?? ""
            if let value = xmlNodeGetContent(UnsafeMutableRawPointer(a).assumingMemoryBound(to: xmlNode.self)) {
                result.append((name, String(cString: value)))
                diglot_xml_free(value)
            }
            attr = a.pointee.next
        }
        return result
    }

    /// The node's own text (for a text node) or all descendant text concatenated, internal entities
    /// expanded (their size was bounded at parse time), external entities left out.
    public var text: String {
        if isText { return pointer.pointee.content.map { String(cString: $0) } ?? "" }
        var out = ""
        var stack: [xmlNodePtr] = []
        var child = pointer.pointee.children
        var pending: [xmlNodePtr] = []
        while let node = child { pending.append(node); child = node.pointee.next }
        stack.append(contentsOf: pending.reversed())
        while let node = stack.popLast() {
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { out += String(cString: content) }
            case XML_ELEMENT_NODE, XML_ENTITY_REF_NODE, XML_ENTITY_DECL:
                if node.pointee.type == XML_ENTITY_REF_NODE, let entity = xmlGetDocEntity(document.pointer, node.pointee.name),
                   entity.pointee.etype != XML_INTERNAL_GENERAL_ENTITY && entity.pointee.etype != XML_INTERNAL_PREDEFINED_ENTITY {
                    continue  // external: never read
                }
                var kids: [xmlNodePtr] = []
                var k = node.pointee.children
                while let n = k { kids.append(n); k = n.pointee.next }
                stack.append(contentsOf: kids.reversed())
            default:
                continue
            }
        }
        return out
    }

    /// Descendant elements in document order, optionally filtered.
    public func descendants(where predicate: (MarkupNode) -> Bool = { _ in true }) -> [MarkupNode] {
        var result: [MarkupNode] = []
        forEachDescendantElement { node in
            let wrapped = MarkupNode(pointer: node, document: document)
            if predicate(wrapped) { result.append(wrapped) }
            return true
        }
        return result
    }

    /// The first descendant element in document order that `predicate` accepts: `descendants(where:).first`
    /// without asking about the rest of the page (every element of it, for a page without one).
    public func firstDescendant(where predicate: (MarkupNode) -> Bool) -> MarkupNode? {
        var found: MarkupNode?
        forEachDescendantElement { node in
            let wrapped = MarkupNode(pointer: node, document: document)
            guard predicate(wrapped) else { return true }
            found = wrapped
            return false
        }
        return found
    }

    /// Descendant elements with this local name (case-insensitive, for HTML).
    public func all(named name: String) -> [MarkupNode] {
        let wanted = ElementName(name)
        var result: [MarkupNode] = []
        forEachDescendantElement { node in
            if wanted.matches(node.pointee.name) { result.append(MarkupNode(pointer: node, document: document)) }
            return true
        }
        return result
    }

    /// The first descendant element with this local name.
    public func first(named name: String) -> MarkupNode? {
        let wanted = ElementName(name)
        var found: MarkupNode?
        forEachDescendantElement { node in
            guard node.pointee.name != nil, wanted.matches(node.pointee.name) else { return true }
            found = MarkupNode(pointer: node, document: document)
            return false
        }
        return found
    }

    /// Calls `body` with each descendant element in document order until it returns false.
    ///
    /// A node's children go on the stack from its last to its first (libxml2 links both ways, and Diglot never
    /// changes a parsed tree), not through an array of them made for every node.
    private func forEachDescendantElement(_ body: (xmlNodePtr) -> Bool) {
        var stack: [xmlNodePtr] = []
        var k = pointer.pointee.last
        while let n = k { stack.append(n); k = n.pointee.prev }
        while let node = stack.popLast() {
            guard node.pointee.type == XML_ELEMENT_NODE else { continue }
            guard body(node) else { return }
            var g = node.pointee.last
            while let n = g { stack.append(n); g = n.pointee.prev }
        }
    }

    /// Child elements with this local name.
    public func children(named name: String) -> [MarkupNode] {
        children.filter { $0.name == name }
    }

    /// The `class` attribute split into words.
    public var classes: [String] {
        (attribute("class") ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
    }

    /// The depth of the deepest element below, if it exceeds `limit`; nil otherwise.
    func depthExceeding(_ limit: Int) -> Int? {
        var stack: [(xmlNodePtr, Int)] = [(pointer, 1)]
        while let (node, depth) = stack.popLast() {
            if depth > limit { return depth }
            var k = node.pointee.children
            while let n = k {
                if n.pointee.type == XML_ELEMENT_NODE { stack.append((n, depth + 1)) }
                k = n.pointee.next
            }
        }
        return nil
    }
}

/// An element name to look for, compared with libxml2's name bytes as `String(cString:).lowercased() ==
/// name.lowercased()` compares them, without making a string for every element of a page: ASCII names (all
/// of HTML's, nearly all of XML's) byte by byte, ASCII letters folded; any other name as strings.
struct ElementName {
    let lowercased: String
    let asciiBytes: [UInt8]?

    init(_ name: String) {
        lowercased = name.lowercased()
        asciiBytes = lowercased.utf8.allSatisfy { $0 < 0x80 } ? Array(lowercased.utf8) : nil
    }

    func matches(_ raw: UnsafePointer<xmlChar>?) -> Bool {
        guard let raw else { return lowercased.isEmpty }
        guard let ascii = asciiBytes else { return String(cString: raw).lowercased() == lowercased }
        var index = 0
        var equal = true
        while raw[index] != 0 {
            let byte = raw[index]
            // Not ASCII: Unicode's lowercasing decides (the Kelvin sign lowercases to "k").
            if byte >= 0x80 { return String(cString: raw).lowercased() == lowercased }
            if equal { equal = index < ascii.count && (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == ascii[index] }
            index += 1
        }
        return equal && index == ascii.count
    }
}
