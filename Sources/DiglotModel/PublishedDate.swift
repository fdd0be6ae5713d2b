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
        var components = DateComponents()
        components.calendar = PublishedDate.utcCalendar
        components.timeZone = TimeZone(identifier: "UTC")
        components.year = year
        components.month = month
        components.day = day
        guard components.isValidDate, let date = components.date else { return nil }
        self.init(instant: date, precision: .day)
    }

    /// `YYYY-MM-DD` of the instant in UTC.
    public var day: String {
        let c = PublishedDate.utcCalendar.dateComponents([.year, .month, .day], from: instant)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// ISO 8601 text at the stored precision: `2022`, `2022-02`, `2022-02-25`, `2022-02-25T06:00Z`,
    /// `2022-02-25T06:00:00Z`.
    public var description: String {
        let c = PublishedDate.utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        let (y, mo, d, h, mi, s) = (c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
        switch precision {
        case .year: return String(format: "%04d", y)
        case .month: return String(format: "%04d-%02d", y, mo)
        case .day: return String(format: "%04d-%02d-%02d", y, mo, d)
        case .minute: return String(format: "%04d-%02d-%02dT%02d:%02dZ", y, mo, d, h, mi)
        case .second: return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d, h, mi, s)
        }
    }

    /// Parses the text `description` produces (and a full ISO 8601 timestamp with an offset).
    public init?(iso text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
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
