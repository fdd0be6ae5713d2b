import Foundation
import Testing
import DiglotModel
import DiglotTestSupport
@testable import WireReportImporter

/// `RFC822Date`: the hand reading of feed dates gives exactly what `DateFormatter` gives, and leaves every form
/// it is not sure of to the formatter.
@Suite struct RFC822DateTests {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// Seeded instants between 1995 and 2035 written as feeds write them, in every zone form the hand reading takes.
    static func generatedDates() -> [String] {
        var generator = SeededGenerator(seed: 822)
        var texts: [String] = []
        for _ in 0..<400 {
            let seconds = 788_918_400 + generator.below(1_262_304_000)
            let offsetMinutes = (generator.below(27) - 12) * 60 + [0, 30, 45][generator.below(3)]
            let local = CivilDay(Date(timeIntervalSince1970: Double(seconds + offsetMinutes * 60)))
            let weekday = weekdays[(((seconds + offsetMinutes * 60) / 86_400 + 4) % 7 + 7) % 7]
            let d = PublishedDate.digits
            let body = "\(d(local.day, 2)) \(months[local.month - 1]) \(local.year) \(d(local.hour, 2)):\(d(local.minute, 2)):\(d(local.second, 2))"
            let sign = offsetMinutes < 0 ? "-" : "+"
            let offset = "\(sign)\(d(abs(offsetMinutes) / 60, 2))\(d(abs(offsetMinutes) % 60, 2))"
            texts.append("\(weekday), \(body) \(offset)")
            texts.append("\(body) \(offset)")
            let utc = CivilDay(Date(timeIntervalSince1970: Double(seconds)))
            let utcBody = "\(d(utc.day, 2)) \(months[utc.month - 1]) \(utc.year) \(d(utc.hour, 2)):\(d(utc.minute, 2)):\(d(utc.second, 2))"
            let utcWeekday = weekdays[((seconds / 86_400 + 4) % 7 + 7) % 7]
            texts.append("\(utcWeekday), \(utcBody) \(["GMT", "UTC", "UT"][generator.below(3)])")
        }
        return texts
    }

    @Test func theHandReadingAgreesWithDateFormatter() {
        for text in Self.generatedDates() {
            let quick = RFC822Date.quick(text)
            #expect(quick != nil, "the hand reading should take \(text)")
            #expect(quick == RFC822Date.formatted(text), "\(text)")
        }
    }

    @Test func formsItIsNotSureOfGoToTheFormatter() {
        for text in ["Mon, 01 Mar 2022 10:00:00 GMT",   // 1 March 2022 was a Tuesday
                     "Tue, 01 Mar 2022 10:00:00 EST", "01 Mar 2022 10:00:00 GMT", "Tue, 1 Mar 2022 10:00:00 GMT",
                     "Tue, 01 Mar 2022 10:00 GMT", "Tue, 01 Mar 22 10:00:00 GMT", "Tue, 31 Feb 2022 10:00:00 GMT",
                     "Tue, 01 Mar 2022 24:00:00 GMT", "Tue, 01 Mar 2022 10:00:00 GMT trailing", "", "2022-03-01"] {
            #expect(RFC822Date.quick(text) == nil, "\(text)")
        }
        #expect(RFC822Date.parse("Tue, 01 Mar 2022 10:00:00 GMT")?.description == "2022-03-01T10:00:00Z")
        #expect(RFC822Date.parse("Wed, 02 Mar 2022 09:10:00 +0200")?.description == "2022-03-02T07:10:00Z")
    }
}
