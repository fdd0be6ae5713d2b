import CLibXML2
import DiglotModel
import Foundation

/// A parsed HTML or XML document: the only owner of libxml2 memory in Diglot.
///
/// HTML goes through libxml2's forgiving HTML parser (real pages are broken); XML through its strict parser
/// with the network off, no entity substitution, no DTD loading, and a bound on what internal entities may
/// expand to, so hostile files (billion laughs, external entities naming local files or URLs) are refused or
/// read without ever touching the file system or the network.
///
/// ```swift
/// let page = try MarkupDocument.html(data, fileName: "page.html")
/// let title = page.root?.first(named: "title")?.text
/// ```
public final class MarkupDocument: @unchecked Sendable {
    let pointer: xmlDocPtr

    private init(pointer: xmlDocPtr) { self.pointer = pointer }

    deinit { xmlFreeDoc(pointer) }

    /// The root element.
    public var root: MarkupNode? {
        guard let node = xmlDocGetRootElement(pointer) else { return nil }
        return MarkupNode(pointer: node, document: self)
    }

    /// Limits for XML parsing.
    public struct Limits: Sendable, Equatable {
        /// Deepest element nesting accepted.
        public var maximumDepth: Int
        /// Most bytes any internal entity may expand to, all references included.
        public var maximumEntityExpansion: Int

        public init(maximumDepth: Int = 256, maximumEntityExpansion: Int = 1 << 20) {
            self.maximumDepth = maximumDepth
            self.maximumEntityExpansion = maximumEntityExpansion
        }
    }

