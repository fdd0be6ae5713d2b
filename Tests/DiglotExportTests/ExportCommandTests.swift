import Foundation
import Testing
import DiglotExport
import DiglotTestSupport
import DiglotXML

/// `diglot export` end to end through the built binary, on an archive of the staff-bulletin, tweet-embed and
/// tmx samples: every format parses back, counts agree with the summary line, the original is the source,
/// filters narrow, and TMX survives export → import → export.
@Suite struct ExportCommandTests {
    /// The sample archive, imported once for the suite.
    static let samples: Result<ExportCLI, any Error> = Result {
        let cli = try ExportCLI()
        let files = try ["staff-bulletin", "tweet-embed", "tmx"].flatMap { folder in
            let url = TestPaths.samples.appendingPathComponent(folder)
            return try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
                .filter { !$0.hasPrefix("invalid-") && !$0.hasSuffix(".golden.jsonl") && !$0.hasSuffix(".error.txt") }
                .map { url.appendingPathComponent($0).path }
        }
        let imported = try cli.run(["import", "--json"] + files)
        guard imported.status == 0 else { throw ExportError("sample import failed: \(imported.stderr)") }
        return cli
    }

    static let dtd = TestPaths.packageRoot.appendingPathComponent("docs/tmx14b.dtd")

    /// Every pair of the archive as the JSON Lines export prints it.
    static func allPairs(_ cli: ExportCLI) throws -> [[String: Any]] {
        let result = try cli.run(["export", "--format", "jsonl"])
        #expect(result.status == 0, "\(result.stderr)")
        return try result.jsonLines()
    }

    /// What unit-per-line formats write for a JSON Lines pair: (source language, source, target language, target).
    static func expectedUnits(_ pair: [String: Any]) -> [[String]] {
        let original = pair["original"] as? [String: Any] ?? [:], rendering = pair["rendering"] as? [String: Any] ?? [:]
        let languages = (original["language"] as? String ?? "", rendering["language"] as? String ?? "")
        let units = pair["units"] as? [[String: Any]] ?? []
        if units.isEmpty {
            return [[languages.0, original["text"] as? String ?? "", languages.1, rendering["text"] as? String ?? ""]]
        }
        return units.compactMap { unit in
            let source = unit["original"] as? String ?? "", target = unit["rendering"] as? String ?? ""
            let pattern = unit["pattern"] as? String
            guard pattern != "1-0", pattern != "0-1", !source.allSatisfy(\.isWhitespace),
                  !target.allSatisfy(\.isWhitespace) else { return nil }
            return [languages.0, source, languages.1, target]
        }
    }

    @Test func jsonLinesCarryEveryPairFieldByFieldAndKeepThePairsShape() throws {
        let cli = try Self.samples.get()
        let result = try cli.run(["export", "--format", "jsonl"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try result.jsonLines()
        #expect(lines.count >= 5, "the samples hold bulletin, quote and tmx pairs")
        #expect(result.reported?.pairs == lines.count)
        #expect(result.reported?.units == lines.map { Self.expectedUnits($0).count }.reduce(0, +))
        #expect(result.stderr.contains("to standard output"))
        // Issue 2's promise: every key of `diglot pairs --json`, with the same values.
        let listed = try cli.run(["pairs", "--json"]).jsonLines()
        #expect(listed.count == lines.count)
        for (exported, pair) in zip(lines, listed) {
            for key in ["pair", "method", "confidence", "origin"] {
                #expect("\(exported[key] ?? "")" == "\(pair[key] ?? "")", "\(key) of \(pair["pair"] ?? "")")
            }
            for side in ["original", "rendering"] {
                let e = exported[side] as? [String: Any] ?? [:], p = pair[side] as? [String: Any] ?? [:]
                for key in ["document", "language", "text"] {
                    #expect(e[key] as? String == p[key] as? String, "\(side).\(key) of \(pair["pair"] ?? "")")
                }
                #expect(Set(e.keys).isSuperset(of: ["passage", "kind", "title", "url", "published", "metadata"]))
            }
            #expect((exported["fidelity"] as? [String: Any])?["status"] as? String
                    == (pair["fidelity"] as? [String: Any])?["status"] as? String)
        }
        let methods = Set(lines.compactMap { $0["method"] as? String })
        #expect(methods.isSuperset(of: ["tmx", "embedded-quote"]), "\(methods)")
    }

    @Test func tmxValidatesAgainstTheDTDWithOneTUPerUnitOriginalFirst() throws {
        let cli = try Self.samples.get()
        let pairs = try Self.allPairs(cli)
        let result = try cli.run(["export", "--format", "tmx", "--output", cli.path("all.tmx")])
        #expect(result.status == 0 && result.stdout.isEmpty, "\(result.stderr)")
        #expect(result.stderr.contains("to \(cli.path("all.tmx"))"))
        let document = try MarkupDocument.xml(Data(try cli.read("all.tmx").utf8), fileName: "all.tmx")
        try document.validate(againstDTDAt: Self.dtd, fileName: "all.tmx")
        let root = try #require(document.root)
        let header = try #require(root.first(named: "header"))
        for attribute in ["creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"] {
            #expect(header.attribute(attribute)?.isEmpty == false, "header lacks \(attribute)")
        }
        let tus = root.all(named: "tu")
        #expect(result.reported?.pairs == pairs.count && result.reported?.units == tus.count)
        let written = tus.map { tu in
            tu.children(named: "tuv").flatMap { tuv in
                [tuv.attribute("lang", namespace: MarkupNode.xmlNamespace) ?? "", tuv.first(named: "seg")?.text ?? ""]
            }
        }
        #expect(written.sorted { $0.lexicographicallyPrecedes($1) }
                == pairs.flatMap(Self.expectedUnits).sorted { $0.lexicographicallyPrecedes($1) },
                "each tu: the original's language and text first, the rendering's second")
        #expect(written.allSatisfy { $0[0] != "en" && $0[2] == "en" }, "the samples' originals are uk/ru, renderings en")
    }

