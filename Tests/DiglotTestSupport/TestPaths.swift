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
}
