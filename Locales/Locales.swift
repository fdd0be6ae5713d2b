import Foundation

/// Reads Diglot's language resources (glossaries, names, month names, transliteration tables) from the
/// bundle SwiftPM builds out of `Locales/data`.
public enum Locales {
    /// The contents of `data/<name>`, or nil when no such resource is bundled.
    public static func data(named name: String) -> Data? {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "data") else { return nil }
        return try? Data(contentsOf: url)
    }

    /// The contents of `data/<name>` as UTF-8 text.
    public static func text(named name: String) -> String? {
        data(named: name).map { String(decoding: $0, as: UTF8.self) }
    }
}
