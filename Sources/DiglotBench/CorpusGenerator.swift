import Foundation

/// One generated input file, as a user would drop it into `diglot import`.
struct GeneratedInput: Sendable {
    var fileName: String
    var bytes: Data
    /// How many archive documents the input should yield (a feed yields one per item, an article with an
    /// embedded tweet yields two).
    var expectedDocuments: Int
    /// The text a plain FTS5 baseline indexes for the same input (all of its documents' visible text).
    var plainText: String
}

/// Generates a seeded, realistic corpus: General Staff bulletins in Ukrainian and English built from the real
/// daily figures, articles embedding Ukrainian tweets with English quotes, wire reports with boilerplate,
/// plain-text wire copies and RSS feeds — varied in length and in the quirks real sources have (dash variants,
/// emoji, hashtags, forwarded commentary, curly apostrophes, thin-space numbers).
struct CorpusGenerator: Sequence {
    let targetDocuments: Int
    let seed: UInt64
    let figures: DailyFigures

    func makeIterator() -> Iterator { Iterator(generator: self) }

    struct Iterator: IteratorProtocol {
        let generator: CorpusGenerator
        var rng: SeededGenerator
        var produced = 0
        var serial = 0
        var bulletinDay = 0

        init(generator: CorpusGenerator) {
            self.generator = generator
            self.rng = SeededGenerator(seed: generator.seed)
        }

        mutating func next() -> GeneratedInput? {
            guard produced < generator.targetDocuments else { return nil }
            serial += 1
            let remaining = generator.targetDocuments - produced
            let days = generator.figures.days
            let input: GeneratedInput
            let roll = Double.random(in: 0..<1, using: &rng)
            if roll < 0.12 && bulletinDay < days.count * 2 {
                let day = days[bulletinDay / 2]
                input = bulletinDay % 2 == 0 ? ukrainianBulletin(day) : englishBulletin(day)
                bulletinDay += 1
            } else if roll < 0.45 && remaining >= 2 {
                input = articleWithTweet()
            } else if roll < 0.75 {
                input = wireReportPage()
            } else if roll < 0.9 {
                input = wireCopyText()
            } else {
                input = feed(items: Swift.min(remaining, Int.random(in: 3...12, using: &rng)))
            }
            produced += input.expectedDocuments
            return input
        }

        // MARK: bulletins

        mutating func ukrainianBulletin(_ day: DailyFigures.Day) -> GeneratedInput {
            let (d, m) = dayMonth(day.date)
            let dash = rng.pick(["‒", "–", "-", "—"])
            var lines = ["\(rng.pick(["🔥 ", "⚡️ ", ""]))Загальні бойові #втрати противника з 24.02.22 по \(d).\(m).\(day.date.prefix(4).suffix(2)) орієнтовно склали:", ""]
            lines.append("• особового складу \(dash) близько \(grouped(day.personnel, rng.pick([" ", "\u{00A0}", ""]))) осіб ліквідовано")
            for (field, total) in day.totals {
                guard let label = DailyFigures.labels[field] else { continue }
                let delta = Int.random(in: 0...15, using: &rng)
                lines.append("• \(label.uk) \(dash) \(total) (+\(delta)) од\(rng.chance(0.2) ? "  " : "")")
            }
            lines.append("")
            lines.append("Дані уточнюються. #Генштаб #ЗСУ")
            if rng.chance(0.15) {
                lines.append("")
                lines.append("Комментарий канала: цифры Генштаба Украины мы не проверяли, следите за обновлениями.")
            }
            let text = lines.joined(separator: "\n")
            return GeneratedInput(fileName: "bulletin-uk-\(day.date)-\(serial).txt", bytes: Data(text.utf8),
                                  expectedDocuments: 1, plainText: text)
        }

