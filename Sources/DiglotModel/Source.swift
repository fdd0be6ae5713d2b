import Foundation

/// A raw artifact exactly as received. The archive keeps `bytes` verbatim forever: every normalised
/// record can be rebuilt from it by a newer importer, and `diglot verify` rehashes it.
public struct Source: Hashable, Codable, Sendable, Identifiable {
    /// The SHA-256 of `bytes`; also the source's id, which is what makes re-imports no-ops.
    public var id: SourceID
    public var mediaType: String
    /// The file name (or path) it was read from, if any.
    public var fileName: String?
    public var originURL: String?
    public var importedAt: Date
    public var importerID: String
    public var importerVersion: String
    public var byteCount: Int
    /// The raw bytes. Not part of the JSON form (they travel as the file itself).
    public var bytes: Data

    public var sha256: String { id.rawValue }

    public init(bytes: Data, mediaType: String, fileName: String?, originURL: String? = nil,
                importedAt: Date, importerID: String, importerVersion: String) {
        self.init(id: SourceID(bytes: bytes), bytes: bytes, mediaType: mediaType, fileName: fileName, originURL: originURL,
                  importedAt: importedAt, importerID: importerID, importerVersion: importerVersion)
    }

    /// A source whose digest is already known (`ImportInput.sourceID`): hashing a large file twice is not free.
    /// `id` must be `SourceID(bytes: bytes)`; `diglot verify` rehashes what was stored.
    public init(id: SourceID, bytes: Data, mediaType: String, fileName: String?, originURL: String? = nil,
                importedAt: Date, importerID: String, importerVersion: String) {
        self.id = id
        self.mediaType = mediaType
        self.fileName = fileName
        self.originURL = originURL
        self.importedAt = importedAt
        self.importerID = importerID
        self.importerVersion = importerVersion
        self.byteCount = bytes.count
        self.bytes = bytes
    }

    private enum CodingKeys: String, CodingKey {
        case id, mediaType = "media_type", fileName = "file_name", originURL = "origin_url"
        case importedAt = "imported_at", importerID = "importer", importerVersion = "importer_version"
        case byteCount = "bytes"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(SourceID.self, forKey: .id)
        mediaType = try c.decode(String.self, forKey: .mediaType)
        fileName = try c.decodeIfPresent(String.self, forKey: .fileName)
        originURL = try c.decodeIfPresent(String.self, forKey: .originURL)
        importedAt = try c.decode(Date.self, forKey: .importedAt)
        importerID = try c.decode(String.self, forKey: .importerID)
        importerVersion = try c.decode(String.self, forKey: .importerVersion)
        byteCount = try c.decode(Int.self, forKey: .byteCount)
        bytes = Data()
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(mediaType, forKey: .mediaType)
        try c.encodeIfPresent(fileName, forKey: .fileName)
        try c.encodeIfPresent(originURL, forKey: .originURL)
        try c.encode(importedAt, forKey: .importedAt)
        try c.encode(importerID, forKey: .importerID)
        try c.encode(importerVersion, forKey: .importerVersion)
        try c.encode(byteCount, forKey: .byteCount)
    }
}
