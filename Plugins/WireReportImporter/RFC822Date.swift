import Foundation
import DiglotModel

/// RSS `pubDate` values ("Wed, 02 Mar 2022 09:10:00 +0200"), read by hand in the forms feeds use, and by
/// `DateFormatter` otherwise.
///
/// Why: a `DateFormatter` is built and configured for every item (it is not safe to share between the import's
/// threads), and building one sets up an ICU calendar: a tenth of reading a feed. The hand reading takes only
/// what the formatter would read the same way: the day name (checked against the date), two-digit day, English
/// month, four-digit year, `HH:mm:ss`, and `GMT`, `UT`, `UTC` or a `+hhmm`/`-hhmm` offset. Anything else goes to
/// the formatter as before (the tests compare both on generated dates).
enum RFC822Date {
    /// The date, or nil when neither the hand reading nor the formatter reads it.
    static func parse(_ text: String) -> PublishedDate? {
        quick(text) ?? formatted(text)
    }

    /// The formats `DateFormatter` was given before the hand reading existed, tried in order.
    static let formats = ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEE, dd MMM yyyy HH:mm:ss Z", "dd MMM yyyy HH:mm:ss Z"]

    static func formatted(_ text: String) -> PublishedDate? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        for format in formats {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return PublishedDate(instant: date, precision: .second) }
        }
        return nil
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let weekdays = ["thu", "fri", "sat", "sun", "mon", "tue", "wed"]  // 1970-01-01 was a Thursday

    /// The hand reading; nil for anything outside the forms it is sure of.
    static func quick(_ text: String) -> PublishedDate? {
        var bytes = Array(text.utf8)[...]
        func letters(_ count: Int) -> String? {
            guard bytes.count >= count, bytes.prefix(count).allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A })
            else { return nil }
            defer { bytes = bytes.dropFirst(count) }
            return String(decoding: bytes.prefix(count).map { $0 | 0x20 }, as: UTF8.self)
        }
        func number(_ count: Int) -> Int? {
            guard bytes.count >= count, bytes.prefix(count).allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            defer { bytes = bytes.dropFirst(count) }
            return bytes.prefix(count).reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        func skip(_ byte: UInt8) -> Bool {
            guard bytes.first == byte else { return false }
            bytes = bytes.dropFirst()
            return true
        }
        var weekday: String?
        if bytes.count > 3, bytes[bytes.startIndex + 3] == UInt8(ascii: ",") {
            guard let name = letters(3), skip(UInt8(ascii: ",")), skip(UInt8(ascii: " ")) else { return nil }
            weekday = name
        }
        guard let day = number(2), skip(UInt8(ascii: " ")), let monthName = letters(3),
              let month = months.firstIndex(of: monthName), skip(UInt8(ascii: " ")), let year = number(4),
              skip(UInt8(ascii: " ")), let hour = number(2), skip(UInt8(ascii: ":")), let minute = number(2),
              skip(UInt8(ascii: ":")), let second = number(2), skip(UInt8(ascii: " ")),
              hour < 24, minute < 60, second < 60,
              let days = CivilDay.days(year: year, month: month + 1, day: day)
        else { return nil }
        let offset: Int
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            bytes = bytes.dropFirst()
            guard let hours = number(2), let minutes = number(2), hours < 24, minutes < 60 else { return nil }
            offset = (sign == UInt8(ascii: "-") ? -1 : 1) * (hours * 3_600 + minutes * 60)
        } else {
            // A zone name only after a day name: the form without one ("dd MMM yyyy HH:mm:ss Z") is left to
            // the formatter.
            guard weekday != nil, let zone = letters(bytes.count), ["gmt", "ut", "utc"].contains(zone) else { return nil }
            offset = 0
        }
        guard bytes.isEmpty else { return nil }
        if let weekday, weekdays[((days % 7) + 7) % 7] != weekday { return nil }
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offset
        return PublishedDate(instant: Date(timeIntervalSince1970: Double(seconds)), precision: .second)
    }
}
