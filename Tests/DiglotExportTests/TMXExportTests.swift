import Foundation
import Testing
import DiglotExport
import DiglotModel
import DiglotTestSupport
import DiglotXML

@Suite struct TMXExportTests {
    static let dtd = TestPaths.packageRoot.appendingPathComponent("docs/tmx14b.dtd")

    @Test func writesValidTMXWithHeaderPropsAndOneTUPerUnit() throws {
        let items = Fixtures.all
        let (text, summary) = try Fixtures.export(items, .tmx(creationDate: Fixtures.date))
        let document = try MarkupDocument.xml(Data(text.utf8), fileName: "out.tmx")
        try document.validate(againstDTDAt: Self.dtd, fileName: "out.tmx")
        let root = try #require(document.root)
        #expect(root.name == "tmx" && root.attribute("version") == "1.4")
        let header = try #require(root.first(named: "header"))
        for attribute in ["creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"] {
            #expect(header.attribute(attribute)?.isEmpty == false, "header lacks \(attribute)")
        }
        #expect(header.attribute("creationtool") == "Diglot")
        #expect(header.attribute("srclang") == "uk")
        #expect(header.attribute("segtype") == "sentence")
        #expect(header.attribute("datatype") == "plaintext")
        #expect(header.attribute("creationdate") == "20231114T221320Z")

        let tus = root.all(named: "tu")
        #expect(tus.count == Fixtures.unitCount(items))
        #expect(summary.units == tus.count && summary.pairs == items.count && summary.skippedUnits == 1)
        let bulletin = Fixtures.bulletin
        #expect(tus.map { $0.attribute("tuid") ?? "" } == [
            "\(bulletin.pair.id)-0", "\(bulletin.pair.id)-1", Fixtures.wire.pair.id.rawValue,
            Fixtures.quote.pair.id.rawValue, Fixtures.hazards.pair.id.rawValue,
        ])
        // Mixed directions and levels: the ru tu says its own srclang, whole-document units their segtype.
        #expect(tus[2].attribute("srclang") == "ru" && tus[2].attribute("segtype") == "block")
        #expect(tus[3].attribute("srclang") == nil && tus[3].attribute("segtype") == "paragraph")
        for tu in tus {
            let tuvs = tu.children(named: "tuv")
            #expect(tuvs.count == 2)
            for tuv in tuvs {
                #expect(tuv.children(named: "seg").count == 1)
                let lang = try #require(tuv.attribute("lang", namespace: MarkupNode.xmlNamespace))
                #expect(["uk", "ru", "en"].contains(lang), "region subtags or unknown tags must not appear: \(lang)")
            }
            #expect(tuvs[1].attribute("lang", namespace: MarkupNode.xmlNamespace) == "en", "rendering is the target")
        }
        let props = Dictionary(tus[0].children(named: "prop").map { ($0.attribute("type") ?? "", $0.text) },
                               uniquingKeysWith: { a, _ in a })
        #expect(props == [
            "x-original-document": bulletin.original.documentID.rawValue,
            "x-rendering-document": bulletin.rendering.documentID.rawValue,
            "x-source-url": "https://example.org/uk/2022-07-08", "x-published": "2022-07-08",
            "x-method": "same-bulletin", "x-confidence": "0.97", "x-fidelity": "ok", "x-kind": "staff-bulletin",
        ])
        #expect(tus[0].children(named: "tuv")[1].text == "Total combat losses of the enemy.")
    }

    @Test func escapesTortureStringsSoTheyReadBackExactly() throws {
        let (text, _) = try Fixtures.export([Fixtures.hazards], .tmx(creationDate: Fixtures.date))
        #expect(!text.contains("]]>"))
        #expect(!text.unicodeScalars.contains("\u{0}"))
        let document = try MarkupDocument.xml(Data(text.utf8), fileName: "hazards.tmx")
        try document.validate(againstDTDAt: Self.dtd, fileName: "hazards.tmx")
        let tu = try #require(document.root?.first(named: "tu"))
        let segs = tu.all(named: "seg")
        #expect(segs[0].text == Fixtures.tortureInXML)
        #expect(segs[1].text == "target " + Fixtures.tortureInXML)
        let url = tu.children(named: "prop").first { $0.attribute("type") == "x-source-url" }?.text
        #expect(url == "https://example.org/?a=1&b=\"2\"<x>")
    }

    @Test func emptyExportIsStillAValidTMX() throws {
        let (text, summary) = try Fixtures.export([], .tmx(creationDate: Fixtures.date))
        let document = try MarkupDocument.xml(Data(text.utf8), fileName: "empty.tmx")
        try document.validate(againstDTDAt: Self.dtd, fileName: "empty.tmx")
        #expect(document.root?.first(named: "header")?.attribute("srclang") == "*all*")
        #expect(summary == ExportSummary())
    }

    @Test func dtdValidationCatchesWhatTheSpecificationForbids() throws {
        let broken = """
        <tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x"
        adminlang="en" datatype="plaintext"/><body><tu><tuv xml:lang="uk"><seg>a</seg><seg>b</seg></tuv></tu></body></tmx>
        """
        let document = try MarkupDocument.xml(Data(broken.utf8), fileName: "broken.tmx")
        #expect(throws: MarkupError.self) { try document.validate(againstDTDAt: Self.dtd, fileName: "broken.tmx") }
    }
}
