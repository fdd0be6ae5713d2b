import Foundation
import DiglotModel

/// A day and month as a bulletin writes them, with the year when it gives one ("24.02", "24.02.22").
public struct BulletinDayMonth: Equatable, Sendable {
    public var day: Int
    public var month: Int
    /// Four digits; a two-digit year is taken as 20YY. Nil when the text gives none.
    public var year: Int?

    public init(day: Int, month: Int, year: Int?) {
        self.day = day
        self.month = month
        self.year = year
    }
}

/// The span a bulletin's figures cover: "з 24.02 по 08.07", "from 24.02.22 to 08.07.25".
public struct BulletinPeriod: Equatable, Sendable {
    public var start: BulletinDayMonth
    public var end: BulletinDayMonth
}

/// Dates in bulletins: the period in the header line and the publication date of a page.
public enum BulletinDates {
    /// The period a line names ("з 24.02 по 08.07", "із 24.02.2022 по 08.07.2025", "from 24.02 to 12.04").
    public static func period(in line: String) -> BulletinPeriod? {
        let ns = line as NSString
        guard let match = periodPattern.firstMatch(in: line, range: NSRange(location: 0, length: ns.length)) else {
            return nil
        }
        func int(_ group: Int) -> Int? {
            let range = match.range(at: group)
            return range.location == NSNotFound ? nil : Int(ns.substring(with: range))
        }
        func year(_ group: Int) -> Int? { int(group).map { $0 < 100 ? 2000 + $0 : $0 } }
        guard let d1 = int(1), let m1 = int(2), let d2 = int(4), let m2 = int(5) else { return nil }
        return BulletinPeriod(start: BulletinDayMonth(day: d1, month: m1, year: year(3)),
                              end: BulletinDayMonth(day: d2, month: m2, year: year(6)))
    }

    static let periodPattern = try! NSRegularExpression(
        pattern: "(?:^|[^\\p{L}])(?:з|із|зі|с|from)\\s+(\\d{1,2})\\.(\\d{1,2})(?:\\.(\\d{4}|\\d{2}))?(?:\\s*р\\.)?\\s+(?:по|до|to|till|until)\\s+(\\d{1,2})\\.(\\d{1,2})(?:\\.(\\d{4}|\\d{2}))?",
        options: [.caseInsensitive])

    /// Why a period cannot be turned into calendar days.
    public enum Problem: Error, Equatable, Sendable {
        /// The period gives no year and nothing else tells it.
        case yearUnknown
        /// A day that does not exist ("по 31.02").
        case impossibleDate(String)
    }

    /// The calendar days of a period.
    ///
    /// A year-less end date takes the publication date's year, or the year before when that would put it
    /// after the publication (a bulletin published on 1 January "по 31.12"). Without a publication date, a
    /// year-less period counting from 24.02 is 2022's: the General Staff wrote year-less periods only in
    /// 2022 and added the year ("з 24.02.22 по 08.01.23") from 2023 on. A year-less start date takes the
    /// end's year, or the year before when it falls later in the year than the end.
    /// - Throws: `Problem`.
    public static func resolve(_ period: BulletinPeriod, published: PublishedDate?) throws -> (start: PublishedDate, end: PublishedDate) {
        let endYear: Int
        if let year = period.end.year {
            endYear = year
        } else if let published {
            let c = kyivCalendar.dateComponents([.year, .month, .day], from: published.instant)
            let year = c.year ?? 0
            let laterThanPublication = (period.end.month, period.end.day) > (c.month ?? 0, (c.day ?? 0) + 1)
            endYear = laterThanPublication ? year - 1 : year
        } else if period.start.year == nil, period.start.day == 24, period.start.month == 2 {
            endYear = 2022
        } else if let startYear = period.start.year {
            endYear = (period.end.month, period.end.day) >= (period.start.month, period.start.day) ? startYear : startYear + 1
        } else {
            throw Problem.yearUnknown
        }
        let startYear = period.start.year
            ?? ((period.start.month, period.start.day) > (period.end.month, period.end.day) ? endYear - 1 : endYear)
        guard let end = PublishedDate(year: endYear, month: period.end.month, day: period.end.day) else {
            throw Problem.impossibleDate(String(format: "%02d.%02d.%04d", period.end.day, period.end.month, endYear))
        }
        guard let start = PublishedDate(year: startYear, month: period.start.month, day: period.start.day) else {
            throw Problem.impossibleDate(String(format: "%02d.%02d.%04d", period.start.day, period.start.month, startYear))
        }
        return (start, end)
    }

