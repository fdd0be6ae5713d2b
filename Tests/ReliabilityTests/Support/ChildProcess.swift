import Foundation
import DiglotTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `diglot` binary as a child process with `posix_spawn` and reaps it with `wait4`, which
/// gives what `Foundation.Process` does not: the child's own peak resident memory, a hard time limit, and
/// SIGKILL at a chosen moment.
///
/// The peak memory is sampled from `/proc/PID/status` (VmHWM) every 5 ms while the child runs, not taken from
/// `wait4`'s `ru_maxrss`: glibc's `posix_spawn` shares the parent's address space until `exec`, and Linux
/// carries that address space's high-water mark into the child's `ru_maxrss`, so a test process grown to
/// 400 MB made every child look that large. Sampling can miss a peak in the child's last 5 ms.
///
/// ```swift
/// let run = try ChildProcess.run(["import", dir], in: folder, timeLimit: 60)
/// #expect(run.exitStatus == 0 && run.peakMemoryMiB < 500)
/// ```
struct ChildProcess {
    /// How the child ended.
    struct Ended: CustomStringConvertible {
        /// The exit status, or nil when a signal ended it.
        var exitStatus: Int32?
        /// The signal that ended it, if any.
        var signal: Int32?
        /// The child's peak resident set size (VmHWM, sampled every 5 ms), in MiB.
        var peakMemoryMiB: Double
        var seconds: Double
        var stdout: String
        var stderr: String
        /// True when the time limit ran out and this harness killed it.
        var timedOut: Bool

        var description: String {
            let end = exitStatus.map { "exit \($0)" } ?? "signal \(signal ?? 0)"
            // A child that ended while another was being awaited was never sampled.
            let peak = peakMemoryMiB > 0 ? "peak \(String(format: "%.0f", peakMemoryMiB)) MiB" : "peak not sampled"
            return "\(end)\(timedOut ? " (timed out)" : ""), \(String(format: "%.1f", seconds)) s, \(peak)"
        }
    }

    /// The built `diglot` (see `TestPaths.builtExecutable`).
    static let executable = TestPaths.builtExecutable("diglot")

    let pid: pid_t
    private let started: Date
    private let outputFile: URL
    private let errorFile: URL

    /// Starts `diglot ARGUMENTS` (use absolute paths), stdout and stderr going to files in `folder`, stdin from /dev/null.
    init(_ arguments: [String], in folder: URL, environment extra: [String: String] = [:]) throws {
        let token = UUID().uuidString.prefix(8)
        outputFile = folder.appendingPathComponent(".child-\(token).out")
        errorFile = folder.appendingPathComponent(".child-\(token).err")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errorFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "DIGLOT_ARCHIVE")
        environment.merge(extra) { $1 }
        let argv = [Self.executable.path] + arguments
        let envp = environment.map { "\($0.key)=\($0.value)" }
        var child: pid_t = 0
        let status = withCStrings(argv) { argvPointers in
            withCStrings(envp) { envPointers in
                posix_spawn(&child, Self.executable.path, &actions, nil, argvPointers, envPointers)
            }
        }
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO) }
        pid = child
        started = Date()
    }

    /// Runs to the end (or to `timeLimit`, then SIGKILL) and reports how it ended.
    static func run(_ arguments: [String], in folder: URL, environment: [String: String] = [:],
                    timeLimit: TimeInterval = 120) throws -> Ended {
        try ChildProcess(arguments, in: folder, environment: environment).wait(timeLimit: timeLimit)
    }

    /// The running process's peak resident set size in kB (VmHWM), or nil once it has exited.
    static func highWaterMarkKilobytes(of pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return line.split(separator: " ").compactMap { Int($0) }.first
        }
        return nil
    }

    /// Sends SIGKILL now.
    func kill() { _ = Glibc.kill(pid, SIGKILL) }

    /// Waits for the child to end, killing it once `timeLimit` seconds have passed since it started.
    func wait(timeLimit: TimeInterval = 120) -> Ended {
        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        var peakKilobytes = 0
        while true {
            peakKilobytes = max(peakKilobytes, Self.highWaterMarkKilobytes(of: pid) ?? 0)
            let reaped = wait4(pid, &status, WNOHANG, &usage)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR { break }
            if !timedOut && Date().timeIntervalSince(started) > timeLimit {
                timedOut = true
                kill()
            }
            usleep(5_000)
        }
        let signal = status & 0x7f
        let output = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        let errors = (try? Data(contentsOf: errorFile)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        try? FileManager.default.removeItem(at: outputFile)
        try? FileManager.default.removeItem(at: errorFile)
        return Ended(exitStatus: signal == 0 ? (status >> 8) & 0xff : nil, signal: signal == 0 ? nil : signal,
                     peakMemoryMiB: Double(peakKilobytes) / 1024, seconds: Date().timeIntervalSince(started),
                     stdout: output, stderr: errors, timedOut: timedOut)
    }
}

/// Calls `body` with a NULL-terminated C array of the strings, valid for the call only.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    let pointers = strings.map { strdup($0) } + [nil]
    defer { for pointer in pointers { free(pointer) } }
    return body(pointers)
}