        mutating func englishBulletin(_ day: DailyFigures.Day) -> GeneratedInput {
            let (d, m) = dayMonth(day.date)
            var lines = ["The total combat losses of the enemy from 24.02.22 to \(d).\(m).\(day.date.prefix(4).suffix(2)) were approximately:"]
            lines.append("personnel ‒ about \(day.personnel) (+\(Int.random(in: 100...1300, using: &rng))) persons were liquidated,")
            for (field, total) in day.totals {
                guard let label = DailyFigures.labels[field] else { continue }
                lines.append("\(label.en) ‒ \(total) (+\(Int.random(in: 0...15, using: &rng))),")
            }
            lines.append("Data are being updated.")
            let body = lines.map { "<p>\($0)</p>" }.joined(separator: "\n")
            let html = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>\(lines[0])</title></head>
            <body><nav><a href="/en">Home</a> <a href="/en/news">News</a></nav>
            <h1>\(lines[0])</h1><span class="date">\(day.date) 09:\(String(format: "%02d", serial % 60)):00</span>
            <div class="article-body">\(body)</div><footer>Ministry of Defence of Ukraine</footer></body></html>
            """
            return GeneratedInput(fileName: "bulletin-en-\(day.date)-\(serial).html", bytes: Data(html.utf8),
                                  expectedDocuments: 1, plainText: lines.joined(separator: "\n"))
        }

        // MARK: articles, tweets, wire

        mutating func articleWithTweet() -> GeneratedInput {
            let place = rng.pick(Vocabulary.places)
            let number = Int.random(in: 2...40_000, using: &rng)
            let statusID = 1_497_000_000_000_000_000 + UInt64(serial) * 7919
            let handle = rng.pick(Vocabulary.handles)
            let ukTweet = "\(rng.pick(Vocabulary.ukrainianOpeners)) \(place.uk) \(rng.pick(Vocabulary.ukrainianEvents)) \(grouped(number, "\u{2009}")) \(rng.pick(Vocabulary.ukrainianUnits)). \(rng.pick(Vocabulary.ukrainianClosers))"
            let enQuote = "\(rng.pick(Vocabulary.englishOpeners)) \(place.en) \(rng.pick(Vocabulary.englishEvents)) \(grouped(number, ",")) \(rng.pick(Vocabulary.englishUnits))."
            let date = randomDate()
            let paragraphs = englishParagraphs(count: Int.random(in: 3...14, using: &rng), place: place.en)
            let html = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>\(place.en): \(rng.pick(Vocabulary.headlines)) (\(serial))</title>
            <meta property="article:published_time" content="\(date)T10:00:00Z"></head><body>
            <header><nav>World | Europe | Ukraine</nav></header><article><h1>\(place.en): \(rng.pick(Vocabulary.headlines))</h1>
            <p>\(paragraphs[0])</p>
            <p>The ministry of defence tweeted, “\(enQuote)”</p>
            <blockquote class="twitter-tweet"><p lang="uk" dir="ltr">\(ukTweet) <a href="https://t.co/x\(serial)">pic.twitter.com/x\(serial)</a></p>&mdash; \(handle.name) (@\(handle.handle)) <a href="https://twitter.com/\(handle.handle)/status/\(statusID)?ref_src=twsrc%5Etfw">\(englishDate(date))</a></blockquote>
            \(paragraphs.dropFirst().map { "<p>\($0)</p>" }.joined(separator: "\n"))
            </article><aside class="newsletter">Sign up for our newsletter</aside><div class="share">Share on Facebook</div></body></html>
            """
            return GeneratedInput(fileName: "article-\(serial).html", bytes: Data(html.utf8), expectedDocuments: 2,
                                  plainText: ([ukTweet, enQuote] + paragraphs).joined(separator: "\n"))
        }

