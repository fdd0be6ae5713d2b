import Foundation

/// A publication date with the precision the source actually gave.
///
/// Real sources say "February 25, 2022" (a day), "2022-04-12 06:00:00" (a second) or only "з 24.02 по 08.07"
/// (a day whose year comes from elsewhere). Keeping the precision stops a day-precise tweet date from being
/// compared as if it were midnight UTC.
public struct PublishedDate: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public enum Precision: String, Codable, Sendable, CaseIterable {
        case year, month, day, minute, second
    }

    /// The instant, in UTC; for day precision it is midnight UTC of that day.
    public var instant: Date
    public var precision: Precision

    public init(instant: Date, precision: Precision) {
        self.instant = instant
        self.precision = precision
    }

    /// A calendar day, midnight UTC. Returns nil for an impossible date such as 31.02.
    public init?(year: Int, month: Int, day: Int) {
        guard let days = CivilDay.days(year: year, month: month, day: day) else { return nil }
        self.init(instant: Date(timeIntervalSince1970: Double(days) * 86_400), precision: .day)
    }

    /// `YYYY-MM-DD` of the instant in UTC.
    public var day: String { Self.dayText(CivilDay(instant)) }

    private static func dayText(_ c: CivilDay) -> String {
        digits(c.year, 4) + "-" + digits(c.month, 2) + "-" + digits(c.day, 2)
    }

    /// ISO 8601 text at the stored precision: `2022`, `2022-02`, `2022-02-25`, `2022-02-25T06:00Z`,
    /// `2022-02-25T06:00:00Z`.
    public var description: String {
        let c = CivilDay(instant)
        let date = Self.dayText(c)
        switch precision {
        case .year: return Self.digits(c.year, 4)
        case .month: return Self.digits(c.year, 4) + "-" + Self.digits(c.month, 2)
        case .day: return date
        case .minute: return date + "T" + Self.digits(c.hour, 2) + ":" + Self.digits(c.minute, 2) + "Z"
        case .second:
            return date + "T" + Self.digits(c.hour, 2) + ":" + Self.digits(c.minute, 2) + ":" + Self.digits(c.second, 2) + "Z"
        }
    }

    /// `value` zero-padded to `width` digits (`String(format:)` goes through Foundation and is slow in bulk).
    public static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(abs(value))
        let padded = text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
        return value < 0 ? "-" + padded : padded
    }

    /// Parses the text `description` produces (and a full ISO 8601 timestamp with an offset).
    ///
    /// What `description` writes is read by hand: exporting a million pairs reads two million dates, and
    /// `ISO8601DateFormatter` rebuilt an ICU formatter for each (half of an export's time). Other ISO 8601
    /// forms (an offset, fractional seconds) still go through Foundation.
    public init?(iso text: String) {
        // The archive's own dates are written exactly (`description`): parsed without Foundation's trimming,
        // which was a twentieth of an export's time.
        if let parsed = Self.parseWritten(text) {
            self = parsed
            return
        }
        let t = text.trimmingSpaces()
        if let parsed = Self.parseWritten(t) {
            self = parsed
            return
        }
        let parts = t.split(separator: "-", maxSplits: 2).map(String.init)
        if parts.count == 1, let y = Int(parts[0]), parts[0].count == 4,
           let d = PublishedDate(year: y, month: 1, day: 1) {
            self.init(instant: d.instant, precision: .year); return
        }
        if parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]), let d = PublishedDate(year: y, month: m, day: 1) {
            self.init(instant: d.instant, precision: .month); return
        }
        if t.count == 10, parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let dd = Int(parts[2]) {
            guard let d = PublishedDate(year: y, month: m, day: dd) else { return nil }
            self = d; return
        }
        let withSeconds = ISO8601DateFormatter()
        withSeconds.formatOptions = [.withInternetDateTime]
        if let date = withSeconds.date(from: t) { self.init(instant: date, precision: .second); return }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = fractional.date(from: t) { self.init(instant: date, precision: .second); return }
        // Minute precision: 2022-02-25T06:00Z
        if t.hasSuffix("Z"), t.count == 17, let date = withSeconds.date(from: String(t.dropLast()) + ":00Z") {
            self.init(instant: date, precision: .minute); return
        }
        return nil
    }

    /// `YYYY-MM-DD`, `YYYY-MM-DDTHH:MMZ` or `YYYY-MM-DDTHH:MM:SSZ` exactly, as `description` writes them.
    private static func parseWritten(_ text: String) -> PublishedDate? {
        let b = Array(text.utf8)
        guard b.count == 10 || b.count == 17 || b.count == 20 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                value = value * 10 + Int(b[i] - 0x30)
            }
            return value
        }
        guard b[4] == 0x2D, b[7] == 0x2D, let y = number(0..<4), let m = number(5..<7), let d = number(8..<10),
              let days = CivilDay.days(year: y, month: m, day: d) else { return nil }
        if b.count == 10 { return PublishedDate(instant: Date(timeIntervalSince1970: Double(days) * 86_400), precision: .day) }
        guard b[10] == 0x54, b[13] == 0x3A, b[b.count - 1] == 0x5A, let h = number(11..<13), let mi = number(14..<16),
              h < 24, mi < 60 else { return nil }
        var seconds = 0
        if b.count == 20 {
            guard b[16] == 0x3A, let s = number(17..<19), s < 60 else { return nil }
            seconds = s
        }
        let instant = Date(timeIntervalSince1970: Double(days * 86_400 + h * 3_600 + mi * 60 + seconds))
        return PublishedDate(instant: instant, precision: b.count == 20 ? .second : .minute)
    }

    public static func < (lhs: PublishedDate, rhs: PublishedDate) -> Bool { lhs.instant < rhs.instant }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = PublishedDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not an ISO 8601 date: \(text)"))
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}

/// A UTC instant as proleptic Gregorian calendar fields, by arithmetic (Howard Hinnant's civil-from-days):
/// `Calendar.dateComponents` was a measurable part of writing every date out.
public struct CivilDay: Sendable, Equatable {
    public var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

    public init(_ instant: Date) {
        let total = Int(instant.timeIntervalSince1970.rounded(.down))
        var days = total / 86_400
        var rest = total % 86_400
        if rest < 0 { rest += 86_400; days -= 1 }
        hour = rest / 3_600
        minute = rest % 3_600 / 60
        second = rest % 60
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01 of a valid date, nil for an impossible one (31.02, month 13).
    public static func days(year: Int, month: Int, day: Int) -> Int? {
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
