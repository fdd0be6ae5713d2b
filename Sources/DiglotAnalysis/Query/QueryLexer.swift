/// Splits query text into words, phrases, parentheses, OR and exclusion marks.
///
/// Only `"`, `(`, `)`, an upper-case `OR` standing alone and a `-` opening a word are operators; every
/// other character is text, which `BasicAnalyzer` later reduces to words (so `*`, `:`, `^`, `NEAR(` and
/// the like can never reach FTS5 as syntax).
struct QueryLexer {
    enum Lexeme: Equatable {
        case text(String)
        case phrase(String)
        case open, close, or, minus
    }

    private let characters: [Character]
    private(set) var notes: [String] = []

    init(_ text: String) { characters = Array(text) }

    mutating func lexemes() -> [Lexeme] {
        let quotes = characters.indices.filter { characters[$0] == "\"" }
        let unmatchedQuote = quotes.count % 2 == 1 ? quotes.last : nil
        if unmatchedQuote != nil { notes.append("An unmatched quote was ignored.") }
        var lexemes: [Lexeme] = []
        var chunk = ""
        func flush() {
            defer { chunk = "" }
            guard !chunk.isEmpty else { return }
            if chunk == "OR" { lexemes.append(.or); return }
            if case .text(let previous)? = lexemes.last, previous.last?.isNumber == true, Self.isDigitGroup(chunk) {
                lexemes[lexemes.count - 1] = .text(previous + " " + chunk)  // "1 020 010" stays one number
                return
            }
            lexemes.append(.text(chunk))
        }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\"" where index == unmatchedQuote:
                flush()
            case "\"":
                flush()
                let close = characters[(index + 1)...].firstIndex(of: "\"") ?? characters.count
                lexemes.append(.phrase(String(characters[(index + 1)..<close])))
                index = close
            case "(": flush(); lexemes.append(.open)
            case ")": flush(); lexemes.append(.close)
            case "-" where chunk.isEmpty && index + 1 < characters.count && !characters[index + 1].isWhitespace:
                lexemes.append(.minus)
            case _ where character.isWhitespace: flush()
            default: chunk.append(character)
            }
            index += 1
        }
        flush()
        return lexemes
    }

    /// Three digits, possibly followed by punctuation: the next group of a number like "1 020".
    static func isDigitGroup(_ chunk: String) -> Bool {
        let digits = chunk.prefix(while: \.isASCII).prefix(while: \.isNumber)
        return digits.count == 3 && !chunk.dropFirst(3).contains(where: { $0.isLetter || $0.isNumber })
    }
}