        mutating func wireReportPage() -> GeneratedInput {
            let place = rng.pick(Vocabulary.places)
            let agency = rng.pick(["Reuters", "AP", "AFP"])
            let date = randomDate()
            let paragraphs = englishParagraphs(count: Int.random(in: 4...20, using: &rng), place: place.en)
            let dateline = "\(place.en.uppercased()), \(englishDate(date).replacingOccurrences(of: ", 20\(date.prefix(4).suffix(2))", with: "")) (\(agency)) -"
            let html = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>\(rng.pick(Vocabulary.headlines)) | \(agency)</title>
            <meta property="article:published_time" content="\(date)T0\(serial % 10):15:00Z"><link rel="canonical" href="https://news.example/\(serial)"></head>
            <body><div class="cookie-banner">We use cookies to improve your experience.</div><nav>Home | World</nav>
            <article><h1>\(rng.pick(Vocabulary.headlines))</h1><p class="byline">By \(rng.pick(Vocabulary.reporters))</p>
            <p>\(dateline) \(paragraphs[0])</p>
            \(paragraphs.dropFirst().map { "<p>\($0)</p>" }.joined(separator: "\n"))
            <figure><img src="x.jpg"><figcaption>Smoke rises over \(place.en) in a photo released on \(date).</figcaption></figure>
            </article><section class="related"><h2>Articles You May Like</h2><a href="/1">Other story</a></section>
            <div id="comments"><h3>Leave a Reply</h3><form>Comment</form></div></body></html>
            """
            return GeneratedInput(fileName: "wire-\(serial).html", bytes: Data(html.utf8), expectedDocuments: 1,
                                  plainText: paragraphs.joined(separator: "\n"))
        }

        mutating func wireCopyText() -> GeneratedInput {
            let place = rng.pick(Vocabulary.places)
            let date = randomDate()
            let ukrainian = rng.chance(0.4)
            let paragraphs = ukrainian ? ukrainianParagraphs(count: Int.random(in: 3...12, using: &rng), place: place.uk)
                                       : englishParagraphs(count: Int.random(in: 3...12, using: &rng), place: place.en)
            let head = ukrainian ? "\(place.uk.uppercased()), \(date) (Укрінформ) —" : "\(place.en.uppercased()), \(englishDate(date)) (Reuters) -"
            let text = ([rng.pick(ukrainian ? Vocabulary.ukrainianHeadlines : Vocabulary.headlines), "", head + " " + paragraphs[0]]
                        + paragraphs.dropFirst()).joined(separator: "\n\n")
            return GeneratedInput(fileName: "wire-\(serial).txt", bytes: Data(text.utf8), expectedDocuments: 1, plainText: text)
        }

        mutating func feed(items: Int) -> GeneratedInput {
            var entries: [String] = []
            var plain: [String] = []
            for item in 0..<items {
                let place = rng.pick(Vocabulary.places)
                let paragraphs = englishParagraphs(count: Int.random(in: 2...6, using: &rng), place: place.en)
                let title = "\(place.en): \(rng.pick(Vocabulary.headlines))"
                plain += [title] + paragraphs
                let body = paragraphs.map { "<p>\($0)</p>" }.joined().replacingOccurrences(of: "]]>", with: "")
                entries.append("""
                <item><title>\(escape(title))</title><link>https://feed.example/\(serial)/\(item)</link><guid>feed-\(serial)-\(item)</guid>
                <pubDate>Fri, 25 Feb 2022 1\(item % 10):00:00 GMT</pubDate><description>\(escape(paragraphs[0]))</description>
                <content:encoded><![CDATA[\(body)]]></content:encoded></item>
                """)
            }
            let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Example wire feed</title>
            <link>https://feed.example/</link><description>Wire reports</description>
            \(entries.joined(separator: "\n"))
            </channel></rss>
            """
            return GeneratedInput(fileName: "feed-\(serial).xml", bytes: Data(xml.utf8), expectedDocuments: items,
                                  plainText: plain.joined(separator: "\n"))
        }

        // MARK: text pieces

        mutating func englishParagraphs(count: Int, place: String) -> [String] {
            (0..<count).map { _ in
                (0..<Int.random(in: 1...4, using: &rng)).map { _ in
                    var s = rng.pick(Vocabulary.englishSentences)
                    s = s.replacingOccurrences(of: "{place}", with: rng.chance(0.5) ? place : rng.pick(Vocabulary.places).en)
                    s = s.replacingOccurrences(of: "{n}", with: grouped(Int.random(in: 2...120_000, using: &rng), ","))
                    s = s.replacingOccurrences(of: "{who}", with: rng.pick(Vocabulary.people).en)
                    return s
                }.joined(separator: " ")
            }
        }

        mutating func ukrainianParagraphs(count: Int, place: String) -> [String] {
            (0..<count).map { _ in
                (0..<Int.random(in: 1...4, using: &rng)).map { _ in
                    var s = rng.pick(Vocabulary.ukrainianSentences)
                    s = s.replacingOccurrences(of: "{place}", with: place)
                    s = s.replacingOccurrences(of: "{n}", with: grouped(Int.random(in: 2...120_000, using: &rng), " "))
                    s = s.replacingOccurrences(of: "{who}", with: rng.pick(Vocabulary.people).uk)
                    return s
                }.joined(separator: " ")
            }
        }

        mutating func randomDate() -> String {
            let days = generator.figures.days
            return days.isEmpty ? "2022-03-01" : rng.pick(days).date
        }

        func dayMonth(_ iso: String) -> (String, String) {
            let parts = iso.split(separator: "-")
            return (String(parts[2]), String(parts[1]))
        }

        func englishDate(_ iso: String) -> String {
            let parts = iso.split(separator: "-").compactMap { Int($0) }
            let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                          "October", "November", "December"]
            return "\(months[parts[1] - 1]) \(parts[2]), \(parts[0])"
        }

        func grouped(_ value: Int, _ separator: String) -> String {
            guard value >= 1000, !separator.isEmpty else { return String(value) }
            var digits = String(value)
            var groups: [String] = []
            while digits.count > 3 { groups.insert(String(digits.suffix(3)), at: 0); digits.removeLast(3) }
            groups.insert(digits, at: 0)
            return groups.joined(separator: separator)
        }

        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
    }
}
