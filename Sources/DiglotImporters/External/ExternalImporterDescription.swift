import Foundation

/// What an external importer says about itself when run with `--describe` (protocol v1).
///
/// ```json
/// {"protocol_version":1,"id":"telegram-export","summary":"Telegram Desktop channel export",
///  "version":"1.0","media_types":["application/json"],"file_patterns":["result.json"],
///  "content_markers":["\"messages\""]}
/// ```
/// Detection uses `file_patterns` (shell globs matched against the file's base name), `media_types` (matched
/// against a declared media type) and `content_markers` (strings of which one must appear in the first
/// 4 KiB, when any are given). See docs/importer-protocol.md.
public struct ExternalImporterDescription: Codable, Sendable, Equatable {
    public var protocolVersion: Int
    public var id: String
    public var summary: String
    public var version: String
    public var mediaTypes: [String]
    public var filePatterns: [String]
    public var contentMarkers: [String]

    /// The protocol this Diglot speaks.
    public static let supportedProtocolVersion = 1

    /// Confidence when a file pattern matches (and a content marker, if any are declared).
    static let patternConfidence = 0.8
    /// Confidence when only the declared media type matches.
    static let mediaTypeConfidence = 0.6
    /// How far into the file content markers are looked for.
    static let markerWindow = 4096

    private enum CodingKeys: String, CodingKey {
        case protocolVersion = "protocol_version", id, summary, version, mediaTypes = "media_types"
        case filePatterns = "file_patterns", contentMarkers = "content_markers"
    }

    public init(protocolVersion: Int = supportedProtocolVersion, id: String, summary: String, version: String,
                mediaTypes: [String], filePatterns: [String] = [], contentMarkers: [String] = []) {
        self.protocolVersion = protocolVersion
        self.id = id
        self.summary = summary
        self.version = version
        self.mediaTypes = mediaTypes
        self.filePatterns = filePatterns
        self.contentMarkers = contentMarkers
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        protocolVersion = try c.decode(Int.self, forKey: .protocolVersion)
        id = try c.decode(String.self, forKey: .id)
        summary = try c.decode(String.self, forKey: .summary)
        version = try c.decode(String.self, forKey: .version)
        mediaTypes = try c.decode([String].self, forKey: .mediaTypes)
        filePatterns = try c.decodeIfPresent([String].self, forKey: .filePatterns) ?? []
        contentMarkers = try c.decodeIfPresent([String].self, forKey: .contentMarkers) ?? []
    }

    /// Reasons this description cannot be used for an executable named `diglot-import-<expectedID>`.
    func problems(expectedID: String) -> [String] {
        var problems: [String] = []
        if protocolVersion != Self.supportedProtocolVersion {
            problems.append("speaks protocol version \(protocolVersion); this Diglot speaks \(Self.supportedProtocolVersion)")
        }
        if id != expectedID { problems.append("describes itself as \"\(id)\" but is named diglot-import-\(expectedID)") }
        if !Self.isValidIdentifier(id) { problems.append("id \"\(id)\" is not lowercase letters, digits and hyphens") }
        if summary.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("has an empty summary") }
        if version.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("has an empty version") }
        return problems
    }

    /// Lowercase ASCII letters, digits and inner hyphens: safe in file names, `--importer` and URLs.
    public static func isValidIdentifier(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, let last = id.unicodeScalars.last,
              first != "-", last != "-", id.count <= 64 else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// How sure this importer is, from its declared patterns, media types and markers.
    func confidence(fileName: String, declaredMediaType: String?, head: Data) -> Double {
        let markersPresent = contentMarkers.isEmpty || contentMarkers.contains { marker in
            head.prefix(Self.markerWindow).range(of: Data(marker.utf8)) != nil
        }
        guard markersPresent else { return 0 }
        let baseName = (fileName as NSString).lastPathComponent
        if filePatterns.contains(where: { fnmatch($0, baseName, 0) == 0 }) { return Self.patternConfidence }
        if let declaredMediaType, mediaTypes.contains(declaredMediaType) { return Self.mediaTypeConfidence }
        return 0
    }
}
