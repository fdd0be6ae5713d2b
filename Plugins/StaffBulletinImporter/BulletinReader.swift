import DiglotImporting
import DiglotLanguage
import DiglotModel

/// Reads the lines of one bulletin (a Telegram post, a page's paragraphs) into one bulletin, or two for a
/// bilingual list: the title and date lines before the loss header, the header with its period, the figure
/// lines, and what follows (sign-off, and a forwarding channel's commentary in its own language).
struct BulletinReader {
    let fileName: String
    let vocabulary: BulletinVocabulary
    var warnings: [String] = []

    init(fileName: String, vocabulary: BulletinVocabulary = .shared) {
        self.fileName = fileName
        self.vocabulary = vocabulary
    }

    /// - Throws: `ImportError` naming the file and line: no loss header, no figure list, a figure line
    ///   without a number, or a bulletin date that cannot be determined.
    mutating func read(_ lines: [SourceLine], facts: PageFacts) throws -> [ParsedBulletin] {
        // The header is the last loss header before the first figure line: a "TITLE:" line or a page
        // heading may repeat the header's words above it.
        let firstFigure = lines.firstIndex { isFigureShaped($0.text) } ?? lines.endIndex
        let headerCandidate = lines[..<firstFigure].lastIndex { Self.isHeader($0.text) }
            ?? lines.firstIndex { Self.isHeader($0.text) }
        guard let headerIndex = headerCandidate else {
            if let first = lines.first(where: { isFigureShaped($0.text) }) {
                throw error("cannot determine the bulletin date: no line names the period its figures cover (\"з 24.02 по …\" or \"from 24.02 to …\")", first.line)
            }
            throw error("not a bulletin: no line announces a loss list (\"Загальні бойові втрати противника з 24.02 по …\")", lines.first?.line)
        }
        let header = lines[headerIndex]
        var facts = facts
        var preamble: [BulletinItem] = []
        for source in lines[..<headerIndex] {
            var text = BulletinText.collapsed(source.text)
            guard !text.isEmpty else { continue }
            for prefix in ["title:", "заголовок:"] where text.quickLowercased().hasPrefix(prefix) {
                text = BulletinText.collapsed(String(text.dropFirst(prefix.count)))
            }
            var dateText = text
            for prefix in ["date:", "дата:", "published:", "опубліковано:"] where text.quickLowercased().hasPrefix(prefix) {
                dateText = BulletinText.collapsed(String(text.dropFirst(prefix.count)))
            }
            if let date = BulletinDates.publicationDate(dateText, vocabulary: vocabulary) {
                if facts.published == nil { facts.published = date }
                continue
            }
            preamble.append(BulletinItem(text: text, role: .headline, sourceLine: source.line))
        }

        // The figure list: figure-shaped lines after the header, blank lines allowed before the first one
        // and between two of them.
        var figureLines: [SourceLine] = []
        var index = headerIndex + 1
        while index < lines.count {
            let text = BulletinText.collapsed(lines[index].text)
            if text.isEmpty {
                let next = lines[(index + 1)...].first { !BulletinText.collapsed($0.text).isEmpty }
                if figureLines.isEmpty || (next.map { isFigureShaped($0.text) } ?? false) { index += 1; continue }
                break
            }
            guard isFigureShaped(text) else { break }
            figureLines.append(lines[index])
            index += 1
        }
        guard !figureLines.isEmpty else {
            throw error("the loss list announced here has no figure lines (\"танків ‒ 1637 (+35) од\")", header.line)
        }
        let trailing = Array(lines[index...])

        guard let period = BulletinDates.period(in: header.text) else {
            throw error("cannot determine the bulletin date from \"\(BulletinText.collapsed(header.text))\"", header.line)
        }
        let days: (start: PublishedDate, end: PublishedDate)
        do {
            days = try BulletinDates.resolve(period, published: facts.published)
        } catch BulletinDates.Problem.yearUnknown {
            throw error("cannot determine the year of the bulletin period in \"\(BulletinText.collapsed(header.text))\": it gives none and the input has no publication date", header.line)
        } catch BulletinDates.Problem.impossibleDate(let date) {
            throw error("the bulletin period names a day that does not exist (\(date))", header.line)
        }

        let bilingualCount = figureLines.filter { BilingualLine.sides(of: $0.text) != nil }.count
        if bilingualCount >= 2 && bilingualCount * 2 >= figureLines.count {
            return try [LanguageTag.ukrainian, .english].map { language in
                let script: BulletinText.Script = language == .english ? .latin : .cyrillic
                return try bulletin(language: language, script: script, header: header, figures: figureLines,
                                    trailing: trailing, preamble: preamble, facts: facts, days: days, bilingual: true)
            }
        }
        let sample = ([header] + figureLines).map(\.text).joined(separator: "\n")
        var language = LanguageDetector.detect(sample)
        let script = BulletinText.script(of: sample)
        if language == .undetermined || (language == .russian && script == .cyrillic && !figureLines.isEmpty) {
            language = script == .latin ? .english : .ukrainian
        }
        return [try bulletin(language: language, script: script == .latin ? .latin : .cyrillic, header: header,
                             figures: figureLines, trailing: trailing, preamble: preamble, facts: facts, days: days,
                             bilingual: false)]
    }

