import Foundation
import Testing
import DiglotExport
import DiglotModel
import DiglotXML

@Suite struct XLIFFExportTests {
    @Test func writesOneFilePerPairWithStatesAndReadsBack() throws {
        let items = [Fixtures.bulletin, Fixtures.quote, Fixtures.hazards]
        let (text, summary) = try Fixtures.export(items, .xliff())
        let document = try MarkupDocument.xml(Data(text.utf8), fileName: "out.xlf")
        let root = try #require(document.root)
        #expect(root.name == "xliff" && root.namespaceURI == XLIFFFormat.namespace)
        #expect(root.attribute("version") == "2.1" && root.attribute("srcLang") == "uk" && root.attribute("trgLang") == "en")
        let files = root.children(named: "file")
        #expect(files.map { $0.attribute("id") } == items.map { $0.pair.id.rawValue })
        let segments = root.all(named: "segment")
        #expect(segments.count == Fixtures.unitCount(items) && summary.units == segments.count)
        #expect(files[0].children(named: "unit").map { $0.attribute("id") } == ["u0", "u1"])
        #expect(segments.map { $0.attribute("state") } == ["translated", "translated", "final", "translated"])
        #expect(segments[3].attribute("subState") == "diglot:fidelity-mismatch")
        for unitID in root.all(named: "unit").compactMap({ $0.attribute("id") }) + files.compactMap({ $0.attribute("id") }) {
            #expect(unitID.allSatisfy { $0.isLetter || $0.isNumber || "-._:".contains($0) }, "\(unitID) is no NMTOKEN")
        }
        #expect(segments[0].first(named: "source")?.text == "Загальні бойові втрати противника.")
        #expect(segments[0].first(named: "target")?.text == "Total combat losses of the enemy.")
        // Forbidden characters travel as <cp hex="…"/>; everything else reads back exactly.
        let source = try #require(segments[3].first(named: "source"))
        #expect(source.text == Fixtures.tortureInXML)
        #expect(source.all(named: "cp").map { $0.attribute("hex") } == ["0000", "0001", "0008", "000B", "000C", "001F", "FFFE"])
        let meta = files[0].all(named: "meta").first { $0.attribute("type") == "x-method" }
        #expect(meta?.text == "same-bulletin")
    }

    @Test func refusesASecondLanguageDirection() {
        #expect(throws: ExportError.self) { try Fixtures.export([Fixtures.bulletin, Fixtures.wire], .xliff()) }
        #expect(throws: ExportError.self) {
            try Fixtures.export([Fixtures.bulletin], .xliff(sourceLanguage: .russian, targetLanguage: .english))
        }
    }
}

@Suite struct JSONLinesExportTests {
    @Test func writesOneObjectPerPairFieldByField() throws {
        let items = Fixtures.all
        let (text, summary) = try Fixtures.export(items, .jsonLines())
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == items.count + 1 && lines.last == "")
        #expect(summary.pairs == items.count)
        for (line, item) in zip(lines, items) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["pair"] as? String == item.pair.id.rawValue)
            #expect(object["method"] as? String == item.pair.method.rawValue)
            #expect(object["confidence"] as? Double == item.pair.confidence)
            #expect(object["origin"] as? String == item.pair.origin.rawValue)
            #expect((object["fidelity"] as? [String: Any])?["status"] as? String == item.pair.fidelity.status.rawValue)
            for (key, side) in [("original", item.original), ("rendering", item.rendering)] {
                let json = try #require(object[key] as? [String: Any])
                #expect(json["document"] as? String == side.documentID.rawValue)
                #expect(json["passage"] as? String == side.passageID?.rawValue)
                #expect(json["language"] as? String == side.language.rawValue)
                #expect(json["kind"] as? String == side.kind.rawValue)
                #expect(json["title"] as? String == side.title)
                #expect(json["url"] as? String == side.canonicalURL)
                #expect(json["published"] as? String == side.published?.description)
                #expect(json["text"] as? String == side.text, "JSON keeps every character, even U+0000")
            }
            let units = try #require(object["units"] as? [[String: Any]])
            #expect(units.count == item.units.count)
            #expect(units.map { $0["index"] as? Int } == item.units.map(\.index).sorted())
        }
    }
}

