import DiglotPairing

/// The compact text form in which the archive keeps a `CandidateSignature`: numbers, names and glossary ids
/// separated by record separators, e.g. `16370,2000␞kharkiv␟kyiv␞12,40␞812`.
///
/// JSON would do, but a pairing run reads tens of thousands of signatures back; splitting this form is several
/// times faster than decoding JSON.
enum SignatureCodec {
    private static let field: Character = "\u{1E}"
    private static let item: Character = "\u{1F}"

    static func encode(_ signature: CandidateSignature) -> String {
        let numbers: String = signature.numbers.map { String($0) }.joined(separator: ",")
        let names: String = signature.names.joined(separator: String(item))
        let glossary: String = signature.glossary.map { String($0) }.joined(separator: ",")
        let separator = String(field)
        return numbers + separator + names + separator + glossary + separator + String(signature.length)
    }

    /// The signature, or nil when `text` is not in this form.
    ///
    /// Read from the UTF-8 bytes: the separators are ASCII control characters, numbers ASCII digits (a leading
    /// "-" allowed), and a name any run of bytes between separators. Splitting by `Character` and re-sorting
    /// names already sorted took 209,000 instructions a signature, 2.2 of the 46 G of a `diglot pair` over
    /// 10,000 documents (session 26).
    static func decode(_ text: String) -> CandidateSignature? {
        var text = text
        return text.withUTF8 { bytes -> CandidateSignature? in
            var fields: [Range<Int>] = []
            var start = 0
            for index in 0..<bytes.count where bytes[index] == 0x1E {
                fields.append(start..<index)
                start = index + 1
            }
            fields.append(start..<bytes.count)
            guard fields.count == 4, let length = integer(bytes, fields[3]),
                  let numbers = integers(bytes, fields[0]), let glossary = integers(bytes, fields[2]) else { return nil }
            var names: [String] = []
            var nameStart = fields[1].lowerBound
            for index in fields[1] where bytes[index] == 0x1F {
                if index > nameStart { names.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<index]), as: UTF8.self)) }
                nameStart = index + 1
            }
            if fields[1].upperBound > nameStart {
                names.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<fields[1].upperBound]), as: UTF8.self))
            }
            return CandidateSignature(storedNumbers: numbers, names: names, glossary: glossary, length: length)
        }
    }

    /// The comma-separated integers of `range` (empty items skipped, as `split` skipped them), or nil.
    private static func integers(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Int]? {
        var values: [Int] = []
        var start = range.lowerBound
        for index in range where bytes[index] == 0x2C {
            if index > start {
                guard let value = integer(bytes, start..<index) else { return nil }
                values.append(value)
            }
            start = index + 1
        }
        if range.upperBound > start {
            guard let value = integer(bytes, start..<range.upperBound) else { return nil }
            values.append(value)
        }
        return values
    }

    /// The integer `range` spells as `Int(_:)` reads it (ASCII digits after an optional sign), or nil.
    private static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
    }
}
