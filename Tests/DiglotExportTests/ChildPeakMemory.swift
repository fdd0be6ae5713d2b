import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program and reports its own peak resident memory (`ru_maxrss` from `wait4`), which, unlike this
/// process's VmHWM, no test running in parallel can disturb.
enum ChildPeakMemory {
    struct Outcome {
        var status: Int32
        /// Peak resident set size of the child alone, in kB.
        var peakKilobytes: Int
    }

    static func run(_ executable: URL, _ arguments: [String]) throws -> Outcome {
        var pid: pid_t = 0
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var fileActions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fileActions)
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        posix_spawn_file_actions_addopen(&fileActions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&fileActions, 2, "/dev/null", O_WRONLY, 0)
        let spawned = posix_spawn(&pid, executable.path, &fileActions, nil, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Outcome(status: exitStatus, peakKilobytes: Int(usage.ru_maxrss))
    }
}