    // MARK: - One language's bulletin

    private mutating func bulletin(language: LanguageTag, script: BulletinText.Script, header: SourceLine,
                                   figures: [SourceLine], trailing: [SourceLine], preamble: [BulletinItem],
                                   facts: PageFacts, days: (start: PublishedDate, end: PublishedDate),
                                   bilingual: Bool) throws -> ParsedBulletin {
        var items: [BulletinItem] = []
        var title: String?
        if let pageTitle = facts.title {
            title = side(of: pageTitle, script: script, bilingual: bilingual) ?? pageTitle
            items.append(BulletinItem(text: title ?? pageTitle, role: .headline, sourceLine: facts.titleLine ?? header.line))
        } else {
            var parts: [String] = []
            for item in preamble {
                guard let text = side(of: item.text, script: script, bilingual: bilingual) else { continue }
                items.append(BulletinItem(text: text, role: .headline, sourceLine: item.sourceLine))
                parts.append(text)
            }
            if !parts.isEmpty { title = parts.joined(separator: " ") }
        }
        let headerText = BulletinText.withoutDecoration(BulletinText.collapsed(header.text))
        if let text = side(of: headerText, script: script, bilingual: bilingual) {
            items.append(BulletinItem(text: text, role: .paragraph, sourceLine: header.line))
        }
        if title == nil { title = side(of: headerText, script: script, bilingual: bilingual) ?? headerText }

        var seen: [FigureCategory: Int] = [:]
        for source in figures {
            let cleaned = BulletinText.collapsed(BulletinText.withoutDecoration(BulletinText.collapsed(source.text)))
            let text = BilingualLine.sides(of: cleaned).map { script == .latin ? $0.latin : $0.cyrillic } ?? cleaned
            let reading: FigureLineReading
            do {
                guard let read = try FigureLineParser.read(text, vocabulary: vocabulary) else { continue }
                reading = read
            } catch FigureLineParser.Problem.noNumber(let value) {
                throw error("figure line \"\(cleaned)\" has no number (\"\(value)\")", source.line)
            } catch FigureLineParser.Problem.severalNumbers(let numbers) {
                throw error("figure line \"\(cleaned)\" has several numbers (\(numbers.map(String.init).joined(separator: ", "))) where one total belongs", source.line)
            }
            let category = vocabulary.category(forLabel: reading.label)
            var item = BulletinItem(text: text, role: .figureLine, category: category, reading: reading,
                                    sourceLine: source.line)
            let place = "\(fileName):\(source.line)"
            if category == nil {
                warn("\(place): category \"\(reading.label)\" is not in the vocabulary; the line is kept as a passage without a figure")
            } else if reading.total == nil {
                warn("\(place): \"\(text)\" states a change (\(reading.delta.map { $0 >= 0 ? "+\($0)" : "\($0)" } ?? "")) but no total; no figure recorded")
            } else if let category, let earlier = seen[category] {
                warn("\(place): a second \(category) line (the first is line \(earlier)); only the first gives a figure")
                item.reading?.total = nil
            }
            if let category, seen[category] == nil, reading.total != nil { seen[category] = source.line }
            if !reading.unknownWords.isEmpty {
                warn("\(place): words not understood after the figure: \(reading.unknownWords.joined(separator: " "))")
            }
            items.append(item)
        }

        for block in blocks(trailing) {
            let joined = block.map { BulletinText.collapsed($0.text) }.joined(separator: "\n")
            let detected = Self.detectLanguage(joined)
            if !bilingual, detected != .undetermined, detected != language {
                items.append(BulletinItem(text: joined, role: .commentary, language: detected, sourceLine: block[0].line))
                continue
            }
            for source in block {
                if let text = side(of: BulletinText.collapsed(source.text), script: script, bilingual: bilingual) {
                    items.append(BulletinItem(text: text, role: .paragraph, sourceLine: source.line))
                }
            }
        }
        return ParsedBulletin(language: language, declaredLanguage: facts.declaredLanguage, title: title,
                              published: facts.published, publisher: facts.publisher, periodStart: days.start,
                              bulletinDate: days.end, items: items)
    }

