import Foundation
import DiglotModel
import DiglotStore

/// A fresh archive in its own temporary folder, removed when the value goes away.
final class TemporaryArchive {
    let folder: URL
    let path: String
    private(set) var store: ArchiveStore

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("diglot-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("archive.sqlite").path
        store = try ArchiveStore(path: path)
    }

    /// A path inside the temporary folder.
    func file(_ name: String) -> URL { folder.appendingPathComponent(name) }

    /// Closes and reopens the store (what a second process would see).
    func reopen() throws {
        try store.close()
        store = try ArchiveStore(path: path)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
}

/// Records for store tests, built the way an importer builds them.
enum Fixture {
    static func source(_ text: String, name: String = "input.note") -> Source {
        Source(bytes: Data(text.utf8), mediaType: "text/plain", fileName: name, importedAt: Date(),
               importerID: "note", importerVersion: "1")
    }

    static func document(_ key: String, _ language: LanguageTag, _ text: String, kind: DocumentKind = .article,
                         title: String? = nil) -> Document {
        Document(id: DocumentID(naturalKey: key), kind: kind, language: language, title: title, text: text)
    }

    static func passage(of document: Document, index: Int = 0) -> Passage {
        Passage(documentID: document.id, index: index, role: .paragraph, start: 0,
                end: document.text.unicodeScalars.count, language: document.language, text: document.text)
    }
}
