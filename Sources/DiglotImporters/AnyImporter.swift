import DiglotImporting
import DiglotModel

/// An importer as the pipeline sees it, built in or external, behind one value type.
///
/// Built-in importers are Swift types with static members; external ones (`diglot-import-<id>` executables)
/// are discovered at run time. The pipeline only ever handles this wrapper.
public struct AnyImporter: Sendable {
    public enum Kind: String, Sendable, Codable { case builtin, external }

    public let identifier: String
    public let summary: String
    public let version: String
    public let mediaTypes: [String]
    public let kind: Kind
    private let confidenceFunction: @Sendable (ImportInput) -> Double
    private let readFunction: @Sendable (ImportInput, ImporterConfiguration) throws -> ImportBatch

    public init(identifier: String, summary: String, version: String, mediaTypes: [String], kind: Kind,
                confidence: @escaping @Sendable (ImportInput) -> Double,
                read: @escaping @Sendable (ImportInput, ImporterConfiguration) throws -> ImportBatch) {
        self.identifier = identifier
        self.summary = summary
        self.version = version
        self.mediaTypes = mediaTypes
        self.kind = kind
        self.confidenceFunction = confidence
        self.readFunction = read
    }

    /// Wraps a built-in importer type.
    public init<I: Importer>(_ type: I.Type) {
        self.init(identifier: type.identifier, summary: type.summary, version: type.version,
                  mediaTypes: type.mediaTypes, kind: .builtin,
                  confidence: { type.confidence(for: $0) },
                  read: { input, configuration in try type.init(configuration: configuration).read(input) })
    }

    /// How sure this importer is that it reads `input`, clamped to 0...1.
    public func confidence(for input: ImportInput) -> Double {
        let value = confidenceFunction(input)
        return value.isNaN ? 0 : min(1, max(0, value))
    }

    public func read(_ input: ImportInput, configuration: ImporterConfiguration = .default) throws -> ImportBatch {
        try readFunction(input, configuration)
    }
}
