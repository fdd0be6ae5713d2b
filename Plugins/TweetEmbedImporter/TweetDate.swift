import DiglotModel

/// Reads the date line of an embed or a pasted signature ("February 25, 2022", "25 лютого 2022 р.",
/// "25 февраля 2022 г."): the embed's language follows the reader's `data-lang`, not the tweet's.
enum TweetDate {
    /// The day the text names, or nil when it names no full date.
    static func parse(_ text: String) -> PublishedDate? {
        let tokens = text.quickLowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        var month: Int?, day: Int?, year: Int?
        for token in tokens {
            if let number = Int(token) {
                if token.count == 4 { year = year ?? number } else if token.count <= 2, day == nil { day = number }
            } else if month == nil, let m = monthNumber(token) {
                month = m
            }
        }
        guard let month, let day, let year else { return nil }
        return PublishedDate(year: year, month: month, day: day)
    }

    /// 1...12 for a month name or its three-letter abbreviation ("feb", "лют").
    static func monthNumber(_ word: String) -> Int? {
        months.firstIndex { names in
            names.contains(word) || (word.count == 3 && names.contains { $0.count > 3 && $0.hasPrefix(word) })
        }.map { $0 + 1 }
    }

    /// English, Ukrainian (genitive) and Russian (genitive) month names, January first.
    private static let months: [[String]] = [
        ["january", "січня", "января"], ["february", "лютого", "февраля"], ["march", "березня", "марта"],
        ["april", "квітня", "апреля"], ["may", "травня", "мая"], ["june", "червня", "июня"],
        ["july", "липня", "июля"], ["august", "серпня", "августа"], ["september", "sept", "вересня", "сентября"],
        ["october", "жовтня", "октября"], ["november", "листопада", "ноября"], ["december", "грудня", "декабря"],
    ]
}
