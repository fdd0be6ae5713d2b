import DiglotModel
import Foundation
import GRDB
import Testing
@testable import DiglotAnalysis
import DiglotTestSupport

/// A lexicon with a handful of entries given here, to test how the compiler uses names and the glossary
/// (the real tables are tested with DiglotLexicon through `DiglotLexiconBridge`).
struct ListedLexicon: AnalysisLexicon {
    var keys: [String: String] = [:]
    var glossary: [String: [String]] = [:]
    func nameKey(_ name: String) -> String { keys[name] ?? "" }
    func nameVariants(_ name: String) -> [String] { [] }
    func translations(of term: String, from source: LanguageTag, to target: LanguageTag) -> [String] {
        glossary["\(source)>\(target):\(term)"] ?? []
    }
}

@Suite struct QueryCompilerTests {
    let compiler = QueryCompiler(analyzer: Fixtures.shared)

    func compile(_ text: String, compiler: QueryCompiler? = nil) throws -> CompiledQuery {
        (compiler ?? self.compiler).compile(try SearchQuery.parse(text).get())
    }

    @Test func eachTierWidensTheWord() throws {
        let compiled = try compile("танків")
        #expect(compiled.stages.map(\.tier) == [.exact, .lemma, .name].filter { tier in
            compiled.stages.contains { $0.tier == tier }
        })
        #expect(compiled.stages[0].match == "\"танків\"")
        #expect(compiled.stages[1].match.contains("\"~танк\" OR \"танк\""))
        #expect(!compiled.stages[0].expression.positiveTerms.contains("~танк"))
    }

    @Test func tiersThatAddNothingAreLeftOut() throws {
        #expect(try compile("2024").stages.map(\.tier) == [.exact])
    }

    @Test func phrasesKeepAlternativesPerPosition() throws {
        let compiled = try compile("\"втрати ворога\"")
        guard case .phrase(let positions) = compiled.broadest.expression else {
            Issue.record("a phrase compiles to a phrase: \(compiled.broadest.match)")
            return
        }
        #expect(positions.count == 2)
        #expect(positions[0].first == "втрати" && positions[0].contains("~втрата"))
        #expect(compiled.broadest.match.hasPrefix("\"втрати|"))
    }

    @Test func severalWordsGetARelaxedStageKeepingExclusions() throws {
        let compiled = try compile("танків Харкові -Росії")
        let relaxed = compiled.relaxed
        #expect(relaxed.tier == .someWords)
        #expect(compiled.broadest.tier < .someWords)
        guard case .excluding(.any(let alternatives), _) = relaxed.expression else {
            Issue.record("the relaxed stage is an OR of the words, exclusions kept: \(relaxed.match)")
            return
        }
        #expect(alternatives.count == 2)
        #expect(relaxed.match.contains("~танк") && relaxed.match.contains("NOT"))
    }

    @Test func oneWordOrAnExplicitOrHasNoRelaxedStage() throws {
        #expect(try compile("танків").stages.allSatisfy { $0.tier != .someWords })
        #expect(try compile("танків OR Харкові").stages.allSatisfy { $0.tier != .someWords })
        #expect(try compile("\"втрати ворога\"").stages.allSatisfy { $0.tier != .someWords })
    }

    @Test func exclusionsCoverLemmasAtEveryTier() throws {
        let compiled = try compile("втрати -Росії")
        for stage in compiled.stages {
            #expect(stage.match.contains("NOT"))
            #expect(stage.match.contains("~росія"))
        }
    }

    @Test func namesAndGlossaryComeFromTheLexicon() throws {
        let lexicon = ListedLexicon(keys: ["kharkiv": "harkiv", "харків": "harkiv"],
                                    glossary: ["en>uk:tank": ["танк"], "en>ru:tank": ["танк"],
                                               "en>uk:losses": ["втрати"]])
        let compiler = QueryCompiler(analyzer: Fixtures.analyzer(lexicon: lexicon))
        let compiled = try compile("tanks Kharkiv losses", compiler: compiler)
        #expect(compiled.stages.map(\.tier) == [.exact, .lemma, .name, .translation, .someWords])
        let name = compiled.stages.first { $0.tier == .name }!
        #expect(name.expression.positiveTerms.contains("#harkiv"))
        let translation = compiled.broadest.expression.positiveTerms
        #expect(translation.contains("танк") && translation.contains("~втрата"))
    }

    @Test func everyCompiledQueryIsValidFTS5() throws {
        let database = try DatabaseQueue()
        try database.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='unicode61')")
            try db.execute(sql: "INSERT INTO t VALUES ('Втрати', 'танків 12 Харкові'), ('Losses', 'tanks')")
        }
        let pieces = ["\"", "\"", "(", ")", "-", "- ", "OR", "AND", "NOT", "NEAR(", "*", ":", "^", "+", "{", "}",
                      ",", " ", " ", " ", "|", "~", "#", "танків", "Харкові", "tanks", "Kyiv", "1 020", "об’єкт",
                      "\u{0301}", "ʼ", "'", "title:", "NEAR", "\\", "\t", "\n", "ґ", "Ё"]
        var generator = SeededGenerator(seed: 6)
        var compiledCount = 0, refusedCount = 0
        for _ in 0..<1500 {
            let text = (0..<Int.random(in: 1...9, using: &generator))
                .map { _ in pieces.randomElement(using: &generator)! }.joined()
            switch SearchQuery.parse(text) {
            case .failure(let error):
                refusedCount += 1
                #expect(error.description.hasSuffix("."))
            case .success(let query):
                compiledCount += 1
                for stage in compiler.compile(query).stages {
                    do {
                        _ = try database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM t WHERE t MATCH ?",
                                                                 arguments: [stage.match]) }
                    } catch {
                        Issue.record("query \(text.debugDescription) gave invalid FTS5 \(stage.match): \(error)")
                    }
                }
            }
        }
        #expect(compiledCount > 500 && refusedCount > 50, "the generator exercises both outcomes")
    }
}
