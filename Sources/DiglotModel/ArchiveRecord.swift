import Foundation

/// One normalised record in its JSON form: `{"type":"document", ...}`.
///
/// This is the form of golden files, of `diglot show --json` building blocks, and of what external importers
/// write (docs/importer-protocol.md): one object a line, its `type` naming the record.
public enum ArchiveRecord: Hashable, Sendable, Codable {
    case document(Document)
    case passage(Passage)
    case pair(Pair)
    case figure(Figure)
    case alignedUnit(AlignedUnit)

    public var typeName: String {
        switch self {
        case .document: "document"
        case .passage: "passage"
        case .pair: "pair"
        case .figure: "figure"
        case .alignedUnit: "aligned-unit"
        }
    }

    private enum TypeKey: String, CodingKey { case type }

    public init(from decoder: Decoder) throws {
        let type = try decoder.container(keyedBy: TypeKey.self).decode(String.self, forKey: .type)
        switch type {
        case "document": self = .document(try Document(from: decoder))
        case "passage": self = .passage(try Passage(from: decoder))
        case "pair": self = .pair(try Pair(from: decoder))
        case "figure": self = .figure(try Figure(from: decoder))
        case "aligned-unit": self = .alignedUnit(try AlignedUnit(from: decoder))
        default:
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "unknown record type \"\(type)\""))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: TypeKey.self)
        try container.encode(typeName, forKey: .type)
        switch self {
        case .document(let r): try r.encode(to: encoder)
        case .passage(let r): try r.encode(to: encoder)
        case .pair(let r): try r.encode(to: encoder)
        case .figure(let r): try r.encode(to: encoder)
        case .alignedUnit(let r): try r.encode(to: encoder)
        }
    }
}

/// The JSON conventions every Diglot output shares: sorted keys (stable golden files), unescaped slashes
/// (readable URLs), ISO 8601 dates.
public enum ArchiveJSON {
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
                                          : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// One value as a single JSON line (no trailing newline).
    public static func line<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self)
    }
}
