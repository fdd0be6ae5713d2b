import Foundation
import Testing
@testable import DiglotKit

/// The walk behind `diglot import DIR`: which files, in which order, and what it says of the rest.
@Suite struct InputCollectorTests {
    private let root = FileManager.default.temporaryDirectory.appendingPathComponent("diglot-inputs-\(UUID().uuidString)")

    private func make(_ relative: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("text of \(relative)\n".utf8).write(to: url)
    }

    private func paths(_ list: InputList) -> [String] {
        (0..<list.count).map { list[$0].path }
    }

    @Test func filesComeInNameOrderWithASubdirectoryWhereItsNameFalls() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        for name in ["b.txt", "a.txt", "c/2.txt", "c/1.txt", "c/d/x.txt", "d.txt", "B.txt", "я.txt", "e/.hidden"] {
            try make(name)
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let collector = InputCollector(paths: [root.path + "/"])
        let base = root.path
        #expect(paths(collector.items) == ["B.txt", "a.txt", "b.txt", "c/1.txt", "c/2.txt", "c/d/x.txt", "d.txt", "e/.hidden", "я.txt"]
            .map { base + "/" + $0 })
        #expect((0..<collector.items.count).allSatisfy { collector.items[$0].fromDirectory })
        #expect(collector.errors.isEmpty && collector.skipped.isEmpty)
        #expect(!collector.items.readsStandardInput)
    }

    @Test func givenPathsKeepTheirOrderAndStandardInputIsNoticed() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try make("z.txt")
        try make("dir/a.txt")
        let given = root.appendingPathComponent("z.txt").path
        let collector = InputCollector(paths: [given, "-", root.appendingPathComponent("dir").path, root.appendingPathComponent("none").path])
        #expect(collector.items.readsStandardInput)
        #expect(paths(collector.items) == [given, "-", root.appendingPathComponent("dir/a.txt").path])
        #expect(collector.items[0] == InputList.Item(path: given, fromDirectory: false))
        #expect(collector.items[2].fromDirectory)
        #expect(collector.errors.map(\.message) == ["\(root.appendingPathComponent("none").path) does not exist"])
    }

    @Test func namesThatAreNotUTF8AndFilesThatAreNotRegularAreNamed() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try make("good.txt")
        let rawPath = Array(root.path.utf8) + Array("/bad-".utf8) + [0xFF, 0xFE] + Array(".txt".utf8) + [0]
        let descriptor = rawPath.withUnsafeBufferPointer { bytes in
            bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { open($0, O_WRONLY | O_CREAT, 0o644) }
        }
        #expect(descriptor >= 0)
        close(descriptor)
        #expect(mkfifo(root.appendingPathComponent("pipe").path, 0o644) == 0)
        let collector = InputCollector(paths: [root.path])
        #expect(paths(collector.items) == [root.appendingPathComponent("good.txt").path])
        #expect(collector.errors.count == 1)
        #expect(collector.errors.first?.message.hasSuffix("its name is not valid UTF-8 (rename the file)") == true)
        #expect(collector.errors.first?.path.contains("bad-\u{FFFD}\u{FFFD}.txt") == true)
        #expect(collector.skipped.map(\.message) == ["\(root.appendingPathComponent("pipe").path) is not a regular file"])
    }

    @Test func aListingSortsByTheBytesOfNamesAndSaysWhatEachEntryIs() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try make("b")
        try make("ab")
        try make("a")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("dir"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link").path, withDestinationPath: "a")
        let listing = try #require(DirectoryListing(path: root.path))
        #expect(listing.entries.map { listing.displayName($0) } == ["a", "ab", "b", "dir", "link"])
        #expect(listing.entries.map(\.kind) == [.regularFile, .regularFile, .regularFile, .directory, .symbolicLink])
        #expect(listing.entries.allSatisfy(listing.isUTF8))
        #expect(DirectoryListing(path: root.appendingPathComponent("a").path) == nil)
    }
}
