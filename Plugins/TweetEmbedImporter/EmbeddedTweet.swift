import DiglotLanguage
import DiglotModel

/// A tweet as read from an embed, pasted text or API JSON, before it becomes a `tweet` document.
struct EmbeddedTweet: Sendable, Equatable {
    var handle: String?
    var displayName: String?
    var statusID: String?
    /// `pic.twitter.com/WDkBBo6sng`: the media link a copy-paste keeps when it loses the status link.
    var mediaLink: String?
    var published: PublishedDate?
    /// The tweet's text, without the trailing media link.
    var text: String
    /// `p@lang` or the API's `lang`, as written (`uk`, `zxx`); the platform's guess.
    var declaredLanguage: String?
    /// The line of the input it was read from (HTML and text), for messages.
    var line: Int?

    /// "tweet:<status id>" so that one status embedded in two articles is one document; a pasted tweet
    /// without its status link falls back to its author and media link.
    var naturalKey: String {
        if let statusID { return "tweet:\(statusID)" }
        return "tweet:\(handle?.quickLowercased() ?? "unknown"):\(mediaLink ?? text)"
    }

    /// `https://twitter.com/<handle>/status/<id>`, the form every embed variant (x.com, ?ref_src) maps to.
    var canonicalURL: String? {
        guard let statusID else { return nil }
        return "https://twitter.com/\(handle ?? "i/web")/status/\(statusID)"
    }

    /// Detection decides; the declared tag is used only when the text is too short to detect and is
    /// written in the declared language's script. `zxx` (media only) and empty text are undetermined.
    var language: LanguageTag {
        let readable = TweetText.withoutLinksAndMentions(text)
        let detected = LanguageDetector.detect(readable)
        if detected != .undetermined { return detected }
        guard let declaredLanguage else { return .undetermined }
        let declared = LanguageTag(bcp47: declaredLanguage)
        let decision = LanguageDetector.detailed(readable)
        let letters = decision.cyrillicLetters + decision.latinLetters
        guard letters >= 3 else { return .undetermined }
        if declared.isEastSlavic, decision.cyrillicLetters * 4 >= letters * 3 { return declared }
        if declared == .english, decision.latinLetters * 4 >= letters * 3 { return declared }
        return .undetermined
    }
}
