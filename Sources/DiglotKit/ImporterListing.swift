import DiglotImporters

/// One line of `diglot importers --json`.
public struct ImporterListing: Encodable, Sendable, Equatable {
    public var id: String
    public var summary: String
    /// `builtin` or `external`.
    public var kind: String
    public var version: String
    public var mediaTypes: [String]

    public init(_ importer: AnyImporter) {
        id = importer.identifier
        summary = importer.summary
        kind = importer.kind.rawValue
        version = importer.version
        mediaTypes = importer.mediaTypes
    }

    private enum CodingKeys: String, CodingKey { case id, summary, kind, version, mediaTypes = "media_types" }
}
