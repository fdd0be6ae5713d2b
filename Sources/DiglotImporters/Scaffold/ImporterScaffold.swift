import Foundation
import DiglotImporting
import DiglotLanguage
import DiglotModel

/// Creates a new built-in importer from a template: module, test file, first sample and its golden file.
///
/// ```swift
/// let created = try ImporterScaffold.create(id: "ministry-rss", at: packageRoot)
/// print(created.instructions)
/// ```
/// It writes `Plugins/<Name>Importer/<Name>Importer.swift` (a working importer for a "Key: value" headed
/// text format), `Tests/ImporterTests/<Name>ImporterTests.swift`, and `Samples/<id>/first-sample.<id>` with
/// its `.golden.jsonl`. It changes no existing file: registering the importer is the two lines it returns,
/// one in Package.swift's `pluginModules` and one in `BuiltinImporters.all` (plus that file's `import`).
public enum ImporterScaffold {
    public struct Created: Sendable, Equatable {
        /// `MinistryRss` for `ministry-rss`.
        public var name: String
        /// Every file written, relative to the package root.
        public var files: [String]
        /// The line to add to Package.swift's `pluginModules` array.
        public var packageLine: String
        /// The line to add to `BuiltinImporters.all` (its file also needs `import <Name>Importer`).
        public var registryLine: String

        /// What to tell the user: the files written and the two lines to add.
        public var instructions: String {
            """
            Created \(files.joined(separator: ", ")).
            Add the importer to the build and the registry:
              Package.swift, in pluginModules:                       \(packageLine)
              Sources/DiglotImporters/BuiltinImporters.swift, in all: \(registryLine)   (and: import \(name)Importer)
            Then run: swift test --disable-xctest --filter \(name)ImporterTests
            """
        }
    }

    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// - Throws: `Failure` for an id that is not lowercase letters, digits and hyphens, a folder that holds
    ///   no Package.swift, or an importer whose files already exist (nothing is overwritten).
    @discardableResult
    public static func create(id: String, at packageRoot: URL) throws -> Created {
        guard ExternalImporterDescription.isValidIdentifier(id), id.first?.isLetter == true else {
            throw Failure(description: "importer id \"\(id)\" must start with a letter and hold only lowercase letters, digits and hyphens")
        }
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: packageRoot.appendingPathComponent("Package.swift").path) else {
            throw Failure(description: "\(packageRoot.path) holds no Package.swift; run this from the Diglot package root")
        }
        let name = moduleStem(for: id)
        let sampleName = "first-sample.\(id)"
        let planned: [(String, String)] = [
            ("Plugins/\(name)Importer/\(name)Importer.swift", fill(ScaffoldTemplates.importer, name: name, id: id)),
            ("Tests/ImporterTests/\(name)ImporterTests.swift", fill(ScaffoldTemplates.tests, name: name, id: id)),
            ("Samples/\(id)/\(sampleName)", fill(ScaffoldTemplates.sample, name: name, id: id)),
            ("Samples/\(id)/\(sampleName).golden.jsonl",
             try goldenText(sample: fill(ScaffoldTemplates.sample, name: name, id: id), id: id)),
        ]
        for (path, _) in planned where fileManager.fileExists(atPath: packageRoot.appendingPathComponent(path).path) {
            throw Failure(description: "\(path) already exists; the scaffold overwrites nothing")
        }
        if fileManager.fileExists(atPath: packageRoot.appendingPathComponent("Plugins/\(name)Importer").path) {
            throw Failure(description: "Plugins/\(name)Importer already exists; the scaffold overwrites nothing")
        }
        for (path, text) in planned {
            let url = packageRoot.appendingPathComponent(path)
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return Created(name: name, files: planned.map(\.0), packageLine: "\"\(name)Importer\",",
                       registryLine: "\(name)Importer.self,")
    }

    /// `ministry-rss` -> `MinistryRss`; a leading digit after a hyphen is kept (`news-24` -> `News24`).
    static func moduleStem(for id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    private static func fill(_ template: String, name: String, id: String) -> String {
        template.replacingOccurrences(of: "__NAME__", with: name).replacingOccurrences(of: "__ID__", with: id)
    }

    /// The golden file for the first sample: what the template importer yields for it, computed with the
    /// same rules (header lines, then paragraphs at blank lines), so the new importer's test passes on day one.
    static func goldenText(sample: String, id: String) throws -> String {
        let lines = sample.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        var headers: [String: String] = [:]
        var index = 0
        while index < lines.count, !lines[index].isEmpty, let colon = lines[index].firstIndex(of: ":") {
            headers[lines[index][..<colon].lowercased()] = lines[index][lines[index].index(after: colon)...]
                .trimmingCharacters(in: .whitespaces)
            index += 1
        }
        var paragraphs: [String] = []
        var current: [String] = []
        for line in lines[index...] {
            if line.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")); current = [] }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        let title = headers["title"] ?? ""
        let sourceID = SourceID(bytes: Data(sample.utf8))
        let documentID = DocumentID(naturalKey: headers["url"] ?? "\(id):\(sourceID.rawValue)")
        let language = LanguageDetector.detect(([title] + paragraphs).joined(separator: "\n"))
        var builder = PassageBuilder(documentID: documentID, language: language)
        builder.append(title, role: .headline)
        for paragraph in paragraphs { builder.append(paragraph, role: .paragraph) }
        let (text, passages) = builder.finish()
        let known: Set<String> = ["title", "author", "publisher", "date", "url", "language"]
        let document = Document(
            id: documentID, kind: .article, language: language,
            declaredLanguage: headers["language"].map { LanguageTag(bcp47: $0) }, title: title,
            author: headers["author"], publisher: headers["publisher"],
            published: headers["date"].flatMap { PublishedDate(iso: $0) }, canonicalURL: headers["url"], text: text,
            metadata: headers.filter { !known.contains($0.key) })
        let records = [ArchiveRecord.document(document)] + passages.map(ArchiveRecord.passage)
        return try records.map { try ArchiveJSON.line($0) }.joined(separator: "\n") + "\n"
    }
}
