import CLibXML2
import DiglotModel
import Foundation

/// DTD validation against a DTD the caller ships, and a look at what the document's own DTD declares.
///
/// The DTD is read from the file given (a file in this repository, such as `docs/tmx14b.dtd`), never from the
/// document: a `<!DOCTYPE … SYSTEM "…">` in the document is not followed, so validation cannot be made to read
/// other files or the network.
public extension MarkupDocument {
    /// Validates the document against the DTD in `dtdFile`.
    ///
    /// ```swift
    /// try MarkupDocument.xml(data, fileName: "out.tmx").validate(againstDTDAt: dtd, fileName: "out.tmx")
    /// ```
    /// - Throws: `MarkupError` naming the file and the first problems libxml2 found (with their line), or saying
    ///   that the DTD itself could not be read.
    func validate(againstDTDAt dtdFile: URL, fileName: String) throws {
        MarkupLibrary.initialize()
        let collector = ValidationMessages()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        xmlSetStructuredErrorFunc(context) { userData, error in
            guard let userData, let error else { return }
            let collector = Unmanaged<ValidationMessages>.fromOpaque(userData).takeUnretainedValue()
            let text = error.pointee.message.map { String(cString: $0) }?
                .trimmingWhitespace() ?? "invalid"
            collector.messages.append((Int(error.pointee.line), text))
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        guard let dtd = xmlParseDTD(nil, dtdFile.path) else {
            throw MarkupError(file: dtdFile.lastPathComponent, message: "cannot read the DTD: "
                + (collector.messages.first?.message ?? "no such file"))
        }
        defer { xmlFreeDtd(dtd) }
        guard let validation = xmlNewValidCtxt() else {
            throw MarkupError(file: fileName, message: "libxml2 is out of memory")
        }
        defer { xmlFreeValidCtxt(validation) }
        if xmlValidateDtd(validation, pointer, dtd) != 1 {
            let problems = collector.messages.prefix(3).map { $0.line > 0 ? "line \($0.line): \($0.message)" : $0.message }
            throw MarkupError(file: fileName, line: collector.messages.first?.line, message:
                "does not conform to \(dtdFile.lastPathComponent): " + (problems.isEmpty ? "invalid" : problems.joined(separator: "; ")))
        }
    }

    /// The entities the document's internal DTD subset declares, in order, and whether each is external
    /// (`SYSTEM`/`PUBLIC`). Formats that need no entities (TMX) use it to refuse files that declare them.
    var entityDeclarations: [(name: String, isExternal: Bool)] {
        guard let dtd = pointer.pointee.intSubset else { return [] }
        var result: [(String, Bool)] = []
        var child = dtd.pointee.children
        while let node = child {
            if node.pointee.type == XML_ENTITY_DECL {
                node.withMemoryRebound(to: xmlEntity.self, capacity: 1) { entity in
                    let name = entity.pointee.name.map { String(cString: $0) } ?? ""
                    let isInternal = entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY
                        || entity.pointee.etype == XML_INTERNAL_PARAMETER_ENTITY
                    result.append((name, !isInternal))
                }
            }
            child = node.pointee.next
        }
        return result
    }
}

private final class ValidationMessages {
    var messages: [(line: Int, message: String)] = []
}
