import DiglotImporting
import DiglotModel
import DiglotXML
import Foundation

/// Reads a plain-text copy of a report: headline line, "By …" line, date line, dateline-led body, photo
/// captions ("… REUTERS/Name"), with pasted page furniture dropped.
enum WirePlainTextReader {
    private static let captionCredit = try! NSRegularExpression(pattern:
        "(?:REUTERS|AFP|AP Photo|Getty Images|EPA|Anadolu)(?:/[A-Z][\\w.\\- ]+)?\\)?\\s*$|\\((?:AP Photo|Photo)/[^)]+\\)\\s*$")

    /// Lines introducing a list of links to other stories ("Read more:"), dropped with the list.
    private static let linkListLeads = ["read more", "related", "more on", "most read", "see also"]

    static func read(_ text: String, input: ImportInput) throws -> WireReport {
        var report = WireReport(naturalKey: "wire-report:\(input.sourceID.rawValue)")
        var inLinkList = false
        // The lines are found on the bytes (`ByteScan.forEachLine`): splitting the text as characters at "\n"
        // walked every grapheme of the copy (0.9 % of a 5,000-document import) and left a CR LF copy one line.
        ByteScan.forEachLine(of: text) { raw in
            let line = raw.trimmingSpaces()
            if line.isEmpty { return true }
            if Boilerplate.endsArticle(line) { return false }
            let lowered = line.quickLowercased()
            if linkListLeads.contains(where: { lowered.hasPrefix($0) }) && line.count <= 40 {
                inLinkList = true
                return true
            }
            let isSentence = ".!\"”".contains(line.last ?? " ") && line.count > 60
            if inLinkList, !isSentence { return true }
            inLinkList = false
            if Boilerplate.isBoilerplate(text: line) { return true }
            if report.byline == nil, line.hasPrefix("By "), line.count <= 80 {
                report.byline = WireReport.cleanByline(line)
                return true
            }
            if report.published == nil, line.count <= 48, let date = DayText.parse(line) {
                report.published = date
                return true
            }
            if report.headline == nil, report.blocks.isEmpty, line.count <= 160, Dateline.parse(line) == nil,
               !".!?".contains(line.last ?? ".") {
                report.headline = line
                return true
            }
            let range = NSRange(location: 0, length: (line as NSString).length)
            let isCaption = captionCredit.firstMatch(in: line, range: range) != nil
            report.blocks.append((line, isCaption ? .caption : .paragraph))
            return true
        }
        guard report.hasBody else { throw input.error("holds no report text") }
        return report
    }
}

/// A date line in a copy ("February 25, 2022", "Wednesday 02 March 2022 19:27 GMT").
enum DayText {
    private static let months = ["january", "february", "march", "april", "may", "june", "july", "august",
                                 "september", "october", "november", "december"]

    static func parse(_ line: String) -> PublishedDate? {
        let words = line.quickLowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        guard words.count <= 8 else { return nil }
        var month: Int?, day: Int?, year: Int?
        for word in words {
            if let n = Int(word) {
                if word.count == 4 { year = n } else if word.count <= 2, day == nil { day = n }
            } else if let index = months.firstIndex(where: { $0 == word || (word.count == 3 && $0.hasPrefix(word)) }) {
                month = index + 1
            }
        }
        guard let month, let day, let year else { return nil }
        return PublishedDate(year: year, month: month, day: day)
    }
}
