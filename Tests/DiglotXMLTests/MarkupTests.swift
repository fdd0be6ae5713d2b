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

    /// `all(named:)` and `first(named:)` compare names byte by byte (`ElementName`); they must find what
    /// comparing the lowercased strings finds, in document order, whatever the case and script of the names.
    @Test func elementsAreFoundByNameAsLowercasedStringsFindThem() throws {
        let xml = """
            <Root><newsItem id="1"><NEWSITEM id="2"/><newsitems id="x"/><newsIte id="y"/></newsItem>\
            <новина id="3"><Новина id="4"/></новина><newsItem id="5"/><ns:newsItem xmlns:ns="urn:x" id="6"/></Root>
            """
        let root = try #require(try MarkupDocument.xml(Data(xml.utf8), fileName: "names.xml").root)
        func ids(_ nodes: [MarkupNode]) -> [String] { nodes.compactMap { $0.attribute("id") } }
        for name in ["newsItem", "NEWSITEM", "новина", "НОВИНА", "newsitems", "news", "", "Root"] {
            let expected = root.descendants { $0.name.lowercased() == name.lowercased() }
            #expect(ids(root.all(named: name)) == ids(expected), "\(name)")
            #expect(root.first(named: name)?.attribute("id") == expected.first?.attribute("id"), "\(name)")
        }
        #expect(ids(root.all(named: "newsitem")) == ["1", "2", "5", "6"])
        #expect(ids(root.all(named: "Новина")) == ["3", "4"])
        #expect(root.first(named: "newsIte")?.attribute("id") == "y")
        // The descendants of a node, not the node itself, in document order.
        #expect(root.all(named: "root").isEmpty)
        #expect(ids(root.descendants()) == ["1", "2", "x", "y", "3", "4", "5", "6"])
        // The first match alone is what the whole list's first is.
        for wanted in ["1", "2", "y", "4", "6", "none"] {
            let predicate: (MarkupNode) -> Bool = { $0.attribute("id") == wanted || ($0.attribute("id") ?? "") > wanted }
            #expect(root.firstDescendant(where: predicate) == root.descendants(where: predicate).first, "\(wanted)")
        }
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
