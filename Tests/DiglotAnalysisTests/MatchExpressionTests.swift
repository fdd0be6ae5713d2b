import Testing
import DiglotAnalysis

/// The FTS5 syntax a `MatchExpression` renders to, and the phrase order an auxiliary function sees.
@Suite struct MatchExpressionTests {
    @Test func everyShapeRendersAsFTS5Syntax() {
        #expect(MatchExpression.term("танків").fts5 == #""танків""#)
        #expect(MatchExpression.any([.term("танків"), .term("~танк")]).fts5 == #"("танків" OR "~танк")"#)
        #expect(MatchExpression.all([.term("tanks"), .any([.term("kharkiv"), .term("#kharkiv")])]).fts5
                == ##"("tanks" AND ("kharkiv" OR "#kharkiv"))"##)
        #expect(MatchExpression.phrase([["air", "~air"], ["defence"]]).fts5 == #""air|~air defence""#)
        #expect(MatchExpression.excluding(.term("drones"), .any([.term("kyiv"), .term("~kyiv")])).fts5
                == #"("drones" NOT ("kyiv" OR "~kyiv"))"#)
        #expect(MatchExpression.any([.term("alone")]).fts5 == #""alone""#, "a group of one needs no parentheses")
    }

    @Test func aQuoteInATermIsDoubledSoItCannotEndThePhrase() {
        #expect(MatchExpression.term(#"say "no""#).fts5 == #""say ""no""""#)
        #expect(MatchExpression.phrase([[#"a"b"#, "c"], ["d"]]).fts5 == #""a""b|c d""#)
    }

    @Test func phrasesComeInTheOrderTheyAreRendered() {
        let expression = MatchExpression.excluding(.all([.term("a"), .phrase([["b"], ["c", "d"]])]), .term("e"))
        #expect(expression.phrases == [[["a"]], [["b"], ["c", "d"]], [["e"]]])
        #expect(expression.fts5 == #"(("a" AND "b c|d") NOT "e")"#)
    }
}