    @Test func xliffNeedsOneDirectionAndParsesBack() throws {
        let cli = try Self.samples.get()
        let mixed = try cli.run(["export", "--format", "xliff", "--output", cli.path("mixed.xlf")])
        #expect(mixed.status == 1)
        #expect(mixed.stderr.contains("--source-lang") && mixed.stderr.split(separator: "\n").count == 1, "\(mixed.stderr)")
        #expect(try !cli.contents().contains { $0.contains("mixed.xlf") }, "a failed export leaves no file, not even a temporary one")

        let pairs = try Self.allPairs(cli).filter { ($0["original"] as? [String: Any])?["language"] as? String == "uk" }
        let result = try cli.run(["export", "--format", "xliff", "--source-lang", "uk", "--target-lang", "en",
                                  "--output", cli.path("uk-en.xlf")])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try MarkupDocument.xml(Data(try cli.read("uk-en.xlf").utf8), fileName: "uk-en.xlf")
        let root = try #require(document.root)
        #expect(root.name == "xliff" && root.namespaceURI == XLIFFFormat.namespace && root.attribute("version") == "2.1")
        #expect(root.attribute("srcLang") == "uk" && root.attribute("trgLang") == "en")
        #expect(root.children(named: "file").count == pairs.count && result.reported?.pairs == pairs.count)
        let units = root.all(named: "unit")
        #expect(units.count == result.reported?.units && units.count == pairs.flatMap(Self.expectedUnits).count)
        for unit in units {
            let segment = try #require(unit.first(named: "segment"))
            #expect(["translated", "final"].contains(segment.attribute("state") ?? ""))
            #expect(segment.first(named: "source") != nil && segment.first(named: "target") != nil)
        }
    }

