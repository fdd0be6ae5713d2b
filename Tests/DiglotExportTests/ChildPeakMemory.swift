import Foundation

/// Runs a program and reports its own peak resident memory.
///
/// Not `wait4` from this process: glibc's `posix_spawn` shares the parent's address space until `exec`, and Linux
/// carries that address space's high-water mark into the child's `ru_maxrss`, so a test process that has grown
/// to 400 MB would make every child look that large. `/usr/bin/time` forks from a small process, and its `%M` is
/// the program's own peak.
enum ChildPeakMemory {
    struct Outcome {
        var status: Int32
        /// Peak resident set size of the program alone, in kB; nil when `/usr/bin/time` is not installed.
        var peakKilobytes: Int?
    }

    static let timeCommand = URL(fileURLWithPath: "/usr/bin/time")

    static func run(_ executable: URL, _ arguments: [String]) throws -> Outcome {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("diglot-peak-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: report) }
        let measured = FileManager.default.isExecutableFile(atPath: timeCommand.path)
        let process = Process()
        process.executableURL = measured ? timeCommand : executable
        process.arguments = measured ? ["-f", "%M", "-o", report.path, executable.path] + arguments : arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let text = (try? String(contentsOf: report, encoding: .utf8)) ?? ""
        let peak = text.split(whereSeparator: \.isNewline).last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        return Outcome(status: process.terminationStatus, peakKilobytes: measured ? peak : nil)
    }
}
