import Foundation
import Testing
import DiglotTestSupport
import DiglotModel
@testable import DiglotStore

/// The hand-read metadata maps must read exactly what JSONDecoder reads, and leave to it what they cannot.
@Suite struct StoreJSONTests {
    /// The hand-written metadata text is `JSONEncoder`'s, byte for byte: the keys importers write, and 5,000
    /// seeded maps over keys that sort differently by byte, by case and by "_", with values holding what JSON
    /// escapes (quotes, backslashes, control characters) and what it does not ("/", Cyrillic, emoji, U+2028).
    /// A fidelity report is written by hand exactly as `JSONEncoder` writes it, for every status, with and
    /// without issues and subjects; 3,000 seeded reports hold texts JSON escapes and texts it does not (both
    /// written by `JSONText` since session 23).
    @Test func stringListsAreWrittenAsJSONEncoderWritesThem() throws {
        let pieces = ["n:1637", "k:xrkv", "Київ", "/", "👍", "\"", "\\", "\n", "\t", "\u{01}", "\u{7F}", "\u{2028}", " ",
                      "https://x.com/a/status/1?b=\"c\"", "é"]
        var generator = SeededGenerator(seed: 2626)
        #expect(try StoreJSON.encodeStrings([]) == StoreJSON.encode([String]()))
        for _ in 0..<3_000 {
            let list = (0..<generator.below(6)).map { _ in
                (0..<generator.below(4)).map { _ in pieces[generator.below(pieces.count)] }.joined()
            }
            #expect(try StoreJSON.encodeStrings(list) == StoreJSON.encode(list), "\(list)")
        }
    }

    @Test func fidelityIsWrittenAsJSONEncoderWritesIt() throws {
        for status in [FidelityReport.Status.ok, .warning, .mismatch, .unchecked] {
            let report = FidelityReport(status: status)
            #expect(try StoreJSON.encodeFidelity(report) == StoreJSON.encode(report), "\(status)")
        }
        let withIssue = FidelityReport(issues: [FidelityIssue(kind: "figure", severity: .mismatch,
                                                              message: "tank: 1637 in the original, 1673 in the rendering",
                                                              subject: "tank")])
        #expect(try StoreJSON.encodeFidelity(withIssue) == StoreJSON.encode(withIssue))
        let pieces = ["tank", ": ", "+13", "Київ", "/", "👍", "\"", "\\", "\n", "\t", "\u{01}", "\u{7F}", "\u{2028}", " ", "é",
                      "<b>", "&", "armored_combat_vehicle"]
        let severities: [FidelityReport.Status] = [.ok, .warning, .mismatch, .unchecked]
        var generator = SeededGenerator(seed: 98)
        func text() -> String { (0..<generator.below(5)).map { _ in pieces[generator.below(pieces.count)] }.joined() }
        for _ in 0..<3_000 {
            let issues = (0..<generator.below(4)).map { _ in
                FidelityIssue(kind: text(), severity: severities[generator.below(4)], message: text(),
                              subject: generator.below(3) == 0 ? nil : text())
            }
            let report = generator.below(2) == 0 ? FidelityReport(issues: issues)
                                                 : FidelityReport(status: severities[generator.below(4)], issues: issues)
            #expect(try StoreJSON.encodeFidelity(report) == StoreJSON.encode(report), "\(report)")
        }
    }

    /// A fidelity report is read back by hand exactly as `JSONDecoder` reads it: every seeded report as the
    /// store writes it (by hand or, with escapes, by the encoder), and texts the store never writes (spaces,
    /// other key orders, escapes, unknown statuses, cut or padded text), which go to the decoder or are refused.
    @Test func fidelityIsReadAsJSONDecoderReadsIt() throws {
        let pieces = ["tank", ": ", "+13", "Київ", "/", "👍", "\"", "\\", "\n", "\t", "\u{01}", "\u{7F}", "\u{2028}", " ", "é",
                      "armored_combat_vehicle", ""]
        let severities: [FidelityReport.Status] = [.ok, .warning, .mismatch, .unchecked]
        var generator = SeededGenerator(seed: 1204)
        func text() -> String { (0..<generator.below(4)).map { _ in pieces[generator.below(pieces.count)] }.joined() }
        var readByHand = 0
        for _ in 0..<3_000 {
            let issues = (0..<generator.below(4)).map { _ in
                FidelityIssue(kind: text(), severity: severities[generator.below(4)], message: text(),
                              subject: generator.below(3) == 0 ? nil : text())
            }
            let report = FidelityReport(status: severities[generator.below(4)], issues: issues)
            let stored = StoreJSON.encodeFidelity(report)
            #expect(StoreJSON.fidelity(stored) == report, "\(stored)")
            #expect(StoreJSON.fidelity(stored) == StoreJSON.decode(FidelityReport.self, stored))
            if StoreJSON.plainFidelity(stored) != nil { readByHand += 1 }
        }
        #expect(readByHand > 1_000)

        let issue = #"{"kind":"figure","message":"tank: 1637 / 1673","severity":"mismatch","subject":"tank"}"#
        let variants = [
            #"{"issues":[],"status":"ok"}"#, #"{"issues":[],"status":"unchecked"}"#,
            #"{"issues":["# + issue + #"],"status":"mismatch"}"#,
            #"{"issues":["# + issue + "," + issue + #"],"status":"warning"}"#,
            #"{"issues":[{"kind":"a","message":"b","severity":"ok"}],"status":"ok"}"#,
            #"{ "issues": [], "status": "ok" }"#, #"{"status":"ok","issues":[]}"#,
            #"{"issues":[{"message":"b","kind":"a","severity":"ok"}],"status":"ok"}"#,
            #"{"issues":[{"kind":"a"b","message":"A","severity":"ok"}],"status":"ok"}"#,
            #"{"issues":[],"status":"fine"}"#, #"{"issues":[{"kind":"a","message":"b","severity":"bad"}],"status":"ok"}"#,
            #"{"issues":[],"status":"ok"} "#, #"{"issues":[],"status":"ok"}x"#, #"{"issues":[],"status":"ok""#,
            #"{"issues":[,],"status":"ok"}"#, #"{"issues":["# + issue + #",],"status":"ok"}"#, "", "{}", "null",
            #"{"issues":[{"kind":"a","message":"b","severity":"ok","subject":"c","extra":"d"}],"status":"ok"}"#,
        ]
        for variant in variants {
            #expect(StoreJSON.fidelity(variant) == StoreJSON.decode(FidelityReport.self, variant), "\(variant)")
        }
        #expect(StoreJSON.plainFidelity(#"{"issues":["# + issue + #"],"status":"mismatch"}"#)?.issues.first?.subject == "tank")
        #expect(StoreJSON.fidelity(#"{"issues":[],"status":"fine"}"#) == nil)
    }

