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
    static func decode(_ text: String) -> CandidateSignature? {
        let parts = text.split(separator: field, omittingEmptySubsequences: false)
        guard parts.count == 4, let length = Int(parts[3]) else { return nil }
        var numbers: [Int] = [], glossary: [Int] = []
        for n in parts[0].split(separator: ",") {
            guard let value = Int(n) else { return nil }
            numbers.append(value)
        }
        for g in parts[2].split(separator: ",") {
            guard let value = Int(g) else { return nil }
            glossary.append(value)
        }
        let names: [String] = parts[1].split(separator: item).map { String($0) }
        return CandidateSignature(numbers: numbers, names: names, glossary: glossary, length: length)
    }
}
