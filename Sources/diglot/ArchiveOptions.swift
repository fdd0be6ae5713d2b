import ArgumentParser
import Foundation
import DiglotKit
import DiglotStore

/// The option every subcommand shares: which archive to use.
struct ArchiveOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The archive file (default: $DIGLOT_ARCHIVE, else ./diglot.sqlite).",
                                            valueName: "path"))
    var archive: String?

    /// The archive path after the option, the environment and the default are considered.
    var path: String {
        if let archive { return archive }
        if let fromEnvironment = ProcessInfo.processInfo.environment["DIGLOT_ARCHIVE"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return "./diglot.sqlite"
    }

    /// Opens the archive, or reports why not on stderr and exits 1.
    func open() throws -> DiglotArchive {
        do {
            if let upgrade = ArchiveStore.pendingUpgrade(at: path) { Console.error(upgrade) }
            return try DiglotArchive(path: path)
        } catch {
            Console.error("\(error)")
            throw ExitCode(1)
        }
    }

    /// Closes an archive a command wrote to, so that SQLite copies the write-ahead log into it and removes the
    /// log. Left to the process's end, the connections were never closed: a 1M-document import left a 1.67 GB
    /// `-wal` file beside the archive, which the next process to open it had to read back. A failure here
    /// loses nothing (everything was committed; the next open replays the log), so it is reported, not fatal.
    static func close(_ archive: DiglotArchive) {
        do { try archive.close() } catch {
            Console.error("\(archive.store.path): the write-ahead log could not be folded into the archive yet (\(error)); the next command that opens it will")
        }
    }
}
