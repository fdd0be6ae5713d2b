/// The two dateline patterns of `Dateline`, matched by hand on text of ASCII and en or em dashes.
///
/// Why: ICU's matcher, given a Swift string, bridges it to UTF-16 and runs about 18,000 instructions a
/// paragraph (160 M of a 5,000-document import by callgrind, session 29), for the lead of every wire report.
/// The patterns backtrack in one place only (a month after the place: ", March 2" is first tried as a second
/// place part, which then fails), so a matcher can try the pattern's alternatives in ICU's order and give the
/// same match. It decides only when the first 160 scalars (the patterns' range) are ASCII or en and em dashes,
/// so that `\s` and `\d` mean what they mean in ASCII and a scalar is one UTF-16 unit; any other text is left
/// to the patterns (`undecided`).
enum DatelineMatcher {
    enum Outcome: Equatable {
        /// The place group, the agency (nil for the place-only pattern) and the whole match's length in scalars.
        case matched(place: String, agency: String?, length: Int)
        case noMatch
        case undecided
    }

    static func match(_ paragraph: String) -> Outcome {
        var window: [UInt32] = []
        window.reserveCapacity(160)
        for scalar in paragraph.unicodeScalars {
            if window.count == 160 { break }
            let value = scalar.value
            guard value < 0x80 || value == 0x2013 || value == 0x2014 else { return .undecided }
            window.append(value)
        }
        let text = Scanner(scalars: window)
        if let found = text.withAgency() { return found }
        if let found = text.placeOnly() { return found }
        return .noMatch
    }

    /// One attempt at each pattern over the window, anchored at its start.
    struct Scanner {
        let scalars: [UInt32]

        private func at(_ index: Int) -> UInt32? { index < scalars.count ? scalars[index] : nil }
        private func isCapital(_ index: Int) -> Bool { at(index).map { $0 >= 0x41 && $0 <= 0x5A } ?? false }
        private func isSmall(_ index: Int) -> Bool { at(index).map { $0 >= 0x61 && $0 <= 0x7A } ?? false }
        private func isDigit(_ index: Int) -> Bool { at(index).map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
        /// ICU's `\s` (`\p{White_Space}`) on ASCII: tab, line feed, vertical tab, form feed, carriage return,
        /// space.
        private func isSpace(_ index: Int) -> Bool {
            at(index).map { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) } ?? false
        }
        private func isDash(_ index: Int, hyphen: Bool) -> Bool {
            at(index).map { $0 == 0x2013 || $0 == 0x2014 || (hyphen && $0 == 0x2D) } ?? false
        }
        private func spaces(from index: Int) -> Int {
            var end = index
            while isSpace(end) { end += 1 }
            return end
        }
        private func text(_ range: Range<Int>) -> String {
            var result = String.UnicodeScalarView()
            for value in scalars[range] { result.append(Unicode.Scalar(value)!) }
            return String(result)
        }

        /// `[A-Z][A-Za-z.'\-]*` at `index`: where the word ends.
        private func word(at index: Int) -> Int? {
            guard isCapital(index) else { return nil }
            var end = index + 1
            while let value = at(end), (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A || value == 0x2E
                    || value == 0x27 || value == 0x2D {
                end += 1
            }
            return end
        }

        /// `W(?: W){0,count}` at `index`, as many words as there are.
        private func words(at index: Int, atMost count: Int) -> Int? {
            guard var end = word(at: index) else { return nil }
            for _ in 0..<count {
                guard at(end) == 0x20, let next = word(at: end + 1) else { break }
                end = next
            }
            return end
        }

        /// `,\s*` at `index`: where what follows starts.
        private func comma(at index: Int) -> Int? {
            at(index) == 0x2C ? spaces(from: index + 1) : nil
        }

        private static let months: [[UInt32]] = Dateline.monthAbbreviations.map { $0.unicodeScalars.map(\.value) }

        /// `(?:Jan|…|Dec)[a-z]*\.?\s+\d{1,2}` at `index`. Every alternative is followed by `[a-z]*`, which
        /// takes the rest of a longer one ("Sept" after "Sep"), so the first that matches decides.
        private func month(at index: Int) -> Int? {
            guard let name = Self.months.first(where: { name in
                name.indices.allSatisfy { at(index + $0) == name[$0] }
            }) else { return nil }
            var end = index + name.count
            while isSmall(end) { end += 1 }
            if at(end) == 0x2E { end += 1 }
            let digits = spaces(from: end)
            guard digits > end, isDigit(digits) else { return nil }
            return isDigit(digits + 1) ? digits + 2 : digits + 1
        }

        /// Where the place group may end after `place`, in the order ICU tries them: with the optional second
        /// part (`second`) and then without it, each with the optional month and then without.
        private func placeEnds(after place: Int, second: (Int) -> Int?) -> [Int] {
            var ends: [Int] = []
            for start in [comma(at: place).flatMap(second), place].compactMap({ $0 }) {
                if let month = comma(at: start).flatMap(month(at:)) { ends.append(month) }
                ends.append(start)
            }
            return ends
        }

        /// `^(W(?: W){0,3}(?:,\s*W(?: W){0,2})?(?:,\s*M)?)\s*\((agency)\)\s*[-–—]+\s*`
        func withAgency() -> Outcome? {
            guard let place = words(at: 0, atMost: 3) else { return nil }
            for end in placeEnds(after: place, second: { words(at: $0, atMost: 2) }) {
                let open = spaces(from: end)
                guard at(open) == 0x28, let agency = agency(at: open + 1) else { continue }
                var dash = spaces(from: agency.end + 1)
                guard isDash(dash, hyphen: true) else { continue }
                while isDash(dash, hyphen: true) { dash += 1 }
                return .matched(place: text(0..<end), agency: agency.name, length: spaces(from: dash))
            }
            return nil
        }

        private static let agencies: [[UInt32]] = Dateline.agencies.map { $0.unicodeScalars.map(\.value) }

        /// A listed agency at `index` closed by ")": its name and where it ends (the ")").
        private func agency(at index: Int) -> (name: String, end: Int)? {
            for name in Self.agencies where name.indices.allSatisfy({ at(index + $0) == name[$0] }) {
                if at(index + name.count) == 0x29 { return (text(index..<(index + name.count)), index + name.count) }
            }
            return nil
        }

        /// `^([A-Z]{3,}(?:[ \-][A-Z]{2,})*(?:,\s*[A-Z][a-z]+)?(?:,\s*M)?)\s+[–—]+\s+`
        func placeOnly() -> Outcome? {
            var place = 0
            while isCapital(place) { place += 1 }
            guard place >= 3 else { return nil }
            while at(place) == 0x20 || at(place) == 0x2D, isCapital(place + 1), isCapital(place + 2) {
                place += 3
                while isCapital(place) { place += 1 }
            }
            let second: (Int) -> Int? = { start in
                guard isCapital(start), isSmall(start + 1) else { return nil }
                var end = start + 2
                while isSmall(end) { end += 1 }
                return end
            }
            for end in placeEnds(after: place, second: second) {
                var dash = spaces(from: end)
                guard dash > end, isDash(dash, hyphen: false) else { continue }
                while isDash(dash, hyphen: false) { dash += 1 }
                let after = spaces(from: dash)
                guard after > dash else { continue }
                return .matched(place: text(0..<end), agency: nil, length: after)
            }
            return nil
        }
    }
}
