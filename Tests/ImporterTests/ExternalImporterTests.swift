import Foundation
import Testing
import DiglotImporters
import DiglotImporting
import DiglotModel
import DiglotTestSupport

/// External importers end to end: discovery, the real Telegram plugin run through Diglot's runner, and
/// hostile plugins (hanging, crashing, garbage, broken references, a flood of output) that must each be
/// refused with an error naming the plugin and the file, and nothing returned.
@Suite struct ExternalImporterTests {
    static let telegramFolder = TestPaths.packageRoot.appendingPathComponent("Plugins/TelegramExport")
    static let telegramSample = TestPaths.samples.appendingPathComponent("telegram-export/result.json")
    static var environment: [String: String] { ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"] }

    static func telegram() throws -> ExternalImporter {
        let found = ExternalImporters.discover(directories: [telegramFolder], environment: environment,
                                               limits: .init(describeTimeLimit: 60))
        #expect(found.problems.isEmpty, "\(found.problems)")
        return try #require(found.externals.first { $0.description.id == "telegram-export" })
    }

    static func sampleInput() throws -> ImportInput {
        ImportInput(bytes: try Data(contentsOf: telegramSample), fileName: "result.json")
    }

    @Test func discoversTheTelegramPluginAsExternal() throws {
        let found = ExternalImporters.discover(directories: [Self.telegramFolder], environment: Self.environment)
        let importer = try #require(found.importers.first { $0.identifier == "telegram-export" })
        #expect(importer.kind == .external)
        #expect(importer.mediaTypes == ["application/json"])
        #expect(!importer.summary.isEmpty)
    }

    @Test func pluginsAreAlsoFoundThroughDiglotPluginsAndPath() throws {
        let viaVariable = ExternalImporters.discover(environment: ["DIGLOT_PLUGINS": "/nonexistent:" + Self.telegramFolder.path,
                                                                   "PATH": Self.environment["PATH"]!])
        #expect(viaVariable.importers.map(\.identifier).contains("telegram-export"))
        let viaPath = ExternalImporters.discover(environment: ["PATH": Self.telegramFolder.path + ":" + Self.environment["PATH"]!])
        #expect(viaPath.importers.map(\.identifier).contains("telegram-export"))
    }

    @Test func detectionPicksTheTelegramPluginForResultJSON() throws {
        var catalog = ImporterCatalog.builtin
        catalog.add([try Self.telegram().anyImporter])
        let (importer, confidence) = try catalog.detect(try Self.sampleInput())
        #expect(importer.identifier == "telegram-export")
        #expect(confidence > 0.5)
        let other = ImportInput(bytes: Data("{\"name\": 1}".utf8), fileName: "result.json")
        #expect(try Self.telegram().anyImporter.confidence(for: other) == 0)
    }

    /// The plugin's own output is its contract: compared with `result.json.output.jsonl`.
    @Test func telegramPluginOutputMatchesGolden() throws {
        let plugin = Self.telegramFolder.appendingPathComponent("diglot-import-telegram-export")
        let process = Process()
        process.executableURL = plugin
        process.arguments = ["--file-name", "result.json", "--media-type", "application/json"]
        process.standardInput = try FileHandle(forReadingFrom: Self.telegramSample)
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let golden = Self.telegramSample.deletingLastPathComponent().appendingPathComponent("result.json.output.jsonl")
        if ProcessInfo.processInfo.environment["DIGLOT_UPDATE_GOLDEN"] == "1" { try output.write(to: golden) }
        #expect(String(decoding: output, as: UTF8.self) == (try String(contentsOf: golden, encoding: .utf8)))
    }

    @Test func telegramPostsGoThroughTheBuiltinImporters() throws {
        let batch = try Self.telegram().read(try Self.sampleInput())
        #expect(batch.validationProblems().isEmpty)
        #expect(batch.documents.count == 4)
        #expect(batch.warnings == ["3 messages without readable text (service messages, media only) skipped"])
        let bulletin = try #require(batch.documents.first { $0.metadata["message_id"] == "5012" })
        let bulletinImporter = BuiltinImporters.all.contains { $0.identifier == "staff-bulletin" } ? "staff-bulletin" : "article"
        #expect(bulletin.kind.rawValue == bulletinImporter)
        #expect(bulletin.language == .ukrainian)
        #expect(bulletin.canonicalURL == "https://t.me/c/1099000001/5012")
        #expect(bulletin.published?.description == "2022-08-21T06:00:00Z")
        #expect(bulletin.metadata["hashtags"] == "#втрати #ПереможемоРазом")
        #expect(bulletin.text.contains("танків ‒ 1912 (+5)"))
        let languages = batch.documents.sorted { $0.metadata["message_id"]! < $1.metadata["message_id"]! }.map(\.language)
        #expect(languages == [.ukrainian, .ukrainian, .english, .russian])
        let forwarded = try #require(batch.documents.first { $0.metadata["message_id"] == "5016" })
        #expect(forwarded.metadata["forwarded_from"] == "Хроника войны (рус.)")
        #expect(forwarded.publisher == "Генштаб ЗСУ (архів Diglot)")
    }

    @Test func telegramUsernameGivesPublicPostURLs() throws {
        let found = ExternalImporters.discover(
            directories: [Self.telegramFolder],
            environment: Self.environment.merging(["DIGLOT_TELEGRAM_USERNAME": "@GeneralStaffArchive"]) { $1 })
        let batch = try #require(found.externals.first).read(try Self.sampleInput())
        #expect(batch.documents.compactMap(\.canonicalURL).sorted().first == "https://t.me/GeneralStaffArchive/5012")
    }

    @Test func telegramPluginRefusesWhatIsNotAnExport() throws {
        let input = ImportInput(bytes: Data("[1, 2, 3]".utf8), fileName: "result.json")
        let error = try #require(throws: ImportError.self) { try Self.telegram().read(input) }
        #expect(error.description.contains("result.json"))
        #expect(error.description.contains("telegram-export"))
        #expect(error.description.contains("exit status 2"))
        #expect(error.description.contains("not a Telegram export"))
    }

    // MARK: hostile plugins

    /// Writes `diglot-import-<id>` into a fresh folder: a shell script that describes itself and then runs `body`.
    static func hostilePlugin(_ id: String, body: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diglot-plugins-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = """
        #!/bin/sh
        if [ "$1" = "--describe" ]; then
          echo '{"protocol_version":1,"id":"\(id)","summary":"hostile test plugin","version":"0","media_types":["text/x-hostile"],"file_patterns":["*.hostile"]}'
          exit 0
        fi
        \(body)
        """
        let url = folder.appendingPathComponent("diglot-import-\(id)")
        try script.write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return folder
    }

    /// Runs a hostile plugin over a small input and returns the error it must produce.
    static func refusal(_ id: String, body: String, limits: ExternalImporterLimits = .init(describeTimeLimit: 60)) throws -> ImportError {
        let folder = try hostilePlugin(id, body: body)
        defer { try? FileManager.default.removeItem(at: folder) }
        let found = ExternalImporters.discover(directories: [folder], environment: environment, limits: limits)
        let importer = try #require(found.importers.first { $0.identifier == id }, "\(found.problems)")
        let input = ImportInput(bytes: Data("some input\n".utf8), fileName: "input.hostile")
        #expect(importer.confidence(for: input) > 0)
        return try #require(throws: ImportError.self) { try importer.read(input) }
    }

    @Test func aHangingPluginIsStoppedAtTheTimeLimit() throws {
        let error = try Self.refusal("hang", body: "sleep 300", limits: .init(timeLimit: 1, describeTimeLimit: 60))
        #expect(error.description.hasPrefix("input.hostile: external importer hang"))
        #expect(error.description.contains("ran longer than the 1 s time limit"))
    }

    @Test func aCrashingPluginIsReported() throws {
        let error = try Self.refusal("crash", body: "echo '{\"type\":\"warning\",\"message\":\"half\"}'; kill -SEGV $$")
        #expect(error.description.contains("external importer crash"))
        #expect(error.description.contains("crashed (signal 11)"))
        let failing = try Self.refusal("fail", body: "echo 'cannot parse the frobnicator' >&2; exit 3")
        #expect(failing.description.contains("exit status 3: \"cannot parse the frobnicator\""))
    }

    @Test func aPluginWritingGarbageIsRefused() throws {
        let error = try Self.refusal("garbage", body: "cat > /dev/null; echo 'this is not json at all'")
        #expect(error.description.contains("external importer garbage"))
        #expect(error.description.contains("line 1 is not JSON"))
    }

    @Test func aDanglingReferenceIsRefused() throws {
        let passage = #"{"type":"passage","id":"p0000000000000000","document":"d1234567890abcdef","index":0,"role":"paragraph","start":0,"end":4,"language":"en","text":"text","metadata":{}}"#
        let error = try Self.refusal("dangling", body: "echo '\(passage)'")
        #expect(error.description.contains("external importer dangling"))
        #expect(error.description.contains("belongs to unknown document d1234567890abcdef"))
    }

    @Test func anUnknownFieldIsRefused() throws {
        let document = #"{"type":"document","id":"d1234567890abcdef","kind":"article","language":"en","text":"A note","metadata":{},"titel":"typo"}"#
        let error = try Self.refusal("typo", body: "echo '\(document)'")
        #expect(error.description.contains("line 1 a document record has unknown field \"titel\""))
    }

    @Test func aFloodOfOutputIsStoppedAtTheOutputLimit() throws {
        let error = try Self.refusal("flood", body: "head -c 100000000 /dev/zero | tr '\\\\0' 'a'")
        #expect(error.description.contains("external importer flood"))
        #expect(error.description.contains("more than the 67108864 byte output limit"))
    }

    @Test func aValidPluginWritingRecordsDirectlyImports() throws {
        let id = DocumentID(naturalKey: "note:1")
        let document = Document(id: id, kind: .article, language: .english, title: "Note", text: "Note\nA short note.")
        let passage = Passage(documentID: id, index: 0, role: .headline, start: 0, end: 4, language: .english, text: "Note")
        let batch = try Self.batch(fromPluginWriting: [.document(document), .passage(passage)], named: "records")
        #expect(batch.documents == [document])
        #expect(batch.passages == [passage])
    }

    /// What a plugin that writes `records` and reads nothing yields for one input file.
    static func batch(fromPluginWriting records: [ArchiveRecord], named name: String) throws -> ImportBatch {
        let lines = try records.map { try ArchiveJSON.line($0) }
        let folder = try hostilePlugin(name, body: "cat > /dev/null\n" + lines.map { "printf '%s\\n' '\($0)'" }.joined(separator: "\n"))
        defer { try? FileManager.default.removeItem(at: folder) }
        // A generous describe limit: the test suite runs many processes in parallel on a small machine.
        let found = ExternalImporters.discover(directories: [folder], environment: environment,
                                               limits: .init(describeTimeLimit: 60))
        let importer = try #require(found.importers.first, "\(found.problems)")
        return try importer.read(ImportInput(bytes: Data("x".utf8), fileName: "a.\(name)"))
    }

    /// Protocol v1 documented the first passage-id formula; a plugin still computing it keeps working, its ids and
    /// every reference to them (a pair's sides, the pair's own id, a figure's passage) rewritten to the current ones.
    @Test func aPluginUsingTheFirstPassageIDFormulaStillImports() throws {
        let ukrainian = DocumentID(naturalKey: "note:uk"), english = DocumentID(naturalKey: "note:en")
        let documents = [Document(id: ukrainian, kind: .article, language: .ukrainian, text: "Танки 10"),
                         Document(id: english, kind: .article, language: .english, text: "Tanks 10")]
        var passages = [Passage(documentID: ukrainian, index: 0, role: .paragraph, start: 0, end: 8, language: .ukrainian, text: "Танки 10"),
                        Passage(documentID: english, index: 0, role: .paragraph, start: 0, end: 8, language: .english, text: "Tanks 10")]
        let current = passages.map(\.id)
        for position in passages.indices {
            passages[position].id = PassageID.legacy(document: passages[position].documentID, index: 0)
        }
        #expect(passages.map(\.id) != current)
        let legacyPair = Pair(original: .passage(passages[0].id), rendering: .passage(passages[1].id), method: .explicitLink, confidence: 1)
        let figure = Figure(documentID: ukrainian, date: "2022-08-21", category: .tank, total: 10, delta: nil,
                            qualifier: nil, language: .ukrainian, passageID: passages[0].id)
        let records: [ArchiveRecord] = documents.map { .document($0) } + passages.map { .passage($0) } + [.pair(legacyPair), .figure(figure)]
        let batch = try Self.batch(fromPluginWriting: records, named: "legacy")
        #expect(batch.passages.map(\.id) == current)
        #expect(batch.pairs.map(\.original) == [.passage(current[0])])
        #expect(batch.pairs.map(\.rendering) == [.passage(current[1])])
        #expect(batch.pairs.map(\.id) == [PairID(original: .passage(current[0]), rendering: .passage(current[1]))])
        #expect(batch.figures.map(\.passageID) == [current[0]])
    }

    @Test func aPluginThatDescribesItselfWronglyIsReportedNotFatal() throws {
        let folder = try Self.hostilePlugin("misnamed", body: "exit 0")
        defer { try? FileManager.default.removeItem(at: folder) }
        let renamed = folder.appendingPathComponent("diglot-import-other")
        try FileManager.default.moveItem(at: folder.appendingPathComponent("diglot-import-misnamed"), to: renamed)
        let found = ExternalImporters.discover(directories: [folder], environment: Self.environment)
        #expect(found.importers.isEmpty)
        #expect(found.problems.count == 1)
        #expect(found.problems.first?.contains("describes itself as \"misnamed\" but is named diglot-import-other") == true)
    }
}
