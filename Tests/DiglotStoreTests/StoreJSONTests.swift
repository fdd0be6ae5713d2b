import Foundation
import Testing
@testable import DiglotStore

/// The hand-read metadata maps must read exactly what JSONDecoder reads, and leave to it what they cannot.
@Suite struct StoreJSONTests {
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
