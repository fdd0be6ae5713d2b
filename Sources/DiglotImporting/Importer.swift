import DiglotModel

/// A reader for one family of source formats: bytes in, normalised records out.
///
/// Importers are pure: they never touch the store, the network or the file system. The pipeline reads the
/// file, asks every registered importer for its confidence, hands the bytes to the most confident one (or the
/// one `--importer ID` forces), validates what comes back and writes it in one transaction.
///
/// ```swift
/// struct NoteImporter: Importer {
///     static let identifier = "note"
///     static let summary = "Plain notes"
///     static let version = "1"
///     static let mediaTypes = ["text/plain"]
///     static func confidence(for input: ImportInput) -> Double { input.fileExtension == "note" ? 0.9 : 0 }
///     init(configuration: ImporterConfiguration) {}
///     func read(_ input: ImportInput) throws -> ImportBatch { ... }
/// }
/// ```
public protocol Importer: Sendable {
    /// The id users pass to `--importer` and that the archive records against each source.
    static var identifier: String { get }
    /// One line for `diglot importers`.
    static var summary: String { get }
    /// Bumped whenever the records it produces for the same bytes change.
    static var version: String { get }
    /// The media types it reads, most specific first.
    static var mediaTypes: [String] { get }

    /// How sure the importer is that it reads these bytes, in 0...1; 0 means "not mine".
    /// Cheap: it looks at the name and the first bytes, it does not parse the whole input.
    static func confidence(for input: ImportInput) -> Double

    init(configuration: ImporterConfiguration)

    /// Reads the input.
    /// - Throws: `ImportError` naming the file, the line where known, and the problem.
    func read(_ input: ImportInput) throws -> ImportBatch
}

public extension Importer {
    var identifier: String { Self.identifier }
}
