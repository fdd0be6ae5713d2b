import Foundation
import DiglotTestSupport

/// Runs the built `diglot` executable in a temporary folder, as a user would (the same lookup as
/// DiglotCLITests' `DiglotCommand`, which another test target cannot reach).
struct ExportCLI: Sendable {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        /// stdout's lines parsed as JSON objects.
        func jsonLines() throws -> [[String: Any]] {
            try stdout.split(separator: "\n").map { line in
                guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                    throw CocoaError(.coderReadCorrupt)
                }
                return object
            }
        }

        /// The pair and unit counts of the summary line on stderr ("Exported N pairs (M units) to …").
        var reported: (pairs: Int, units: Int)? {
            guard let line = stderr.split(separator: "\n").first(where: { $0.hasPrefix("Exported ") }) else { return nil }
            let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            return numbers.count >= 2 ? (numbers[0], numbers[1]) : nil
        }
    }

    /// The built `diglot` (see `TestPaths.builtExecutable`).
    static let executable = TestPaths.builtExecutable("diglot")

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("diglot-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func read(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }

    /// The names in the folder, hidden temporary files included.
    func contents() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() }

    /// Runs `diglot ARGUMENTS --archive ARCHIVE` in the folder.
    func run(_ arguments: [String], archive: String = "archive.sqlite") throws -> Result {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments + ["--archive", path(archive)]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "DIGLOT_ARCHIVE")
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Drain stderr on another thread, so a large stdout and a chatty stderr cannot deadlock each other.
        let errBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errBox.data, as: UTF8.self))
    }

    private final class DataBox: @unchecked Sendable { var data = Data() }
}
