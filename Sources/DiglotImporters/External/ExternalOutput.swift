import Foundation
import DiglotModel

/// A plugin's stdout, parsed line by line into records, items and warnings (protocol v1).
///
/// Every line must be a JSON object with a `type`: `document`, `passage`, `pair`, `figure`, `aligned-unit`
/// (a record in the archive model's JSON form), `item`, or `warning` (`{"type":"warning","message":...}`).
/// Blank lines are ignored. Fields the model does not know are refused, so a misspelt field is an error
/// instead of silently lost data.
struct ExternalOutput {
    enum Line {
        case record(ArchiveRecord)
        case item(ExternalItem)
        case warning(String)
    }

    /// A problem with one line, by its 1-based number.
    struct LineProblem: Error {
        var line: Int
        var message: String
    }

    var lines: [(number: Int, line: Line)] = []

    /// - Throws: `LineProblem` for the first line that is not valid protocol output.
    init(parsing output: Data) throws {
        var number = 0
        for raw in output.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            let data = Data(raw)
            guard data.contains(where: { ![0x20, 0x09, 0x0D].contains($0) }) else { continue }
            lines.append((number, try Self.parse(data, number: number)))
        }
    }

    private static func parse(_ data: Data, number: Int) throws -> Line {
        guard String(data: data, encoding: .utf8) != nil else {
            throw LineProblem(line: number, message: "is not UTF-8 text")
        }
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw LineProblem(line: number, message: "is JSON but not an object")
            }
            object = parsed
        } catch let problem as LineProblem {
            throw problem
        } catch {
            throw LineProblem(line: number, message: "is not JSON: \(excerpt(data))")
        }
        guard let type = object["type"] as? String else {
            throw LineProblem(line: number, message: "has no \"type\" field")
        }
        switch type {
        case "warning":
            guard let message = object["message"] as? String, Set(object.keys).isSubset(of: ["type", "message"]) else {
                throw LineProblem(line: number, message: "a warning needs exactly a string \"message\"")
            }
            return .warning(message)
        case "item":
            if let unknown = object.keys.sorted().first(where: { !ExternalItem.fieldNames.contains($0) }) {
                throw LineProblem(line: number, message: "an item has unknown field \"\(unknown)\"")
            }
            do {
                return .item(try ArchiveJSON.decoder().decode(ExternalItem.self, from: data))
            } catch {
                throw LineProblem(line: number, message: "is not a valid item: \(reason(error))")
            }
        default:
            let record: ArchiveRecord
            do {
                record = try ArchiveJSON.decoder().decode(ArchiveRecord.self, from: data)
            } catch {
                throw LineProblem(line: number, message: "is not a valid \(type) record: \(reason(error))")
            }
            try checkKnownFields(object, of: record, line: number)
            return .record(record)
        }
    }

    /// Refuses fields the record type does not have: every non-null input field must survive a round trip.
    private static func checkKnownFields(_ object: [String: Any], of record: ArchiveRecord, line: Int) throws {
        guard let encoded = try? ArchiveJSON.encoder().encode(record),
              let roundTrip = try? JSONSerialization.jsonObject(with: encoded) as? [String: Any] else { return }
        for key in object.keys.sorted() where roundTrip[key] == nil && !(object[key] is NSNull) {
            throw LineProblem(line: line, message: "a \(record.typeName) record has unknown field \"\(key)\"")
        }
    }

    private static func excerpt(_ data: Data) -> String {
        let text = String(decoding: data.prefix(60), as: UTF8.self)
        return "\"" + text + (data.count > 60 ? "…" : "") + "\""
    }

    /// A decoding error as a short phrase naming the field.
    static func reason(_ error: Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let prefix = path(context)
            return "missing field \"\(prefix.isEmpty ? key.stringValue : prefix + "." + key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "field \"\(path(context))\" has the wrong type"
        case .dataCorrupted(let context):
            let place = path(context)
            return place.isEmpty ? context.debugDescription : "field \"\(place)\": \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
