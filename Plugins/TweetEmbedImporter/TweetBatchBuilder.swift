import DiglotImporting
import DiglotLanguage
import DiglotModel

/// Turns tweets and their host article into documents, passages and `embedded-quote` pairs.
struct TweetBatchBuilder {
    let input: ImportInput

    /// - Throws: `ImportError` when the input holds neither a tweet nor article text.
    func batch(for article: HostArticle) throws -> ImportBatch {
        var batch = ImportBatch()
        var tweetIDs: [String: DocumentID] = [:]
        for tweet in article.tweets where tweetIDs[tweet.naturalKey] == nil {
            let (document, passages) = tweetDocument(tweet)
            tweetIDs[tweet.naturalKey] = document.id
            batch.documents.append(document)
            batch.passages += passages
            if tweet.statusID == nil {
                batch.warnings.append("tweet by @\(tweet.handle ?? "?") on \(tweet.published?.description ?? "an unknown day") has no status link; it is keyed by its media link \(tweet.mediaLink ?? "(none)")")
            }
        }
        guard article.hasText else {
            guard !batch.documents.isEmpty else { throw input.error("holds neither a tweet embed nor article text") }
            return batch
        }
        let (document, passages, pairs) = articleDocument(article, tweetIDs: tweetIDs)
        batch.documents.append(document)
        batch.passages += passages
        batch.pairs += pairs
        return batch
    }

    func tweetDocument(_ tweet: EmbeddedTweet) -> (Document, [Passage]) {
        let id = DocumentID(naturalKey: tweet.naturalKey)
        let language = tweet.language
        var builder = PassageBuilder(documentID: id, language: language)
        for paragraph in TweetText.paragraphs(tweet.text) { builder.append(paragraph, role: .paragraph) }
        var metadata: [String: String] = [:]
        metadata["handle"] = tweet.handle
        metadata["display_name"] = tweet.displayName
        metadata["status_id"] = tweet.statusID
        metadata["url"] = tweet.canonicalURL
        metadata["date"] = tweet.published?.description
        metadata["media"] = tweet.mediaLink
        metadata["declared_lang"] = tweet.declaredLanguage
        let title = [tweet.displayName, tweet.handle.map { "(@\($0))" }].compactMap { $0 }.joined(separator: " ")
        let document = Document(id: id, kind: .tweet, language: language,
                                declaredLanguage: tweet.declaredLanguage.map(LanguageTag.init(bcp47:)),
                                title: title.isEmpty ? nil : title, author: tweet.displayName, publisher: "Twitter",
                                published: tweet.published, canonicalURL: tweet.canonicalURL, text: builder.text,
                                sourceID: input.sourceID, metadata: metadata)
        return (document, builder.passages)
    }

    private struct Candidate {
        var passage: PassageID
        var text: String
        var speaker: String?
        var verb: String?
        var item: Int
    }

    func articleDocument(_ article: HostArticle, tweetIDs: [String: DocumentID]) -> (Document, [Passage], [Pair]) {
        let key = article.canonicalURL.map { "article:\($0)" } ?? "article:\(input.sourceID.rawValue)"
        let id = DocumentID(naturalKey: key)
        let bodyText = article.items.compactMap { if case .text(let t, _) = $0 { t } else { nil } }.joined(separator: "\n")
        let language = LanguageDetector.detect(bodyText)
        var builder = PassageBuilder(documentID: id, language: language)
        if let title = article.title { builder.append(title, role: .headline) }
        var candidates: [Candidate] = []
        var lastSpeaker: String?
        for (itemIndex, item) in article.items.enumerated() {
            guard case .text(let text, let kind) = item else { continue }
            switch kind {
            case .heading: builder.append(text, role: .paragraph)
            case .caption: builder.append(text, role: .caption)
            case .quoteBlock: builder.append(text, role: .quote)
            case .paragraph:
                let quotes = QuotationFinder.quotations(in: text, previousSpeaker: lastSpeaker)
                let spans = quotes.map { quote in
                    MarkedSpan(start: quote.start, end: quote.end, role: .quote,
                               metadata: quote.speaker.map { ["speaker": $0] } ?? [:])
                }
                let ids = builder.appendParagraph(text, spans: spans)
                for (quote, passage) in zip(quotes, ids) {
                    if let speaker = quote.speaker { lastSpeaker = speaker }
                    guard let passage else { continue }
                    candidates.append(Candidate(passage: passage, text: quote.text, speaker: quote.speaker,
                                                verb: quote.verb, item: itemIndex))
                }
            }
        }
        var metadata: [String: String] = [:]
        metadata["site"] = article.publisher
        let document = Document(id: id, kind: .article, language: language,
                                declaredLanguage: article.declaredLanguage.map(LanguageTag.init(bcp47:)),
                                title: article.title, author: article.author, publisher: article.publisher,
                                published: article.published, canonicalURL: article.canonicalURL, text: builder.text,
                                sourceID: input.sourceID, metadata: metadata)
        return (document, builder.passages, pairs(article: article, candidates: candidates, tweetIDs: tweetIDs))
    }

    /// Best-first, one quote per tweet and one tweet per quote, above `QuoteEvidence.threshold`.
    private func pairs(article: HostArticle, candidates: [Candidate], tweetIDs: [String: DocumentID]) -> [Pair] {
        var scored: [(tweet: EmbeddedTweet, item: Int, candidate: Int, evidence: QuoteEvidence)] = []
        // Each quote's language and facts are read once, not once for every tweet of the article.
        let quoteLanguages = candidates.map { LanguageDetector.detect($0.text) }
        var quoteFacts: [Int: QuoteEvidence.TextFacts] = [:]
        var speakerWords: [Int: Set<String>] = [:]
        for (itemIndex, item) in article.items.enumerated() {
            guard case .tweet(let tweet) = item else { continue }
            let tweetLanguage = tweet.language
            guard tweetLanguage != .undetermined else { continue }
            let tweetFacts = QuoteEvidence.TextFacts(tweet.text)
            let authorWords = QuoteEvidence.authorWords(of: tweet)
            for (index, candidate) in candidates.enumerated() {
                guard quoteLanguages[index] != tweetLanguage else { continue }
                if quoteFacts[index] == nil { quoteFacts[index] = QuoteEvidence.TextFacts(candidate.text) }
                if let speaker = candidate.speaker, speakerWords[index] == nil { speakerWords[index] = QuoteEvidence.words(speaker) }
                let evidence = QuoteEvidence(tweetFacts: tweetFacts, quoteFacts: quoteFacts[index]!, authorWords: authorWords,
                                             speakerWords: speakerWords[index], verb: candidate.verb,
                                             distance: abs(candidate.item - itemIndex))
                if evidence.confidence >= QuoteEvidence.threshold { scored.append((tweet, itemIndex, index, evidence)) }
            }
        }
        var usedTweets = Set<Int>(), usedQuotes = Set<Int>()
        var result: [Pair] = []
        for entry in scored.sorted(by: { ($0.evidence.confidence, -$0.item) > ($1.evidence.confidence, -$1.item) }) {
            guard !usedTweets.contains(entry.item), !usedQuotes.contains(entry.candidate),
                  let tweetID = tweetIDs[entry.tweet.naturalKey] else { continue }
            usedTweets.insert(entry.item)
            usedQuotes.insert(entry.candidate)
            result.append(Pair(original: .document(tweetID), rendering: .passage(candidates[entry.candidate].passage),
                               method: .embeddedQuote, confidence: entry.evidence.confidence))
        }
        return result.sorted { $0.id < $1.id }
    }
}
