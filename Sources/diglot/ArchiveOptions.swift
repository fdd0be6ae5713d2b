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
}