@Suite struct CSVExportTests {
    @Test func writesRFC4180ThatPythonsCSVReaderReadsBack() throws {
        let items = Fixtures.all
        let (text, summary) = try Fixtures.export(items, .csv(bom: true))
        #expect(text.utf8.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(text.hasSuffix("\r\n"))
        let rows = try PythonCSV.read(Data(text.utf8))
        #expect(rows.first == CSVFormat.columns)
        #expect(rows.count == 1 + Fixtures.unitCount(items) && summary.units == rows.count - 1)
        let expected = items.flatMap { item in item.translationUnits.map { (item, $0) } }
        for (row, (item, unit)) in zip(rows.dropFirst(), expected) {
            #expect(row.count == CSVFormat.columns.count)
            #expect(row[0] == item.pair.id.rawValue)
            #expect(row[1] == (unit.index.map(String.init) ?? ""))
            #expect(row[2] == item.original.language.rawValue && row[3] == item.rendering.language.rawValue)
            #expect(row[4] == unit.original && row[5] == unit.rendering)
            #expect(row[7] == String(item.pair.confidence))
        }
    }

    @Test func quotesOnlyWhatNeedsQuoting() {
        #expect(CSVFormat.row(["plain", "a,b", "say \"hi\"", "two\nlines"]) == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n")
        let (text, _) = (try? Fixtures.export([], .csv())) ?? ("", ExportSummary())
        #expect(text == CSVFormat.columns.joined(separator: ",") + "\r\n")
    }
}

/// Python's csv module, a reader written independently of ours.
enum PythonCSV {
    static func read(_ data: Data) throws -> [[String]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import csv, io, json, sys
            text = sys.stdin.buffer.read().decode('utf-8-sig')
            print(json.dumps(list(csv.reader(io.StringIO(text, newline=''), strict=True))))
            """]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(data)
        try input.fileHandleForWriting.close()
        let result = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ExportError("python3's csv reader refused the file") }
        return try JSONDecoder().decode([[String]].self, from: result)
    }
}

@Suite struct MosesExportTests {
    @Test func writesTwoFilesWithEqualLineCounts() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("moses-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = folder.appendingPathComponent("corpus")
        let items = [Fixtures.bulletin, Fixtures.quote, Fixtures.hazards]
        let summary = try Exporter.export(items, format: .moses(), to: .file(base))
        let source = try String(contentsOf: base.appendingPathExtension("uk"), encoding: .utf8)
        let target = try String(contentsOf: base.appendingPathExtension("en"), encoding: .utf8)
        let sourceLines = source.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let targetLines = target.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(sourceLines.count == Fixtures.unitCount(items) && targetLines.count == sourceLines.count)
        #expect(summary.units == sourceLines.count)
        #expect(sourceLines[0] == "Загальні бойові втрати противника.")
        #expect(!source.contains("\r") && !source.contains("\t") && !source.contains("\u{2028}"))
        #expect(MosesFormat.line("a\r\nb\nc\td\u{2028}e") == "a b c d e")
    }

    @Test func refusesASecondDirectionAndStandardOutput() {
        #expect(throws: ExportError.self) {
            try Exporter.export([Fixtures.bulletin, Fixtures.wire], format: .moses(),
                                to: ExportDestination { _ in MemorySink() })
        }
        #expect(throws: ExportError.self) { try Exporter.export([Fixtures.bulletin], format: .moses(), to: .standardOutput) }
    }
}

@Suite struct ExportFilterTests {
    @Test func eachConditionSelects() {
        let items = Fixtures.all
        func selected(_ filter: ExportFilter) -> [PairID] { items.filter(filter.matches).map(\.pair.id) }
        #expect(selected(ExportFilter()).count == 4)
        #expect(selected(ExportFilter(from: "2022-07-01", to: "2022-07-31")) == [Fixtures.bulletin.pair.id])
        #expect(selected(ExportFilter(from: "2023-01-01")) == [Fixtures.hazards.pair.id])
        #expect(selected(ExportFilter(kind: .wireReport)) == [Fixtures.wire.pair.id])
        #expect(selected(ExportFilter(method: .embeddedQuote)) == [Fixtures.quote.pair.id])
        #expect(selected(ExportFilter(minimumConfidence: 0.9)) == [Fixtures.bulletin.pair.id, Fixtures.quote.pair.id])
        #expect(selected(ExportFilter(fidelityOK: true)) == [Fixtures.bulletin.pair.id, Fixtures.quote.pair.id])
        #expect(selected(ExportFilter(sourceLanguage: .russian)) == [Fixtures.wire.pair.id])
        #expect(selected(ExportFilter(sourceLanguage: .ukrainian, targetLanguage: .english)).count == 3)
        #expect(selected(ExportFilter(targetLanguage: .russian)).isEmpty)
    }
}
