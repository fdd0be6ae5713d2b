import Foundation
import Testing
@testable import DiglotXML

@Suite struct MarkupTests {
    @Test func parsesBrokenHTMLAndKeepsEntities() throws {
        let html = "<html><body><p lang=uk>Втрати &mdash; <b>1637<p>танків &amp; ББМ</body>"
        let doc = try MarkupDocument.html(Data(html.utf8), fileName: "t.html")
        let paragraphs = try #require(doc.root).all(named: "p")
        #expect(paragraphs.count == 2)
        #expect(paragraphs[0].text == "Втрати — 1637")
        #expect(paragraphs[0].attribute("lang") == "uk")
        #expect(paragraphs[1].text == "танків & ББМ")
    }

    @Test func malformedXMLReportsLineAndColumn() {
        let xml = "<a>\n  <b>text</c>\n</a>"
        do {
            _ = try MarkupDocument.xml(Data(xml.utf8), fileName: "bad.xml")
            Issue.record("malformed XML was accepted")
        } catch let error as MarkupError {
            #expect(error.line == 2)
            #expect(error.description.hasPrefix("bad.xml:2"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func refusesBillionLaughs() {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for i in 1...9 {
            let previous = i == 1 ? "lol" : "lol\(i - 1)"
            xml += "<!ENTITY lol\(i) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
        }
        xml += "]>\n<lolz>&lol9;</lolz>"
        #expect(throws: MarkupError.self) { try MarkupDocument.xml(Data(xml.utf8), fileName: "lol.xml") }
    }

    @Test func neverReadsExternalEntities() throws {
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE r [<!ENTITY secret SYSTEM "file:///etc/passwd"><!ENTITY remote SYSTEM "http://127.0.0.1:9/x">]>
        <r>before&secret;&remote;after</r>
        """
        let doc = try MarkupDocument.xml(Data(xml.utf8), fileName: "xxe.xml")
        let text = try #require(doc.root).text
        #expect(text == "beforeafter")
        #expect(!text.contains("root:"))
    }

    @Test func boundedInternalEntitiesExpand() throws {
        let xml = "<!DOCTYPE r [<!ENTITY who \"Генштаб\">]><r xml:lang=\"uk\">&who; ЗСУ</r>"
        let doc = try MarkupDocument.xml(Data(xml.utf8), fileName: "ok.xml")
        let root = try #require(doc.root)
        #expect(root.text == "Генштаб ЗСУ")
        #expect(root.attribute("lang", namespace: MarkupNode.xmlNamespace) == "uk")
    }

    @Test func deepNestingIsRefusedWithoutCrashing() {
        let depth = 50_000
        let html = String(repeating: "<div>", count: depth) + "x" + String(repeating: "</div>", count: depth)
        #expect(throws: MarkupError.self) { try MarkupDocument.html(Data(html.utf8), fileName: "deep.html") }
        let xml = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        #expect(throws: MarkupError.self) { try MarkupDocument.xml(Data(xml.utf8), fileName: "deep.xml") }
    }
}
