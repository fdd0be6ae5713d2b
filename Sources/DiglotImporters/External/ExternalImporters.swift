import Foundation
import DiglotImporting
import DiglotModel

/// Finds `diglot-import-<id>` executables and turns each into an importer of kind `.external`.
///
/// Folders are searched in order: those given (`--plugins DIR`), then `DIGLOT_PLUGINS` (colon-separated),
/// then `PATH`. The first executable for an id wins, so a project's plugin folder can shadow one installed
/// system-wide. Each is run with `--describe`; one that fails to describe itself is left out and reported in
/// `problems`, never fatal: a broken plugin must not stop Diglot from importing anything else.
///
/// ```swift
/// var catalog = ImporterCatalog.builtin
/// let found = ExternalImporters.discover(directories: [pluginsDir], environment: ProcessInfo.processInfo.environment)
/// catalog.add(found.importers)
/// found.problems.forEach { print($0, to: &standardError) }
/// ```
public enum ExternalImporters {
    /// The executable name prefix: `diglot-import-telegram-export` provides importer `telegram-export`.
    public static let executablePrefix = "diglot-import-"

    public struct Discovery: Sendable {
        public var importers: [AnyImporter]
        /// The external importers themselves, for callers that need the executable or description.
        public var externals: [ExternalImporter]
        /// One sentence per plugin that was found but could not be used, naming its path.
        public var problems: [String]
    }

    /// - Parameters:
    ///   - directories: folders from `--plugins`, searched first.
    ///   - environment: supplies `DIGLOT_PLUGINS`, `PATH` and the limits' overrides; plugins run in it.
    ///   - limits: defaults to `ExternalImporterLimits(environment:)`.
    ///   - itemCatalog: the importers `item` lines are routed through (default: the built-in ones).
    public static func discover(directories: [URL] = [], environment: [String: String],
                                limits: ExternalImporterLimits? = nil,
                                itemCatalog: ImporterCatalog = .builtin) -> Discovery {
        let limits = limits ?? ExternalImporterLimits(environment: environment)
        var discovery = Discovery(importers: [], externals: [], problems: [])
        var seen = Set<String>()
        for (id, executable) in candidates(in: searchPath(directories: directories, environment: environment))
        where seen.insert(id).inserted {
            do {
                let description = try describe(executable, expectedID: id, environment: environment, limits: limits)
                let importer = ExternalImporter(executable: executable, description: description, limits: limits,
                                                itemCatalog: itemCatalog, environment: environment)
                discovery.externals.append(importer)
                discovery.importers.append(importer.anyImporter)
            } catch let problem as DescribeProblem {
                discovery.problems.append("external importer \(executable.path) is not usable: \(problem.message)")
            } catch {
                discovery.problems.append("external importer \(executable.path) is not usable: \(error)")
            }
        }
        return discovery
    }

    /// The folders to search, in order, without repeats.
    static func searchPath(directories: [URL], environment: [String: String]) -> [URL] {
        let fromEnvironment = [environment["DIGLOT_PLUGINS"], environment["PATH"]].flatMap { value in
            (value ?? "").split(separator: ":").filter { !$0.isEmpty }.map { URL(fileURLWithPath: String($0)) }
        }
        var seen = Set<String>()
        return (directories + fromEnvironment).filter { seen.insert($0.standardizedFileURL.path).inserted }
    }

    /// `(id, executable)` for every executable regular file named `diglot-import-<id>` in the folders.
    static func candidates(in folders: [URL]) -> [(String, URL)] {
        folders.flatMap { folder -> [(String, URL)] in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.sorted().compactMap { name -> (String, URL)? in
                guard name.hasPrefix(executablePrefix) else { return nil }
                let id = String(name.dropFirst(executablePrefix.count))
                let url = folder.appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                guard !id.isEmpty, FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
                      !isDirectory.boolValue, access(url.path, X_OK) == 0 else { return nil }
                return (id, url)
            }
        }
    }

    struct DescribeProblem: Error {
        var message: String
    }

    /// Runs `executable --describe` and checks what it says.
    /// - Throws: `DescribeProblem` with a sentence fragment saying what went wrong.
    static func describe(_ executable: URL, expectedID: String, environment: [String: String],
                         limits: ExternalImporterLimits) throws -> ExternalImporterDescription {
        let result: PluginProcess.Result
        do {
            result = try PluginProcess.run(executable: executable, arguments: ["--describe"], input: Data(),
                                           environment: environment,
                                           limits: .init(timeLimit: limits.describeTimeLimit, outputLimit: 1 << 20))
        } catch let failure as PluginProcess.LaunchFailure {
            throw DescribeProblem(message: failure.description)
        }
        let said = result.lastErrorLine.map { ": \"\($0)\"" } ?? ""
        switch result.outcome {
        case .exited(0): break
        case .exited(let code): throw DescribeProblem(message: "--describe failed with exit status \(code)\(said)")
        case .signalled(let signal): throw DescribeProblem(message: "--describe crashed (signal \(signal))\(said)")
        case .timedOut: throw DescribeProblem(message: "--describe took longer than \(ExternalImporter.format(limits.describeTimeLimit)) s")
        case .outputTooLarge: throw DescribeProblem(message: "--describe wrote more than 1 MiB")
        case .ioFailure(let reason): throw DescribeProblem(message: reason)
        }
        let description: ExternalImporterDescription
        do {
            description = try JSONDecoder().decode(ExternalImporterDescription.self, from: result.output)
        } catch {
            throw DescribeProblem(message: "--describe did not print a valid description: \(ExternalOutput.reason(error))")
        }
        if let problem = description.problems(expectedID: expectedID).first { throw DescribeProblem(message: problem) }
        return description
    }
}
