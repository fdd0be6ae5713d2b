/// Why the archive could not be opened or written, as one sentence naming the archive file.
///
/// ```
/// notes.sqlite is not a Diglot archive (an SQLite database with other tables); it was left untouched
/// ```
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// The file is not SQLite at all, or SQLite holding something else.
        case notAnArchive(String)
        /// Written by a newer Diglot whose schema this build does not know.
        case newerSchema(found: Int, supported: Int)
        /// The folder cannot be written or the file cannot be created.
        case notWritable(String)
        /// SQLite could not read the file (corrupt, truncated).
        case unreadable(String)
        /// An import batch failed validation; nothing was written.
        case invalidBatch([String])
        /// A record the caller named is not in the archive.
        case notFound(String)
    }

    /// The archive file (or the record's file, for `invalidBatch`).
    public var file: String
    public var reason: Reason

    public init(file: String, reason: Reason) {
        self.file = file
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .notAnArchive(let why):
            return "\(file) is not a Diglot archive (\(why)); it was left untouched"
        case .newerSchema(let found, let supported):
            return "\(file) was written by a newer Diglot (archive schema \(found), this build reads up to \(supported)); it was left untouched"
        case .notWritable(let why):
            return "cannot use archive \(file): \(why)"
        case .unreadable(let why):
            return "cannot read archive \(file): \(why)"
        case .invalidBatch(let problems):
            let shown = problems.prefix(3).joined(separator: "; ")
            let more = problems.count > 3 ? " (and \(problems.count - 3) more)" : ""
            return "\(file): the importer produced inconsistent records, nothing was stored: \(shown)\(more)"
        case .notFound(let what):
            return "\(file) has no \(what)"
        }
    }
}

import GRDB

extension StoreError {
    /// SQLite's failure on `file`, as the one sentence every store error gives.
    init(file: String, unreadable error: DatabaseError) {
        self.init(file: file, reason: .unreadable(error.message ?? "\(error.resultCode)"))
    }
}
