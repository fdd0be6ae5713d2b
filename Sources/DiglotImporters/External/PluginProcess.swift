#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Runs one plugin executable with bytes on stdin, a time limit and an output limit.
///
/// The plugin runs in its own process group, so a plugin that spawned children (a shell script running
/// `sleep`) is killed whole when it overruns, and no orphan keeps its output pipe open. The parent never
/// blocks on a pipe: stdin, stdout and stderr are served by one `poll` loop, so a plugin that does not read
/// its input, or that writes without end, cannot wedge Diglot.
///
/// ```swift
/// let result = try PluginProcess.run(executable: url, arguments: ["--describe"], input: Data(), limits: .init())
/// ```
struct PluginProcess {
    struct Limits: Sendable, Equatable {
        var timeLimit: Double
        var outputLimit: Int
        /// Standard error is kept for error messages only; beyond this it is dropped, not an error.
        var errorOutputKept = 64 << 10
    }

    enum Outcome: Equatable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
        case outputTooLarge
        /// The operating system failed us (poll or waitpid), with its reason.
        case ioFailure(String)
    }

    struct Result {
        var outcome: Outcome
        var output: Data
        var errorOutput: Data

        /// The last non-empty line the plugin wrote to stderr, for error messages.
        var lastErrorLine: String? {
            String(decoding: errorOutput, as: UTF8.self).split(separator: "\n")
                .map { $0.trimmingCharacters(in: .whitespaces) }.last { !$0.isEmpty }
        }
    }

    struct LaunchFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// Writing to a plugin that stopped reading must fail with EPIPE, not kill Diglot with SIGPIPE. Ignoring
    /// the signal is process-wide, which a command-line tool wants anyway; plugins get the default back
    /// (`POSIX_SPAWN_SETSIGDEF`).
    private static let ignoreBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    /// - Throws: `LaunchFailure` when the executable cannot be started at all.
    static func run(executable: URL, arguments: [String], input: Data, environment: [String: String],
                    limits: Limits) throws -> Result {
        _ = ignoreBrokenPipes
        var stdinPipe: [Int32] = [0, 0], stdoutPipe: [Int32] = [0, 0], stderrPipe: [Int32] = [0, 0]
        // Close-on-exec: another thread may spawn a process at the same moment, and a pipe end it inherited would
        // keep our reader from ever seeing end-of-file. The dup2 actions below give the plugin its own copies.
        guard pipe(&stdinPipe) == 0, pipe(&stdoutPipe) == 0, pipe(&stderrPipe) == 0 else {
            throw LaunchFailure(description: "could not create pipes: \(String(cString: strerror(errno)))")
        }
        for fd in stdinPipe + stdoutPipe + stderrPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], 2)
        for fd in stdinPipe + stdoutPipe + stderrPipe { posix_spawn_file_actions_addclose(&actions, fd) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        sigaddset(&defaultSignals, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        var spawned = posix_spawn(&pid, executable.path, &actions, &attributes, argv, envp)
        // ETXTBSY: a plugin written a moment ago can still be open for writing in a process another thread
        // forked meanwhile (until that process execs). It clears within milliseconds; wait for it, briefly.
        var retries = 0
        while spawned == ETXTBSY && retries < 50 {
            retries += 1
            usleep(20_000)
            spawned = posix_spawn(&pid, executable.path, &actions, &attributes, argv, envp)
        }
        close(stdinPipe[0]); close(stdoutPipe[1]); close(stderrPipe[1])
        guard spawned == 0 else {
            close(stdinPipe[1]); close(stdoutPipe[0]); close(stderrPipe[0])
            throw LaunchFailure(description: "could not start \(executable.path): \(String(cString: strerror(spawned)))")
        }
        return serve(pid: pid, stdin: stdinPipe[1], stdout: stdoutPipe[0], stderr: stderrPipe[0], input: input, limits: limits)
    }

    private static func serve(pid: pid_t, stdin: Int32, stdout: Int32, stderr: Int32, input: Data,
                              limits: Limits) -> Result {
        var stdinFD: Int32 = stdin
        var stdoutFD: Int32 = stdout
        var stderrFD: Int32 = stderr
        for fd in [stdin, stdout, stderr] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        let inputBytes = [UInt8](input)
        var written = 0
        if inputBytes.isEmpty { close(stdinFD); stdinFD = -1 }
        var output = Data(), errorOutput = Data()
        var failure: Outcome?
        let deadline = monotonicSeconds() + limits.timeLimit
        var buffer = [UInt8](repeating: 0, count: 1 << 16)

        while (stdoutFD >= 0 || stderrFD >= 0) && failure == nil {
            let remaining = deadline - monotonicSeconds()
            if remaining <= 0 { failure = .timedOut; break }
            var fds: [pollfd] = []
            if stdoutFD >= 0 { fds.append(pollfd(fd: stdoutFD, events: Int16(POLLIN), revents: 0)) }
            if stderrFD >= 0 { fds.append(pollfd(fd: stderrFD, events: Int16(POLLIN), revents: 0)) }
            if stdinFD >= 0 { fds.append(pollfd(fd: stdinFD, events: Int16(POLLOUT), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining, 1) * 1000) + 1)
            if ready < 0 && errno != EINTR { failure = .ioFailure(String(cString: strerror(errno))); break }
            for entry in fds where entry.revents != 0 {
                if entry.fd == stdinFD {
                    let count = inputBytes.withUnsafeBytes { raw in
                        write(stdinFD, raw.baseAddress! + written, min(raw.count - written, 1 << 16))
                    }
                    if count > 0 { written += count }
                    if written >= inputBytes.count || (count < 0 && errno != EAGAIN && errno != EINTR) {
                        close(stdinFD); stdinFD = -1  // done, or the plugin closed its end: it need not read all
                    }
                    continue
                }
                let count = read(entry.fd, &buffer, buffer.count)
                if count > 0 {
                    if entry.fd == stdoutFD {
                        output.append(contentsOf: buffer[0..<count])
                        if output.count > limits.outputLimit { failure = .outputTooLarge }
                    } else if errorOutput.count < limits.errorOutputKept {
                        errorOutput.append(contentsOf: buffer[0..<min(count, limits.errorOutputKept - errorOutput.count)])
                    }
                } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                    if entry.fd == stdoutFD { close(stdoutFD); stdoutFD = -1 } else { close(stderrFD); stderrFD = -1 }
                }
            }
        }
        for fd in [stdinFD, stdoutFD, stderrFD] where fd >= 0 { close(fd) }
        let outcome = failure ?? waitForExit(pid: pid, deadline: deadline)
        switch outcome {
        case .exited, .signalled:
            break
        case .timedOut, .outputTooLarge, .ioFailure:
            // The whole process group: children the plugin started go with it.
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        return Result(outcome: outcome, output: output, errorOutput: errorOutput)
    }

    /// Waits for a plugin that closed its output to exit, until the deadline; returns nil if it overran.
    private static func waitForExit(pid: pid_t, deadline: Double) -> Outcome {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                // Decoded by hand: the WIFEXITED family are C macros Swift does not import.
                let signal = status & 0x7f
                if signal == 0 { return .exited((status >> 8) & 0xff) }
                return .signalled(signal)
            }
            if result < 0 && errno != EINTR { return .ioFailure(String(cString: strerror(errno))) }
            if monotonicSeconds() >= deadline { return .timedOut }
            usleep(2_000)
        }
    }

    private static func monotonicSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