    /// Parses HTML, recovering from whatever real pages do wrong.
    /// - Parameter encoding: the charset of `data`; nil lets libxml2 read the page's own `<meta charset>`.
    /// - Throws: `MarkupError` when libxml2 yields no document at all (empty or binary input).
    public static func html(_ data: Data, fileName: String, encoding: String? = "UTF-8",
                            limits: Limits = Limits()) throws -> MarkupDocument {
        MarkupLibrary.initialize()
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue)
        guard !data.isEmpty else { throw MarkupError(file: fileName, message: "the file is empty") }
        let doc: htmlDocPtr? = data.withUnsafeBytes { raw in
            htmlReadMemory(raw.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(clamping: raw.count),
                           fileName, encoding, options)
        }
        guard let doc else { throw MarkupError(file: fileName, message: "libxml2 could not read it as HTML") }
        let document = MarkupDocument(pointer: doc)
        if let depth = document.root?.depthExceeding(limits.maximumDepth) {
            throw MarkupError(file: fileName, message: "elements nest deeper than \(limits.maximumDepth) levels (at least \(depth))")
        }
        return document
    }

    /// Parses XML strictly and safely.
    /// - Throws: `MarkupError` with libxml2's line and column for malformed XML, or naming the entity that
    ///   would expand past the limit.
    public static func xml(_ data: Data, fileName: String, limits: Limits = Limits()) throws -> MarkupDocument {
        MarkupLibrary.initialize()
        guard !data.isEmpty else { throw MarkupError(file: fileName, message: "the file is empty") }
        guard let context = xmlNewParserCtxt() else { throw MarkupError(file: fileName, message: "libxml2 is out of memory") }
        defer { xmlFreeParserCtxt(context) }
        // No XML_PARSE_NOENT (entities stay unexpanded), no DTDLOAD/DTDATTR/DTDVALID (nothing external is
        // read), NONET (no network even if asked), no HUGE (libxml2 keeps its own depth and size limits).
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_NOCDATA.rawValue)
        let doc: xmlDocPtr? = data.withUnsafeBytes { raw in
            xmlCtxtReadMemory(context, raw.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(clamping: raw.count),
                              fileName, nil, options)
        }
        guard let doc, context.pointee.wellFormed != 0 else {
            if let doc { xmlFreeDoc(doc) }
            let error = context.pointee.lastError
            let message = error.message.map { String(cString: $0).trimmingWhitespace() }
                ?? "malformed XML"
            throw MarkupError(file: fileName, line: Int(error.line), column: Int(error.int2), message: message)
        }
        let document = MarkupDocument(pointer: doc)
        try document.checkEntityExpansion(limit: limits.maximumEntityExpansion, fileName: fileName)
        if let depth = document.root?.depthExceeding(limits.maximumDepth) {
            throw MarkupError(file: fileName, message: "elements nest deeper than \(limits.maximumDepth) levels (at least \(depth))")
        }
        return document
    }

    /// Refuses documents whose internal entities would expand past `limit` bytes (billion laughs), by
    /// computing each declared entity's full expansion size from its replacement text, memoised.
    private func checkEntityExpansion(limit: Int, fileName: String) throws {
        guard let dtd = pointer.pointee.intSubset else { return }
        var declarations: [String: String] = [:]
        var child = dtd.pointee.children
        while let node = child {
            if node.pointee.type == XML_ENTITY_DECL {
                node.withMemoryRebound(to: xmlEntity.self, capacity: 1) { entity in
                    let name = entity.pointee.name.map { String(cString: $0) } ?? ""
                    let isInternal = entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY
                    declarations[name] = isInternal ? (entity.pointee.content.map { String(cString: $0) } ?? "") : ""
                }
            }
            child = node.pointee.next
        }
        var sizes: [String: Int] = [:]
        var visiting: Set<String> = []
        func size(of name: String) throws -> Int {
            if let known = sizes[name] { return known }
            guard let content = declarations[name] else { return name.utf8.count + 2 }
            guard visiting.insert(name).inserted else {
                throw MarkupError(file: fileName, message: "entity \"\(name)\" refers to itself")
            }
            var total = 0
            var rest = Substring(content)
            while let amp = rest.firstIndex(of: "&") {
                total += rest.utf8.distance(from: rest.startIndex, to: amp)
                let afterAmp = rest.index(after: amp)
                if let semicolon = rest[afterAmp...].firstIndex(of: ";") {
                    let reference = String(rest[afterAmp..<semicolon])
                    total += reference.hasPrefix("#") ? 4 : try size(of: reference)
                    rest = rest[rest.index(after: semicolon)...]
                } else {
                    total += 1
                    rest = rest[afterAmp...]
                }
                if total > limit { break }
            }
            total += rest.utf8.count
            visiting.remove(name)
            if total > limit {
                throw MarkupError(file: fileName, message: "entity \"\(name)\" would expand to more than \(limit) bytes (an entity-expansion attack?)")
            }
            sizes[name] = total
            return total
        }
        for name in declarations.keys { _ = try size(of: name) }
        try checkReferences(sizes: sizes, limit: limit, fileName: fileName)
    }

    /// Refuses documents whose entity references together expand past `limit` bytes: one entity just under
    /// the limit referenced 20,000 times (the "quadratic blowup") is as bad as billion laughs once
    /// `MarkupNode.text` or an attribute read expands it. Walks elements and attribute values iteratively.
    private func checkReferences(sizes: [String: Int], limit: Int, fileName: String) throws {
        guard !sizes.isEmpty, let root = xmlDocGetRootElement(pointer) else { return }
        var total = 0
        var stack: [xmlNodePtr] = [root]
        while let node = stack.popLast() {
            if node.pointee.type == XML_ENTITY_REF_NODE {
                let name = node.pointee.name.map { String(cString: $0) } ?? ""
                total += sizes[name] ?? 0
                if total > limit {
                    throw MarkupError(file: fileName, line: Int(xmlGetLineNo(node)),
                                      message: "entity references would expand to more than \(limit) bytes (\"\(name)\" is used too often; an entity-expansion attack?)")
                }
                continue
            }
            var child = node.pointee.children
            while let next = child { stack.append(next); child = next.pointee.next }
            if node.pointee.type == XML_ELEMENT_NODE {
                var attribute = node.pointee.properties
                while let property = attribute {
                    var value = property.pointee.children
                    while let next = value { stack.append(next); value = next.pointee.next }
                    attribute = property.pointee.next
                }
            }
        }
    }
}

/// Why markup could not be read, with libxml2's line and column when it gave them.
public struct MarkupError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var place = file
        if let line, line > 0 { place += ":\(line)" }
        if let line, let column, line > 0, column > 0 { place += ":\(column)" }
        return "\(place): \(message)"
    }
}

enum MarkupLibrary {
    private static let once: Void = { xmlInitParser() }()
    static func initialize() { _ = once }
}
