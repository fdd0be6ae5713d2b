import DiglotModel
import Foundation

/// What a page's head says about its article: title, canonical URL, publication time, author, language.
///
/// Sites state these in several places (Open Graph and `article:` meta tags, JSON-LD, `<time datetime>`,
/// `<link rel=canonical>`); this reads each in order of reliability and keeps the raw strings, leaving
/// date parsing to the caller.
///
/// ```swift
/// let meta = PageMetadata(page)
/// meta.published // "2022-03-02T19:27:00Z"
/// ```
public struct PageMetadata: Sendable {
    public var title: String?
    public var canonicalURL: String?
    public var published: String?
    public var author: String?
    public var siteName: String?
    /// `<html lang>`, as written.
    public var language: String?

    public init(_ document: MarkupDocument) {
        guard let root = document.root else { return }
        var meta: [String: String] = [:]
        for tag in root.all(named: "meta") {
            guard let key = (tag.attribute("property") ?? tag.attribute("name") ?? tag.attribute("itemprop"))?.lowercased(),
                  let content = tag.attribute("content")?.trimmingWhitespace(),
                  !content.isEmpty, meta[key] == nil else { continue }
            meta[key] = content
        }
        let linkedData = PageMetadata.linkedData(root)
        let h1 = root.first(named: "h1")?.renderedText
        title = meta["og:title"] ?? linkedData["headline"] ?? h1.flatMap { $0.isEmpty ? nil : $0 }
            ?? root.first(named: "title")?.renderedText
        canonicalURL = root.all(named: "link").first { $0.attribute("rel")?.lowercased() == "canonical" }?.attribute("href")
            ?? meta["og:url"] ?? linkedData["url"]
        published = meta["article:published_time"] ?? linkedData["datePublished"] ?? meta["datepublished"]
            ?? meta["date"] ?? meta["dc.date"] ?? root.first(named: "time")?.attribute("datetime")
        author = meta["author"] ?? linkedData["author"] ?? meta["article:author"]
        siteName = meta["og:site_name"] ?? linkedData["publisher"]
        language = root.attribute("lang") ?? root.attribute("lang", namespace: MarkupNode.xmlNamespace)
    }

    /// `headline`, `datePublished`, `url`, `author` and `publisher` names from the page's JSON-LD.
    private static func linkedData(_ root: MarkupNode) -> [String: String] {
        var found: [String: String] = [:]
        for script in root.all(named: "script") where script.attribute("type")?.lowercased() == "application/ld+json" {
            guard let json = try? JSONSerialization.jsonObject(with: Data(script.text.utf8)) else { continue }
            var queue: [Any] = [json]
            while !queue.isEmpty {
                let item = queue.removeFirst()
                if let list = item as? [Any] { queue += list; continue }
                guard let object = item as? [String: Any] else { continue }
                if let graph = object["@graph"] { queue.append(graph) }
                for key in ["headline", "datePublished", "url"] where found[key] == nil {
                    if let value = object[key] as? String { found[key] = value }
                }
                for key in ["author", "publisher"] where found[key] == nil {
                    if let value = object[key] as? String { found[key] = value }
                    if let value = (object[key] as? [String: Any])?["name"] as? String { found[key] = value }
                    if let value = ((object[key] as? [Any])?.first as? [String: Any])?["name"] as? String { found[key] = value }
                }
            }
        }
        return found
    }
}
