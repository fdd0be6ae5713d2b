import DiglotModel

/// Why an export could not be written, as one sentence (naming the file or the pair concerned).
public struct ExportError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }

    /// A pair whose languages a single-direction file (XLIFF, Moses) cannot hold.
    static func direction(_ item: ExportPair, format: String, source: LanguageTag, target: LanguageTag) -> ExportError {
        ExportError("""
            pair \(item.pair.id) is \(item.original.language)→\(item.rendering.language) but this \(format) export \
            is \(source)→\(target): \(format) holds one language direction; pass --source-lang and --target-lang \
            to export one direction at a time
            """)
    }
}
