import Foundation

/// Runs work on its own thread (with the 8 MiB stack the main thread of `diglot` has) and waits at most
/// `seconds`: a hang becomes a failed expectation instead of a test run that never ends.
enum TimeLimit {
    private final class Box<T>: @unchecked Sendable {
        var value: T?
    }

    /// The result, or nil when `seconds` passed first (the thread is then left to finish on its own).
    static func run<T>(_ seconds: TimeInterval, _ body: @escaping @Sendable () -> T) -> T? {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = body()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        return done.wait(timeout: .now() + seconds) == .success ? box.value : nil
    }
}

/// The resident memory of this process, read from /proc (Linux).
enum ProcessMemory {
    /// Resets the peak resident set size the kernel keeps (VmHWM), so the next peak is one input's.
    static func resetPeak() {
        try? Data("5".utf8).write(to: URL(fileURLWithPath: "/proc/self/clear_refs"))
    }

    /// The peak resident set size since the last reset, in MiB (0 where /proc is missing).
    static func peakMiB() -> Double { field("VmHWM:") }

    /// The resident set size now, in MiB.
    static func currentMiB() -> Double { field("VmRSS:") }

    private static func field(_ name: String) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }) else { return 0 }
        let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kilobytes / 1024
    }
}