    /// The part of a line that belongs to the bulletin written in `script`: the whole line for a
    /// one-language bulletin; for a bilingual one, its side of the line, or the line when it is written
    /// in that script only, or nil when it belongs to the other language.
    private func side(of text: String, script: BulletinText.Script, bilingual: Bool) -> String? {
        guard bilingual else { return text }
        if let sides = BilingualLine.sides(of: text) { return script == .latin ? sides.latin : sides.cyrillic }
        let scalars = text.unicodeScalarArray
        for i in scalars.indices where scalars[i] == "/" {
            let left = String(scalars: scalars[..<i])
            let right = String(scalars: scalars[(i + 1)...])
            if BulletinText.script(of: left) == .cyrillic && BulletinText.script(of: right) == .latin {
                return BulletinText.collapsed(script == .latin ? right : left)
            }
        }
        let own = BulletinText.script(of: text)
        guard own == script || own == .other else { return nil }
        // A half that ends with the slash leading to the other language's half on the next line.
        return text.hasSuffix(" /") ? String(text.dropLast(2)) : text
    }

    /// Consecutive non-blank lines.
    private func blocks(_ lines: [SourceLine]) -> [[SourceLine]] {
        var result: [[SourceLine]] = []
        var current: [SourceLine] = []
        for line in lines {
            if BulletinText.collapsed(line.text).isEmpty {
                if !current.isEmpty { result.append(current); current = [] }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    // MARK: - Recognising lines

    /// A loss header: names a period and speaks of losses.
    static func isHeader(_ text: String) -> Bool {
        // The period pattern needs "." then a digit; checking the bytes for one first spares lowercasing every
        // line of every page detection reads (a non-ASCII byte after the dot may start a non-ASCII digit).
        guard mayHoldDayMonth(text) else { return false }
        let lower = text.quickLowercased()
        guard headerWords.contains(where: { ByteScan.contains(lower, $0) }) else { return false }
        return BulletinDates.period(in: text) != nil
    }

    /// Whether `text` has a "." followed by an ASCII digit or a non-ASCII byte: without one, no "dd.mm" of
    /// `BulletinDates.periodPattern` (whose `\d` is any Unicode digit) can match.
    static func mayHoldDayMonth(_ text: String) -> Bool {
        var previousWasDot = false
        for byte in text.utf8 {
            if previousWasDot && ((byte >= 0x30 && byte <= 0x39) || byte >= 0x80) { return true }
            previousWasDot = byte == 0x2E
        }
        return false
    }

    /// Words one of which every loss header has, checked before the date pattern.
    private static let headerWords = ["втрат", "losses", "потер"]

    /// Shaped like a figure line: a label and a dash, and either a known category or a digit after it.
    func isFigureShaped(_ text: String) -> Bool {
        let cleaned = BulletinText.withoutDecoration(BulletinText.collapsed(text))
        guard !Self.isHeader(cleaned) else { return false }
        let candidates = [cleaned] + (BilingualLine.sides(of: cleaned).map { [$0.cyrillic, $0.latin] } ?? [])
        for candidate in candidates {
            if let (label, value) = FigureLineParser.split(candidate, allowColon: false) {
                if vocabulary.category(forLabel: label) != nil { return true }
                if value.unicodeScalars.contains(where: BulletinNumber.isDigit) { return true }
            } else if let (label, _) = FigureLineParser.split(candidate), vocabulary.category(forLabel: label) != nil {
                return true
            }
        }
        return false
    }

    /// Names a category the vocabulary knows, in one language or either half of a bilingual line.
    static func isCategoryLine(_ text: String, vocabulary: BulletinVocabulary) -> Bool {
        let cleaned = BulletinText.withoutDecoration(BulletinText.collapsed(text))
        let candidates = [cleaned] + (BilingualLine.sides(of: cleaned).map { [$0.cyrillic, $0.latin] } ?? [])
        return candidates.contains { candidate in
            FigureLineParser.split(candidate).map { vocabulary.category(forLabel: $0.label) != nil } ?? false
        }
    }

    /// The language of a block of text, telling Russian from Ukrainian also in short texts, where the
    /// general detector gives up: Cyrillic text with none of і ї є ґ is not Ukrainian.
    static func detectLanguage(_ text: String) -> LanguageTag {
        let detected = LanguageDetector.detect(text)
        if detected != .undetermined { return detected }
        var cyrillic = 0
        var ukrainianOnly = 0
        var russianOnly = 0
        for scalar in text.quickLowercased().unicodeScalars {
            if (0x0400...0x04FF).contains(scalar.value) { cyrillic += 1 }
            if "іїєґ".unicodeScalars.contains(scalar) { ukrainianOnly += 1 }
            if "ыэъё".unicodeScalars.contains(scalar) { russianOnly += 1 }
        }
        if cyrillic >= 15 && ukrainianOnly == 0 { return .russian }
        if russianOnly > 0 && ukrainianOnly == 0 { return .russian }
        return .undetermined
    }

    private mutating func warn(_ message: String) { warnings.append(message) }

    private func error(_ message: String, _ line: Int?) -> ImportError {
        ImportError(file: fileName, line: line, message: message)
    }
}