    /// A publication date as pages print it, in Kyiv time: "08 липня 2022, 09:25", "2022-04-12 06:00:00",
    /// "05 june 2022, 06:00", "08.07.2022 09:25", "2022-04-12". Nil when the text is not just a date.
    public static func publicationDate(_ text: String, vocabulary: BulletinVocabulary = .shared) -> PublishedDate? {
        let line = BulletinText.collapsed(text)
        let ns = line as NSString
        let whole = NSRange(location: 0, length: ns.length)
        func group(_ m: NSTextCheckingResult, _ i: Int) -> String? {
            m.range(at: i).location == NSNotFound ? nil : ns.substring(with: m.range(at: i))
        }
        var y = 0, mo = 0, d = 0
        var time: (Int, Int, Int?)?
        if let m = isoPattern.firstMatch(in: line, range: whole) {
            y = Int(group(m, 1)!)!; mo = Int(group(m, 2)!)!; d = Int(group(m, 3)!)!
            if let h = group(m, 4).flatMap(Int.init), let mi = group(m, 5).flatMap(Int.init) {
                time = (h, mi, group(m, 6).flatMap(Int.init))
            }
        } else if let m = wordPattern.firstMatch(in: line, range: whole),
                  let month = vocabulary.months[group(m, 2)!.quickLowercased()] {
            d = Int(group(m, 1)!)!; mo = month; y = Int(group(m, 3)!)!
            if let h = group(m, 4).flatMap(Int.init), let mi = group(m, 5).flatMap(Int.init) { time = (h, mi, nil) }
        } else if let m = dottedPattern.firstMatch(in: line, range: whole) {
            d = Int(group(m, 1)!)!; mo = Int(group(m, 2)!)!; y = Int(group(m, 3)!)!
            if let h = group(m, 4).flatMap(Int.init), let mi = group(m, 5).flatMap(Int.init) { time = (h, mi, nil) }
        } else {
            return nil
        }
        guard let day = PublishedDate(year: y, month: mo, day: d) else { return nil }
        guard let (hour, minute, second) = time else { return day }
        var components = DateComponents()
        components.year = y; components.month = mo; components.day = d
        components.hour = hour; components.minute = minute; components.second = second ?? 0
        guard components.isValidDate(in: kyivCalendar), let instant = kyivCalendar.date(from: components) else { return day }
        return PublishedDate(instant: instant, precision: second == nil ? .minute : .second)
    }

    static let isoPattern = try! NSRegularExpression(
        pattern: "^(\\d{4})-(\\d{2})-(\\d{2})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?(?:\\s*\\|.*)?$")
    static let wordPattern = try! NSRegularExpression(
        pattern: "^(\\d{1,2})\\s+(\\p{L}+)\\.?\\s+(\\d{4})(?:\\s*р\\.)?(?:,?\\s+(\\d{1,2}):(\\d{2}))?(?:\\s*\\|.*)?$")
    static let dottedPattern = try! NSRegularExpression(
        pattern: "^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?:,?\\s+(\\d{1,2}):(\\d{2}))?(?:\\s*\\|.*)?$")

    /// Pages print Kyiv time; stored instants are UTC.
    static let kyivCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Kyiv") ?? TimeZone(identifier: "Europe/Kiev")
            ?? TimeZone(secondsFromGMT: 3 * 3600)!
        return calendar
    }()
}
