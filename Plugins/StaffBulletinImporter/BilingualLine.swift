/// Splits a line that gives each phrase in two alphabets joined by a slash, as the 2024 bilingual lists do:
/// `кораблі / катери / ships / boats ‒ 28 (+0) од / units` gives `кораблі / катери ‒ 28 (+0) од` and
/// `ships / boats ‒ 28 (+0) units`.
///
/// A slash is a language boundary when the nearest word before it is Cyrillic and the nearest word after
/// it Latin (or the other way round). The alternative on each side runs over words of one alphabet and the
/// slashes between them, and stops at a number, a dash or other punctuation, so numbers are shared.
public enum BilingualLine {
    /// The Cyrillic and the Latin reading of a line, or nil when no slash in it separates two alphabets.
    public static func sides(of line: String) -> (cyrillic: String, latin: String)? {
        // No slash, no boundary: most lines detection reads have none, and are not tokenized.
        guard line.utf8.contains(0x2F) else { return nil }
        let tokens = tokenize(line)
        var replacements: [(range: Range<Int>, cyrillic: Range<Int>, latin: Range<Int>)] = []
        for (index, token) in tokens.enumerated() where token.kind == .slash {
            guard let left = neighbourWord(tokens, from: index, step: -1),
                  let right = neighbourWord(tokens, from: index, step: 1),
                  let leftScript = tokens[left].script, let rightScript = tokens[right].script,
                  leftScript != rightScript,
                  replacements.allSatisfy({ !$0.range.contains(index) }) else { continue }
            let leftSpan = span(tokens, from: left, step: -1, script: leftScript)
            let rightSpan = span(tokens, from: right, step: 1, script: rightScript)
            let leftRange = leftSpan..<(left + 1), rightRange = right..<(rightSpan + 1)
            replacements.append((leftSpan..<(rightSpan + 1),
                                 leftScript == .cyrillic ? leftRange : rightRange,
                                 leftScript == .cyrillic ? rightRange : leftRange))
        }
        guard !replacements.isEmpty else { return nil }
        func render(cyrillic: Bool) -> String {
            var out = ""
            var i = 0
            while i < tokens.count {
                if let r = replacements.first(where: { $0.range.lowerBound == i }) {
                    out += tokens[cyrillic ? r.cyrillic : r.latin].map(\.text).joined()
                    i = r.range.upperBound
                } else {
                    out += tokens[i].text
                    i += 1
                }
            }
            return BulletinText.collapsed(out)
        }
        return (render(cyrillic: true), render(cyrillic: false))
    }

    struct Token {
        enum Kind { case word, slash, space, other }
        var kind: Kind
        var text: String
        var script: BulletinText.Script? { kind == .word ? BulletinText.script(of: text) : nil }
    }

    static func tokenize(_ line: String) -> [Token] {
        var tokens: [Token] = []
        let scalars = Array(line.unicodeScalars)
        var i = 0
        func isLetter(_ k: Int) -> Bool { k >= 0 && k < scalars.count && scalars[k].properties.isAlphabetic }
        while i < scalars.count {
            let s = scalars[i]
            if s.properties.isAlphabetic {
                var text = String.UnicodeScalarView()
                while i < scalars.count, isLetter(i) || ("-'’ʼ".unicodeScalars.contains(scalars[i]) && isLetter(i - 1) && isLetter(i + 1)) {
                    text.append(scalars[i]); i += 1
                }
                tokens.append(Token(kind: .word, text: String(text)))
            } else if s == "/" {
                tokens.append(Token(kind: .slash, text: "/")); i += 1
            } else if BulletinText.isSpace(s) {
                tokens.append(Token(kind: .space, text: String(s))); i += 1
            } else {
                tokens.append(Token(kind: .other, text: String(s))); i += 1
            }
        }
        return tokens
    }

    /// The nearest word from `index` in direction `step`, across spaces only.
    static func neighbourWord(_ tokens: [Token], from index: Int, step: Int) -> Int? {
        var k = index + step
        while k >= 0 && k < tokens.count {
            switch tokens[k].kind {
            case .space: k += step
            case .word: return k
            default: return nil
            }
        }
        return nil
    }

    /// How far a run of `script` words, spaces and slashes extends from the word at `start`; returns the
    /// index of the last word in the run.
    static func span(_ tokens: [Token], from start: Int, step: Int, script: BulletinText.Script) -> Int {
        var last = start
        var k = start + step
        while k >= 0 && k < tokens.count {
            let token = tokens[k]
            if token.kind == .word {
                guard token.script == script else { break }
                last = k
            } else if token.kind == .slash {
                guard let next = neighbourWord(tokens, from: k, step: step), tokens[next].script == script else { break }
            } else if token.kind != .space {
                break
            }
            k += step
        }
        return last
    }
}
