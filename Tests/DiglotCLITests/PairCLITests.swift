import Foundation
import Testing
import DiglotTestSupport

/// `diglot pair`, `--link`/`--unlink`, fidelity in `pairs` and `show`, and `figures --check`, through the built binary.
@Suite(.serialized) struct PairCLITests {
    static func sample(_ path: String) -> String { TestPaths.samples.appendingPathComponent(path).path }

    @Test func pairRunsIncrementallyAndCurationSurvives() throws {
        let cli = try DiglotCommand()
        defer { cli.remove() }
        let archive = ["--archive", cli.path("a.sqlite")]
        let imported = try cli.run(["import", "--json"] + archive + [
            Self.sample("staff-bulletin/milgov-uk-2022-10-01.html"), Self.sample("staff-bulletin/milgov-en-2022-10-01.html"),
            Self.sample("staff-bulletin/telegram-uk-2022-09-15.txt"), Self.sample("tmx/bulletin-uk-en.tmx"),
            Self.sample("tweet-embed/article-defence-losses.html"),
        ])
        #expect(imported.status == 0, "\(imported.stderr)")
        let importSummary = try #require(try imported.jsonLines().first)
        #expect((importSummary["pairs"] as? Int ?? 0) > 10, "the two bulletins of 2022-10-01 are paired on import")

        let before = try cli.run(["pairs", "--json"] + archive).jsonLines()
        #expect(before.contains { ($0["fidelity"] as? [String: Any])?["status"] as? String == "unchecked" },
                "importer pairs arrive unchecked")

        let first = try cli.run(["pair", "--json"] + archive)
        #expect(first.status == 0, "\(first.stderr)")
        let summary = try #require(try first.jsonLines().first)
        #expect((summary["examined"] as? Int ?? 0) >= 4)
        #expect((summary["checked"] as? Int ?? 0) >= 1)
        let second = try #require(try cli.run(["pair", "--json"] + archive).jsonLines().first)
        #expect(second["examined"] as? Int == 0, "a second run examines nothing new")

        let pairs = try cli.run(["pairs", "--json"] + archive).jsonLines()
        let statuses = pairs.compactMap { ($0["fidelity"] as? [String: Any])?["status"] as? String }
        #expect(statuses.count == pairs.count && !statuses.contains("unchecked"))
        #expect(Set(statuses).isSubset(of: ["ok", "warning", "mismatch"]))

        let bulletinPair = try #require(pairs.first { $0["method"] as? String == "same-bulletin" })
        let pairID = try #require(bulletinPair["pair"] as? String)
        let original = try #require((bulletinPair["original"] as? [String: Any])?["document"] as? String)
        let rendering = try #require((bulletinPair["rendering"] as? [String: Any])?["document"] as? String)

        let shown = try cli.run(["show", original] + archive)
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("Fidelity:") && shown.stdout.contains(" │ "), "pairs are shown with the partner's text beside")
        let detail = try #require(try cli.run(["show", original, "--json"] + archive).jsonLines().first)
        let shownPairs = try #require(detail["pairs"] as? [[String: Any]])
        #expect(shownPairs.contains { ($0["partner"] as? [String: Any])?["text"] is String && ($0["fidelity"] as? [String: Any])?["status"] is String })

        let unlinked = try cli.run(["pair", "--unlink", pairID] + archive)
        #expect(unlinked.status == 0, "\(unlinked.stderr)")
        let linked = try cli.run(["pair", "--json", "--link", rendering, original] + archive)
        #expect(linked.status == 0, "\(linked.stderr)")
        let manual = try #require(try linked.jsonLines().first)
        #expect(manual["method"] as? String == "manual" && manual["origin"] as? String == "manual")
        #expect(manual["confidence"] as? Double == 1)

        // Re-importing and re-pairing leave the curation as it is.
        _ = try cli.run(["import"] + archive + [Self.sample("staff-bulletin/early-2022-02-28-uk.txt")])
        #expect(try cli.run(["pair"] + archive).status == 0)
        let after = try cli.run(["pairs", "--json"] + archive).jsonLines()
        #expect(!after.contains { $0["pair"] as? String == pairID }, "the unlinked pair stays unlinked")
        #expect(after.contains { $0["pair"] as? String == manual["pair"] as? String && $0["origin"] as? String == "manual" })

        let missing = try cli.run(["pair", "--unlink", "r0000000000000000"] + archive)
        #expect(missing.status == 1 && missing.stderr.contains("r0000000000000000"))
        #expect(try cli.run(["pair", "--link", original] + archive).status == 64)
        let unknown = try cli.run(["pair", "--link", original, "dffffffffffffffff"] + archive)
        #expect(unknown.status == 1 && unknown.stderr.contains("dffffffffffffffff"))
    }

    @Test func figuresCheckReportsFindingsAndExitsZero() throws {
        let cli = try DiglotCommand()
        defer { cli.remove() }
        let archive = ["--archive", cli.path("f.sqlite")]
        let english = try String(contentsOfFile: Self.sample("staff-bulletin/early-2022-02-28-en.txt"), encoding: .utf8)
        try cli.write(english.replacingOccurrences(of: "Tanks - 150", with: "Tanks - 155"), to: "en.txt")
        let imported = try cli.run(["import"] + archive + [Self.sample("staff-bulletin/early-2022-02-28-uk.txt"), cli.path("en.txt")])
        #expect(imported.status == 0, "\(imported.stderr)")
        let text = try cli.run(["figures", "--check"] + archive)
        #expect(text.status == 0)
        #expect(text.stdout.split(separator: "\n").contains { $0.hasPrefix("2022-02-28 tank") && $0.contains("155") })
        let json = try cli.run(["figures", "--check", "--json", "--category", "tank"] + archive)
        #expect(json.status == 0)
        let findings = try json.jsonLines()
        #expect(findings.count == 1)
        #expect(findings.first?["kind"] as? String == "language-disagreement" && findings.first?["category"] as? String == "tank")
        #expect(try cli.run(["figures", "--check", "--csv"] + archive).status == 64)
    }
}