    @Test func csvReadsBackWithPythonsCSVModule() throws {
        let cli = try Self.samples.get()
        let pairs = try Self.allPairs(cli)
        let result = try cli.run(["export", "--format", "csv", "--bom", "--output", cli.path("all.csv")])
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: cli.path("all.csv")))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", """
            import csv, json, sys
            with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
                print(json.dumps(list(csv.reader(f, strict=True))))
            """, cli.path("all.csv")]
        let out = Pipe()
        python.standardOutput = out
        try python.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        python.waitUntilExit()
        #expect(python.terminationStatus == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String]])
        #expect(rows.first == CSVFormat.columns)
        let body = Array(rows.dropFirst())
        #expect(body.count == result.reported?.units && body.allSatisfy { $0.count == CSVFormat.columns.count })
        let written = body.map { [$0[2], $0[4], $0[3], $0[5]] }
        #expect(written.sorted { $0.lexicographicallyPrecedes($1) }
                == pairs.flatMap(Self.expectedUnits).sorted { $0.lexicographicallyPrecedes($1) })
    }

    @Test func mosesWritesTwoFilesOfEqualLineCountAndNeedsOutput() throws {
        let cli = try Self.samples.get()
        let missing = try cli.run(["export", "--format", "moses"])
        #expect(missing.status != 0 && missing.stderr.contains("--output"))
        let result = try cli.run(["export", "--format", "moses", "--source-lang", "uk", "--target-lang", "en",
                                  "--output", cli.path("corpus")])
        #expect(result.status == 0, "\(result.stderr)")
        let source = try cli.read("corpus.uk"), target = try cli.read("corpus.en")
        let sourceLines = source.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let targetLines = target.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(sourceLines.count == targetLines.count && sourceLines.count == result.reported?.units)
        #expect(sourceLines.count > 0)
        #expect(result.stderr.contains("corpus.uk and ") && result.stderr.contains("corpus.en"))
        // Only this export's temporary files: the suite's other tests export into the same folder concurrently,
        // and one of theirs may be in progress (this check once failed on another test's TMX under load).
        #expect(try cli.contents().allSatisfy { !($0.hasPrefix(".corpus.") && $0.hasSuffix(".diglot-tmp")) })
    }

    @Test func filtersNarrowTheExport() throws {
        let cli = try Self.samples.get()
        let pairs = try Self.allPairs(cli)
        func export(_ options: [String]) throws -> [[String: Any]] {
            let result = try cli.run(["export", "--format", "jsonl"] + options)
            #expect(result.status == 0, "\(options): \(result.stderr)")
            return try result.jsonLines()
        }
        let confidences = pairs.compactMap { $0["confidence"] as? Double }.sorted()
        let threshold = try #require(confidences.last { $0 < confidences.last! }, "the samples hold pairs of different confidence")
        let confident = try export(["--min-confidence", String(threshold)])
        #expect(confident.count == confidences.filter { $0 >= threshold }.count && confident.count < pairs.count)

        let quotes = try export(["--method", "embedded-quote"])
        #expect(!quotes.isEmpty && quotes.count < pairs.count)
        #expect(quotes.count == pairs.filter { $0["method"] as? String == "embedded-quote" }.count)
        #expect(quotes.allSatisfy { $0["method"] as? String == "embedded-quote" })

        func day(_ pair: [String: Any]) -> String? {
            ((pair["original"] as? [String: Any])?["published"] as? String).map { String($0.prefix(10)) }
        }
        let days = Set(pairs.compactMap(day)).sorted()
        let chosen = try #require(days.count >= 2 ? days[days.count / 2] : nil, "the samples span several days")
        let onDay = try export(["--from", chosen, "--to", chosen])
        #expect(!onDay.isEmpty && onDay.allSatisfy { day($0) == chosen })
        #expect(onDay.count == pairs.filter { day($0) == chosen }.count)
        let later = try export(["--from", chosen])
        #expect(later.count == pairs.filter { (day($0) ?? "") >= chosen }.count && later.count < pairs.count)

        let hits = try cli.run(["search", "танків", "--json", "--limit", "1000"]).jsonLines()
        let found = Set(hits.flatMap { hit in
            [hit["document"] as? String ?? ""] + (hit["pairs"] as? [[String: Any]] ?? []).compactMap { $0["document"] as? String }
        })
        let searched = try export(["--query", "танків"])
        func documents(_ pair: [String: Any]) -> Set<String> {
            Set(["original", "rendering"].compactMap { (pair[$0] as? [String: Any])?["document"] as? String })
        }
        #expect(!searched.isEmpty && searched.count < pairs.count)
        #expect(searched.count == pairs.filter { !documents($0).isDisjoint(with: found) }.count)
        #expect(try export(["--query", "zzqxnotaword"]).isEmpty)
    }

    @Test(arguments: [
        (["--format", "docx"], "docx"),
        (["--format", "tmx", "--from", "2022-13-01"], "YYYY-MM-DD"),
        (["--format", "tmx", "--min-confidence", "1.5"], "0...1"),
        (["--format", "tmx", "--fidelity", "warning"], "ok"),
        (["--format", "tmx", "--from", "2023-01-02", "--to", "2023-01-01"], "after"),
        (["--format", "tmx", "--bom"], "csv"),
        (["--format", "tmx", "--source-lang", "klingon"], "language"),
    ])
    func badOptionsAreRefusedWithASentence(options: [String], words: String) throws {
        let cli = try Self.samples.get()
        let result = try cli.run(["export"] + options)
        #expect(result.status != 0 && result.stdout.isEmpty)
        #expect(result.stderr.contains(words), "\(options): \(result.stderr)")
    }

    @Test func tmxRoundTripThroughImportGivesTheSameUnits() throws {
        let cli = try Self.samples.get()
        let first = try cli.run(["export", "--format", "tmx", "--output", cli.path("first.tmx")])
        #expect(first.status == 0, "\(first.stderr)")
        let fresh = try ExportCLI()
        defer { fresh.remove() }
        let imported = try fresh.run(["import", "--importer", "tmx", cli.path("first.tmx")], archive: "fresh.sqlite")
        #expect(imported.status == 0, "\(imported.stderr)")
        let second = try fresh.run(["export", "--format", "tmx", "--output", fresh.path("second.tmx")], archive: "fresh.sqlite")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.reported?.pairs == first.reported?.pairs && second.reported?.units == first.reported?.units)
        #expect(try Self.units(cli.read("first.tmx")) == Self.units(fresh.read("second.tmx")))
    }

    /// Each `tu` as its id, props and variants, in file order.
    static func units(_ text: String) throws -> [String] {
        let document = try MarkupDocument.xml(Data(text.utf8), fileName: "units.tmx")
        return (document.root?.all(named: "tu") ?? []).map { tu in
            let props = tu.children(named: "prop").map { "\($0.attribute("type") ?? "")=\($0.text)" }
            let variants = tu.children(named: "tuv").map {
                "\($0.attribute("lang", namespace: MarkupNode.xmlNamespace) ?? ""):\($0.first(named: "seg")?.text ?? "")"
            }
            return ([tu.attribute("tuid") ?? ""] + props + variants).joined(separator: "|")
        }
    }
}
