import Foundation
import DiglotModel
import DiglotXML

/// An HTML page's own statements about itself: `<meta>` tags (Open Graph, `article:*`, Dublin Core, plain
/// names), JSON-LD `NewsArticle` objects, `<link rel=canonical>`, `<html lang>` and `<time datetime>`.
///
/// Each field takes the first source that has it, most reliable first: JSON-LD and Open Graph are written
/// for machines; `<title>` and `<time>` are written for people and carry site names and relative dates.
struct HTMLArticleMetadata {
    private var meta: [String: String] = [:]
    private var jsonLD: [[String: Any]] = []
    private let root: MarkupNode

    init(root: MarkupNode) {
        self.root = root
        for node in root.all(named: "meta") {
            guard let key = (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop")
                             ?? node.attribute("http-equiv"))?.quickLowercased(),
                  let content = node.attribute("content").map(PlainTextArticle.collapseWhitespace), !content.isEmpty,
                  meta[key] == nil else { continue }
            meta[key] = content
        }
        for script in root.all(named: "script") where script.attribute("type")?.quickLowercased() == "application/ld+json" {
            guard let data = script.text.data(using: .utf8),
                  let value = try? JSONSerialization.jsonObject(with: data) else { continue }
            jsonLD += Self.articleObjects(in: value)
        }
    }

    /// JSON-LD objects whose `@type` names an article, from a top-level object, an array or an `@graph`.
    private static func articleObjects(in value: Any) -> [[String: Any]] {
        if let array = value as? [Any] { return array.flatMap(articleObjects) }
        guard let object = value as? [String: Any] else { return [] }
        var found: [[String: Any]] = []
        let types = (object["@type"] as? String).map { [$0] } ?? (object["@type"] as? [String]) ?? []
        if types.contains(where: { $0.hasSuffix("Article") || $0 == "BlogPosting" || $0 == "Report" }) {
            found.append(object)
        }
        if let graph = object["@graph"] { found += articleObjects(in: graph) }
        return found
    }

    private func jsonLDString(_ key: String) -> String? {
        for object in jsonLD {
            if let text = Self.name(of: object[key]) { return text }
        }
        return nil
    }

    /// A JSON-LD value as text: a string, an object's `name`, or the first of an array.
    private static func name(of value: Any?) -> String? {
        switch value {
        case let text as String: return text.isEmpty ? nil : PlainTextArticle.collapseWhitespace(text)
        case let object as [String: Any]: return name(of: object["name"])
        case let array as [Any]:
            let names = array.compactMap { name(of: $0) }
            return names.isEmpty ? nil : names.joined(separator: ", ")
        default: return nil
        }
    }

    var siteName: String? { meta["og:site_name"] ?? jsonLDPublisher }

    private var jsonLDPublisher: String? { jsonLDString("publisher") }

    /// og:title, JSON-LD headline, the first `<h1>`, then `<title>` without its " | Site" tail.
    var title: String? {
        if let title = meta["og:title"] ?? meta["twitter:title"] ?? jsonLDString("headline") { return title }
        if let h1 = root.first(named: "h1").map({ PlainTextArticle.collapseWhitespace($0.text) }), !h1.isEmpty { return h1 }
        guard let title = root.first(named: "title").map({ PlainTextArticle.collapseWhitespace($0.text) }),
              !title.isEmpty else { return nil }
        return Self.removingSiteName(from: title, siteName: siteName)
    }

    /// "Losses pass 1,000 | Kyiv Daily" -> "Losses pass 1,000" when the tail is the site's name.
    static func removingSiteName(from title: String, siteName: String?) -> String {
        for separator in [" | ", " — ", " – ", " - ", " :: "] {
            guard let range = title.range(of: separator, options: .backwards) else { continue }
            let tail = title[range.upperBound...].trimmingSpaces()
            let head = String(title[..<range.lowerBound])
            if let siteName, tail.caseInsensitiveCompare(siteName) == .orderedSame { return head }
            if siteName == nil, tail.split(separator: " ").count <= 3, head.count > tail.count * 2 { return head }
        }
        return title
    }

    var author: String? {
        if let author = jsonLDString("author") { return author }
        for key in ["author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author"] {
            guard let value = meta[key], Self.absoluteURL(value) == nil else { continue }
            return value.hasPrefix("By ") ? String(value.dropFirst(3)) : value
        }
        let byline = root.firstDescendant { node in
            node.attribute("rel") == "author" || node.attribute("itemprop") == "author"
                || node.classes.contains { $0.quickLowercased().contains("byline") || $0.quickLowercased() == "author" }
        }.map { PlainTextArticle.collapseWhitespace($0.text) }
        guard var name = byline, !name.isEmpty, name.count <= 100 else { return nil }
        for prefix in ["By ", "by ", "Автор: ", "Автор ", "Author: "] where name.hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count))
        }
        return name
    }

    var published: PublishedDate? {
        var candidates: [String] = []
        candidates += ["article:published_time", "og:published_time", "datepublished", "date", "pubdate",
                       "publishdate", "dc.date.issued", "dc.date", "dcterms.created", "sailthru.date"]
            .compactMap { meta[$0] }
        candidates += jsonLD.compactMap { $0["datePublished"] as? String }
        candidates += root.all(named: "time").compactMap { $0.attribute("datetime") }
        return candidates.lazy.compactMap(Self.parseDate).first
    }

    /// ISO 8601 at whatever precision is written; "2022-02-25 06:00:00" (no zone) is taken as a day, since
    /// its time zone is unknown.
    static func parseDate(_ text: String) -> PublishedDate? {
        let trimmed = text.trimmingWhitespace()
        if let date = PublishedDate(iso: trimmed) { return date }
        let day = String(trimmed.prefix(10))
        guard day.count == 10 else { return nil }
        return PublishedDate(iso: day)
    }

    var canonicalURL: String? {
        let canonical = root.all(named: "link").first { link in
            (link.attribute("rel") ?? "").quickLowercased().split(separator: " ").contains("canonical")
        }?.attribute("href")
        return [canonical, meta["og:url"], jsonLDString("url")].compactMap { $0.flatMap(Self.absoluteURL) }.first
    }

    /// `<html lang>`, then og:locale (`uk_UA`), then `Content-Language`.
    var declaredLanguage: LanguageTag? {
        let candidates = [root.attribute("lang"), root.attribute("xml:lang"), meta["og:locale"],
                          meta["content-language"], meta["language"], jsonLDString("inLanguage")]
        for case let value? in candidates where !value.trimmingSpaces().isEmpty {
            return LanguageTag(bcp47: value.trimmingSpaces())
        }
        return nil
    }

    /// The URL if it is an absolute http(s) URL, else nil (relative canonicals cannot name a document).
    static func absoluteURL(_ text: String) -> String? {
        let trimmed = text.trimmingWhitespace()
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.quickLowercased(),
              scheme == "http" || scheme == "https", components.host?.isEmpty == false else { return nil }
        return trimmed
    }
}
