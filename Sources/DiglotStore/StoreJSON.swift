import Foundation
import DiglotModel

/// The JSON the store keeps in text columns (metadata, fidelity reports): sorted keys, so equal values are
/// equal text.
enum StoreJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try ArchiveJSON.encoder().encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String?) -> T? {
        guard let text else { return nil }
        return try? ArchiveJSON.decoder().decode(type, from: Data(text.utf8))
    }
}
