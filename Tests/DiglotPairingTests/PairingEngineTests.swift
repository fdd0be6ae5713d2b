import Testing
import DiglotModel
import DiglotPairing

@Suite struct PairingEngineTests {
    static func candidate(_ key: String, _ language: LanguageTag, _ day: String, _ text: String,
                          kind: DocumentKind = .article, url: String? = nil, links: [String] = []) -> PairingCandidate {
        PairingCandidate(id: DocumentID(naturalKey: key), language: language, kind: kind,
                         published: PublishedDate(iso: day), text: text, url: url, links: links)
    }

    let uk = candidate("uk", .ukrainian, "2022-07-08", "Загальні бойові втрати противника: танків ‒ 1637 (+35), ББМ ‒ 3811 (+14), артсистем ‒ 828 (+13).", kind: .staffBulletin)
    let en = candidate("en", .english, "2022-07-09", "The total combat losses of the enemy: tanks ‒ 1,637 (+35), ACV ‒ 3,811 (+14), artillery systems ‒ 828 (+13).", kind: .staffBulletin)
    let enOtherDay = candidate("en-prev", .english, "2022-07-08", "The total combat losses of the enemy: tanks ‒ 1,602 (+12), ACV ‒ 3,797 (+9), artillery systems ‒ 815 (+4).", kind: .staffBulletin)
    let enFarAway = candidate("en-far", .english, "2022-07-20", "The total combat losses of the enemy: tanks ‒ 1,637 (+35), ACV ‒ 3,811 (+14), artillery systems ‒ 828 (+13).", kind: .staffBulletin)

    @Test func pairsTheRenderingAndIgnoresNeighbours() throws {
        let pool = InMemoryCandidateIndex([uk, en, enOtherDay, enFarAway])
        let pairs = PairingEngine().findPairs(new: [uk], pool: pool)
        #expect(pairs.count == 1)
        let pair = try #require(pairs.first)
        #expect(pair.original == uk.id && pair.rendering == en.id)
        #expect(pair.method == .numbers)
        #expect(pair.confidence >= PairingEngine.Configuration().threshold)
        #expect(pair.fidelity.status == .ok, "\(pair.fidelity.issues)")
        #expect(!pair.alignment.isEmpty)
        #expect(pair.pair.origin == .engine)
    }

    @Test func theRenderingSideFindsItsOriginalToo() throws {
        let pairs = PairingEngine().findPairs(new: [en], pool: InMemoryCandidateIndex([uk, en, enOtherDay]))
        #expect(pairs.map(\.original) == [uk.id])
    }

    @Test func dateWindowIsRespected() {
        let engine = PairingEngine(configuration: .init(dateWindowDays: 0))
        #expect(engine.findPairs(new: [uk], pool: InMemoryCandidateIndex([uk, en])).isEmpty)
    }

    @Test func explicitLinkPairsAShortQuote() throws {
        let tweet = Self.candidate("tweet", .ukrainian, "2022-03-01", "Слава Україні!", kind: .tweet,
                                   url: "https://twitter.com/someone/status/1498000000000000001")
        let quote = Self.candidate("quote", .english, "2022-03-02", "He wrote: Glory to Ukraine! https://x.com/someone/status/1498000000000000001?s=20")
        let unrelated = Self.candidate("other", .english, "2022-03-01", "Glory to Ukraine, the crowd chanted.")
        let pairs = PairingEngine().findPairs(new: [quote], pool: InMemoryCandidateIndex([tweet, quote, unrelated]))
        let pair = try #require(pairs.first)
        #expect(pairs.count == 1)
        #expect(pair.original == tweet.id && pair.rendering == quote.id)
        #expect(pair.method == .explicitLink)
    }

    @Test func unrelatedStoriesAreNotPaired() {
        let a = Self.candidate("a", .ukrainian, "2022-03-01", "У Львові відкрили новий пункт допомоги переселенцям.")
        let b = Self.candidate("b", .english, "2022-03-01", "Shelling continued in Kharkiv overnight, the governor said.")
        #expect(PairingEngine().findPairs(new: [a, b], pool: InMemoryCandidateIndex([a, b])).isEmpty)
    }

    @Test func modelFitSeparatesExamples() {
        let positive = PairFeatures(original: uk, rendering: en)
        let negative = PairFeatures(original: uk, rendering: enOtherDay)
        let model = ConfidenceModel.fit(Array(repeating: (positive, true), count: 5) + Array(repeating: (negative, false), count: 5))
        #expect(model.confidence(positive) > 0.9)
        #expect(model.confidence(negative) < 0.1)
    }
}
