import DiglotImporting
import DiglotModel

/// The importers available to one run: the built-in ones, then any external ones discovered.
///
/// ```swift
/// let catalog = ImporterCatalog.builtin
/// let (importer, confidence) = try catalog.detect(input)
/// ```
public struct ImporterCatalog: Sendable {
    public private(set) var importers: [AnyImporter]

    public init(importers: [AnyImporter]) { self.importers = importers }

    /// The built-in importers only.
    public static var builtin: ImporterCatalog {
        ImporterCatalog(importers: BuiltinImporters.all.map { AnyImporter($0) })
    }

    /// Adds importers after the existing ones; an id already present is not replaced (built-ins win).
    public mutating func add(_ more: [AnyImporter]) {
        let known = Set(importers.map(\.identifier))
        importers += more.filter { !known.contains($0.identifier) }
    }

    public func importer(id: String) -> AnyImporter? { importers.first { $0.identifier == id } }

    /// The most confident importer for `input`, nil when every confidence is 0; ties go to the earlier one in
    /// the list. Each importer is asked once: sniffing is a good part of an import's cost.
    public func bestMatch(for input: ImportInput) -> (importer: AnyImporter, confidence: Double)? {
        var best: (importer: AnyImporter, confidence: Double)?
        for importer in importers {
            let confidence = importer.confidence(for: input)
            if confidence > (best?.confidence ?? 0) { best = (importer, confidence) }
        }
        return best
    }

    /// The most confident importer for `input`; ties go to the earlier one in the list.
    /// - Throws: `ImportError` "no importer recognises FILE; tried: a, b, c" when every confidence is 0.
    public func detect(_ input: ImportInput) throws -> (importer: AnyImporter, confidence: Double) {
        guard let best = bestMatch(for: input) else {
            throw ImportError(file: input.fileName, message:
                "no importer recognises \(input.fileName); tried: \(importers.map(\.identifier).joined(separator: ", "))")
        }
        return best
    }
}
