import Foundation

/// Where tests find the repository's folders and the shared reference material.
public enum TestPaths {
    /// The package root (the folder holding Package.swift), found from this source file's path.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    public static var samples: URL { packageRoot.appendingPathComponent("Samples") }

    /// `../shared/reference` beside the repository, or `DIGLOT_REFERENCE` if set; nil when absent
    /// (tests that need it then say so plainly instead of passing silently).
    public static var reference: URL? {
        if let override = ProcessInfo.processInfo.environment["DIGLOT_REFERENCE"] {
            return URL(fileURLWithPath: override)
        }
        let candidate = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/reference")
        return FileManager.default.fileExists(atPath: candidate.path) ? candidate : nil
    }

    /// An executable product SwiftPM built with the tests (`diglot`, `diglot-bench`): beside the test bundle,
    /// else in .build/debug. Every test target that runs the built binary looks it up here.
    public static func builtExecutable(_ name: String) -> URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for folder in [beside, beside.deletingLastPathComponent(), packageRoot.appendingPathComponent(".build/debug")] {
            let candidate = folder.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return packageRoot.appendingPathComponent(".build/debug/\(name)")
    }
}
