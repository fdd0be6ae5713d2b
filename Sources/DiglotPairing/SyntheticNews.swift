import Foundation
import DiglotModel

/// Short synthetic news items (air-defence reports with figures and place names, Ukrainian or English) and
/// their renderings in the other language, for timing pairing through the archive at scale.
///
/// Real bulletins are too slow to import by the million on a build machine; these texts carry the signals
/// pairing uses (numbers, names across scripts, glossary terms, dates a day apart) at a fraction of the size,
/// so what a scale run measures is the store and the engine, not the importers. Seeded: the same every run.
///
/// ```swift
/// var news = SyntheticNews(seed: 20_220_224)
/// let original = news.document(0)
/// let rendering = SyntheticNews.rendering(of: original, number: 1)
/// ```
public struct SyntheticNews: Sendable {
    private var random: SplitMix64

    public init(seed: UInt64) { random = SplitMix64(seed: seed) }

    /// A pseudo-random number below `bound`, from the same seeded stream as the documents.
    public mutating func next(below bound: Int) -> Int { Int(random.next() % UInt64(max(1, bound))) }

    static let places = ["Kharkiv", "Odesa", "Bakhmut", "Zaporizhzhia", "Kherson", "Mykolaiv", "Sumy", "Chernihiv",
                         "Dnipro", "Lviv", "Poltava", "Izium", "Kupiansk", "Avdiivka", "Vuhledar", "Pokrovsk"]
    static let placesUK = ["Харків", "Одеса", "Бахмут", "Запоріжжя", "Херсон", "Миколаїв", "Суми", "Чернігів",
                           "Дніпро", "Львів", "Полтава", "Ізюм", "Куп'янськ", "Авдіївка", "Вугледар", "Покровськ"]

    /// Sentence pieces in both languages, in order; the figures and place names go between them.
    static let piecesEN = ["Air defence forces near ", " destroyed ", " drones overnight. Officials in ", " said ",
                           " residents were evacuated and ", " buildings were damaged."]
    static let piecesUK = ["Сили ППО поблизу міста ", " знищили ", " дронів за ніч. Посадовці міста ",
                           " повідомили, що евакуйовано ", " мешканців і пошкоджено ", " будівель."]

    /// Document number `n`: English when `n` is odd, Ukrainian otherwise, published on a day in 2022–2025.
    public mutating func document(_ n: Int) -> Document {
        let english = n % 2 == 1
        let day = 19_047 + next(below: 1_400)
        let a = next(below: 9_000) + 1_000, b = next(below: 900) + 100, c = next(below: 60) + 2
        let p = next(below: Self.places.count), q = next(below: Self.places.count)
        let pieces = english ? Self.piecesEN : Self.piecesUK
        let names = english ? Self.places : Self.placesUK
        let text = pieces[0] + names[p] + pieces[1] + "\(c)" + pieces[2] + names[q] + pieces[3] + "\(a)" + pieces[4]
            + "\(b)" + pieces[5]
        return Document(id: DocumentID(naturalKey: "bench:\(n)"), kind: .article, language: english ? .english : .ukrainian,
                        published: PublishedDate(instant: Date(timeIntervalSince1970: Double(day) * 86_400), precision: .day),
                        text: text)
    }

    /// The other language's version of `source`, published the next day, as document number `number`.
    public static func rendering(of source: Document, number: Int) -> Document {
        let toUkrainian = source.language == .english
        var text = source.text
        for (from, to) in zip(toUkrainian ? piecesEN : piecesUK, toUkrainian ? piecesUK : piecesEN) {
            text = text.replacingOccurrences(of: from, with: to)
        }
        for (from, to) in zip(toUkrainian ? places : placesUK, toUkrainian ? placesUK : places) {
            text = text.replacingOccurrences(of: from, with: to)
        }
        let published = source.published.map { PublishedDate(instant: $0.instant.addingTimeInterval(86_400), precision: .day) }
        return Document(id: DocumentID(naturalKey: "bench:\(number)"), kind: .article,
                        language: toUkrainian ? .ukrainian : .english, published: published, text: text)
    }
}
