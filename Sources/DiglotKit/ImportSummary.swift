/// What `diglot import` did, printed as one JSON object by `--json`.
///
/// ```json
/// {"documents":12,"duplicates":1,"errors":[{"message":"…","path":"bad.html"}],"failed":1,"files":5,
///  "imported":3,"pairs":4,"skipped":[]}
/// ```
public struct ImportSummary: Codable, Sendable, Equatable {
    /// A file and one sentence about it.
    public struct Note: Codable, Sendable, Equatable {
        public var path: String
        public var message: String

        public init(path: String, message: String) {
            self.path = path
            self.message = message
        }
    }

    /// Files looked at (imported, duplicates, failed and skipped together).
    public var files = 0
    public var imported = 0
    public var duplicates = 0
    public var failed = 0
    /// Documents this import added to the archive.
    public var documents = 0
    /// Pairs this import added to the archive.
    public var pairs = 0
    public var errors: [Note] = []
    /// Files a directory import passed over (no importer recognises them, links not followed).
    public var skipped: [Note] = []

    public init() {}

    /// True when every file was imported, found a duplicate or skipped.
    public var succeeded: Bool { failed == 0 && errors.isEmpty }
}
