import DiglotLanguage
import DiglotModel
import Foundation

/// Finds tweets that survive in pasted article text only as words above a signature line:
/// "…Вірте у ЗСУ! 🇺🇦 pic.twitter.com/WDkBBo6sng — Defence of Ukraine (@DefenceU) February 25, 2022".
///
/// The signature line must carry a media link or a status link (otherwise nothing identifies the tweet).
/// The tweet's words may start several paragraphs above it: every paragraph going up is taken while it is
/// not in the article's language, so "🔊СВ ЗСУ:" and three Ukrainian paragraphs join the tweet and the
/// English sentence above them does not.
enum PastedTweetReader {
    /// A signature line read from pasted text.
    static func signature(in paragraph: String) -> (tweet: EmbeddedTweet, lead: String)? {
        guard let signature = Signature.parse(paragraph), let date = TweetDate.parse(signature.rest) else { return nil }
        let status = TweetText.statusLink(in: signature.rest) ?? TweetText.statusLink(in: signature.before)
        var before = signature.before
        if let status {
            before = before.replacingOccurrences(of: "https?://\\S*/status/\(status.statusID)\\S*", with: "",
                                                 options: .regularExpression)
        }
        let (lead, media) = TweetText.splitTrailingMediaLink(before)
        guard media != nil || status != nil else { return nil }
        let tweet = EmbeddedTweet(handle: signature.handle, displayName: signature.displayName, statusID: status?.statusID,
                                  mediaLink: media, published: date, text: lead, declaredLanguage: nil, line: nil)
        return (tweet, lead)
    }

    /// Splits paragraphs into article items and tweets.
    static func items(from paragraphs: [(text: String, kind: HostArticle.TextKind)]) -> [HostArticle.Item] {
        // Each paragraph's signature is read once (reading one runs several patterns over the paragraph).
        let signatures = paragraphs.map { signature(in: $0.text) }
        let plain = zip(paragraphs, signatures).filter { $0.1 == nil }.map(\.0.text).joined(separator: "\n")
        let articleLanguage = LanguageDetector.detect(plain)
        var items: [HostArticle.Item] = []
        for (paragraph, signature) in zip(paragraphs, signatures) {
            guard let (tweet, lead) = signature else {
                items.append(.text(paragraph.text, paragraph.kind))
                continue
            }
            var parts = lead.isEmpty ? [] : [lead]
            var length = lead.count
            while case .text(let previous, .paragraph)? = items.last,
                  belongsToTweet(previous, articleLanguage: articleLanguage), length + previous.count <= 1200 {
                parts.insert(previous, at: 0)
                length += previous.count
                items.removeLast()
            }
            var complete = tweet
            complete.text = parts.joined(separator: "\n\n")
            items.append(.tweet(complete))
        }
        return items
    }

    /// Whether a paragraph above a signature is part of the tweet: not in the article's language, or
    /// (too short to detect) not in the article's script.
    private static func belongsToTweet(_ paragraph: String, articleLanguage: LanguageTag) -> Bool {
        let decision = LanguageDetector.detailed(paragraph)
        if decision.language != .undetermined { return decision.language != articleLanguage }
        let articleIsCyrillic = articleLanguage.isEastSlavic
        if decision.cyrillicLetters == 0 && decision.latinLetters == 0 { return true }
        return articleIsCyrillic ? decision.latinLetters > decision.cyrillicLetters
                                 : decision.cyrillicLetters > decision.latinLetters
    }
}