    @Test func metadataIsWrittenAsJSONEncoderWritesIt() throws {
        let real: [String: String] = ["speaker": "Зеленський", "outlet": "Reuters", "dateline": "KYIV, March 2 (Reuters) -",
                                      "byline": "Jane Dalton", "agency": "Reuters", "place": "KYIV", "tweet_id": "1499"]
        #expect(try StoreJSON.encodeMetadata(real) == StoreJSON.encode(real))
        #expect(try StoreJSON.encodeMetadata([:]) == StoreJSON.encode([String: String]()))
        let keys = ["a", "b", "ab", "a_b", "_a", "b_", "z", "aa", "A", "Ab", "a1", "speaker", "outlet", "ключ", "a-b"]
        let pieces = ["x", "/", "Київ", "👍", "\"", "\\", "\n", "\t", "\u{01}", "\u{7F}", "\u{2028}", " ", "é", "<b>", "&"]
        var generator = SeededGenerator(seed: 99)
        var handWritten = 0
        for _ in 0..<5_000 {
            var map: [String: String] = [:]
            for _ in 0..<generator.below(5) {
                map[keys[generator.below(keys.count)]] = (0..<generator.below(4)).map { _ in pieces[generator.below(pieces.count)] }.joined()
            }
            let expected = try StoreJSON.encode(map)
            #expect(StoreJSON.encodeMetadata(map) == expected, "\(map)")
            if map.keys.allSatisfy({ $0.allSatisfy { $0 == "_" || ("a"..."z").contains($0) } }) { handWritten += 1 }
        }
        #expect(handWritten > 1_000)
    }

    @Test func flatMapsReadAsJSONDecoderReadsThem() throws {
        let maps: [[String: String]] = [
            [:], ["url": "https://example.org/a?b=1&c=\"d\""], ["status_id": "1279467342213324801", "handle": "@VS_Oblomov"],
            ["quote": "Він сказав: «Ми тримаємося»\nі пішов\t(таб) \\ / кінець"], ["links": "https://t.co/x https://t.co/y"],
            ["emoji": "🇺🇦 слава", "control": "a\u{0008}b\u{000C}c\rd"],
        ]
        for map in maps {
            let text = try StoreJSON.encode(map)
            let read = StoreJSON.flatStringMap(text)
            #expect(read == map, "\(text)")
            #expect(StoreJSON.metadata(text) == map)
        }
    }

    @Test func anythingElseFallsBackOrIsRefused() {
        #expect(StoreJSON.flatStringMap("{\"a\":\"\\u0041\"}") == nil)
        #expect(StoreJSON.metadata("{\"a\":\"\\u0041\"}") == ["a": "A"], "\\u escapes go to JSONDecoder")
        for broken in ["", "{", "{\"a\"}", "{\"a\":1}", "{\"a\":\"b\",}", "[\"a\"]", "{\"a\":\"b\"} x", "{\"a\":\"b"] {
            #expect(StoreJSON.flatStringMap(broken) == nil, "\(broken)")
        }
        #expect(StoreJSON.metadata(nil) == [:] && StoreJSON.metadata("{}") == [:])
        #expect(StoreJSON.metadata(" { \"k\" : \"v\" } ") == ["k": "v"])
    }

    @Test func metadataRestrictedToKeysReadsOnlyThose() throws {
        let keys: Set<String> = ["tmx_document", "tmx_pair"]
        #expect(StoreJSON.metadata(#"{"handle":"GeneralStaffUA","url":"https://x"}"#, keeping: keys) == [:])
        #expect(StoreJSON.metadata(#"{"handle":"a","tmx_document":"d1"}"#, keeping: keys) == ["tmx_document": "d1"])
        // A key named only inside a value is not a key.
        #expect(StoreJSON.metadata(#"{"note":"see \"tmx_pair\" here"}"#, keeping: keys) == [:])
        // An escape could hide a key: read whole, then filtered.
        #expect(StoreJSON.metadata(#"{"tmx\u005fpair":"r1","x":"y"}"#, keeping: keys) == ["tmx_pair": "r1"])
        #expect(StoreJSON.metadata(nil, keeping: keys) == [:] && StoreJSON.metadata("{}", keeping: keys) == [:])
        let whole = #"{"a":"1","tmx_pair":"r2"}"#
        #expect(StoreJSON.metadata(whole, keeping: nil) == ["a": "1", "tmx_pair": "r2"])
    }
}
