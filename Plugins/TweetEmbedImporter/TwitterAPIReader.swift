import DiglotImporting
import DiglotModel
import Foundation

/// Reads Twitter API v2 JSON: `{"data": {…} or [{…}], "includes": {"users": [{id, name, username}]}}`, each
/// tweet with `id`, `text`, `author_id`, `created_at`, `lang` and optionally `entities.urls`.
enum TwitterAPIReader {
    /// Whether bytes look like an API v2 response (cheap: the first bytes only).
    static func looksLikeAPI(_ head: String) -> Bool {
        let trimmed = head.drop { $0.isWhitespace }
        return trimmed.hasPrefix("{") && ByteScan.contains(head, "\"data\"")
            && ByteScan.containsAny(head, ["\"author_id\"", "\"includes\"", "\"edit_history_tweet_ids\""])
    }

    /// - Throws: `ImportError` for JSON that does not parse or holds no tweet.
    static func read(_ input: ImportInput) throws -> [EmbeddedTweet] {
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: input.bytes)
        } catch {
            throw input.error("is not valid JSON (\((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "unreadable"))")
        }
        guard let root = json as? [String: Any] else { throw input.error("is JSON but not a Twitter API object") }
        let entries: [[String: Any]]
        if let one = root["data"] as? [String: Any] { entries = [one] } else { entries = root["data"] as? [[String: Any]] ?? [] }
        guard !entries.isEmpty else {
            let reason = ((root["errors"] as? [[String: Any]])?.first?["detail"] as? String).map { ": the API said \"\($0)\"" } ?? ""
            throw input.error("holds no tweet in \"data\"\(reason)")
        }
        var users: [String: (name: String?, username: String?)] = [:]
        for user in (root["includes"] as? [String: Any])?["users"] as? [[String: Any]] ?? [] {
            if let id = user["id"] as? String { users[id] = (user["name"] as? String, user["username"] as? String) }
        }
        return try entries.enumerated().map { index, entry in
            guard let id = entry["id"] as? String, id.allSatisfy(\.isNumber), let text = entry["text"] as? String else {
                throw input.error("tweet \(index + 1) in \"data\" lacks a numeric \"id\" or its \"text\"")
            }
            let author = (entry["author_id"] as? String).flatMap { users[$0] }
            var words = TweetText.decodeAPIEntities(text)
            var media: String?
            for url in (entry["entities"] as? [String: Any])?["urls"] as? [[String: Any]] ?? [] {
                guard let short = url["url"] as? String, let display = url["display_url"] as? String,
                      display.hasPrefix("pic.twitter.com/") || display.hasPrefix("pic.x.com/"),
                      words.trimmingWhitespace().hasSuffix(short) else { continue }
                words = String(words.trimmingWhitespace().dropLast(short.count))
                media = display
            }
            let split = TweetText.splitTrailingMediaLink(words)
            return EmbeddedTweet(handle: author?.username, displayName: author?.name, statusID: id,
                                 mediaLink: media ?? split.mediaLink,
                                 published: (entry["created_at"] as? String).flatMap { PublishedDate(iso: $0) },
                                 text: split.text, declaredLanguage: entry["lang"] as? String, line: nil)
        }
    }
}
