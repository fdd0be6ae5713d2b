import Foundation
import DiglotExport

/// The files of an export written under temporary names beside their final paths and moved into place only
/// once the whole export succeeded, so that a failure (a pair the format cannot hold, a full disk, an
/// interrupted run) never leaves a half-written file where a complete one is expected — nor destroys the
/// file a previous export left there.
///
/// ```swift
/// let files = ExportFiles(path: "corpus")
/// do {
///     let summary = try archive.export(format: .moses(), to: files.destination)
///     try files.commit()          // corpus.uk, corpus.en appear together
/// } catch {
///     files.discard()
/// }
/// ```
public final class ExportFiles {
    /// The path the user gave; a format writing one file per language adds `.<suffix>`.
    public let path: String
    /// Every file the format opened, in order.
    public private(set) var paths: [String] = []
    /// Files written but not yet moved into place.
    private var pending: [(temporary: String, final: String)] = []

    public init(path: String) { self.path = path }

    /// Where the export writes: temporary files beside the final ones.
    public var destination: ExportDestination {
        ExportDestination { [self] suffix in try open(suffix: suffix) }
    }

    /// Moves every written file to its final path (replacing what was there).
    /// - Throws: `ExportError` naming the file that could not be moved; the temporary files are removed.
    public func commit() throws {
        defer { pending = [] }
        for (index, file) in pending.enumerated() where rename(file.temporary, file.final) != 0 {
            let reason = String(cString: strerror(errno))
            for rest in pending[index...] { unlink(rest.temporary) }
            throw ExportError("cannot write \(file.final): \(reason)")
        }
    }

    /// Removes the temporary files; final paths are left as they were before the export.
    public func discard() {
        for file in pending { unlink(file.temporary) }
        pending = []
    }

    private func open(suffix: String?) throws -> any ExportSink {
        let final = suffix.map { path + "." + $0 } ?? path
        let url = URL(fileURLWithPath: final)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString.prefix(8)).diglot-tmp").path
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary) else {
            throw ExportError("cannot write \(final): check that its folder exists and is writable")
        }
        pending.append((temporary, final))
        paths.append(final)
        return FileSink(handle: handle, closesHandle: true, name: final)
    }
}
