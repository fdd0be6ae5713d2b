import DiglotModel
import Foundation

/// Text clean-up shared by the three tweet readers.
enum TweetText {
    /// A trailing `pic.twitter.com/…` or `pic.x.com/…` link, which is the tweet's media, not its words.
    static let mediaLinkPattern = try! NSRegularExpression(pattern: "(?:https?://)?pic\\.(?:twitter|x)\\.com/[A-Za-z0-9]+")

    /// `https://twitter.com/<handle>/status/<id>` or the x.com / mobile variants, any query.
    static let statusLinkPattern = try! NSRegularExpression(
        pattern: "https?://(?:www\\.|mobile\\.)?(?:twitter|x)\\.com/(?:#!/)?([A-Za-z0-9_]{1,15}|i/web)/status(?:es)?/([0-9]{5,25})",
        options: [.caseInsensitive])

    /// Splits `text` into its words and a trailing media link, if there is one.
    static func splitTrailingMediaLink(_ text: String) -> (text: String, mediaLink: String?) {
        let ns = text as NSString
        guard let match = mediaLinkPattern.matches(in: text, range: NSRange(location: 0, length: ns.length)).last else {
            return (text.trimmingWhitespace(), nil)
        }
        let tail = ns.substring(from: match.range.location + match.range.length).trimmingWhitespace()
        guard tail.isEmpty else { return (text.trimmingWhitespace(), nil) }
        let link = ns.substring(with: match.range).replacingOccurrences(of: "https://", with: "")
            .replacingOccurrences(of: "http://", with: "")
        return (ns.substring(to: match.range.location).trimmingWhitespace(), link)
    }

    /// The first status link in `text`: its handle and status id.
    static func statusLink(in text: String) -> (handle: String, statusID: String)? {
        let ns = text as NSString
        guard let match = statusLinkPattern.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else {
            return nil
        }
        return (ns.substring(with: match.range(at: 1)), ns.substring(with: match.range(at: 2)))
    }

    private static let noise = try! NSRegularExpression(pattern: "https?://\\S+|pic\\.(?:twitter|x)\\.com/\\S+|@[A-Za-z0-9_]+|#")

    /// The tweet's words only, for language detection.
    static func withoutLinksAndMentions(_ text: String) -> String {
        noise.stringByReplacingMatches(in: text, range: NSRange(location: 0, length: (text as NSString).length),
                                       withTemplate: " ")
    }

    /// Decodes the three entities the Twitter API escapes in `text`.
    static func decodeAPIEntities(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Paragraphs of a tweet: runs of lines separated by blank lines, each line trimmed.
    static func paragraphs(_ text: String) -> [String] {
        var result: [String] = []
        var current: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty {
                if !current.isEmpty { result.append(current.joined(separator: "\n")); current = [] }
            } else {
                current.append(trimmed)
            }
        }
        if !current.isEmpty { result.append(current.joined(separator: "\n")) }
        return result
    }
}
