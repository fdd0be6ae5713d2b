/// JSON values written straight into a byte buffer, exactly as the archive's `JSONEncoder`
/// (`ArchiveJSON.encoder()`: sorted keys, slashes not escaped) writes them.
///
/// Why not the encoder: a JSON Lines export of 1,020,552 pairs spent half its CPU inside `JSONEncoder` (boxing
/// every value, a dictionary per object, sorting its keys, dynamic casts), 54 s against 11 s for the same pairs
/// as TMX, and `diglot pairs --json` of them 55 % of its samples. A writer that knows its keys in advance only
/// needs the encoder's leaves:
/// - strings: `"` and `\` escaped with a backslash; U+0008, U+000C, LF, CR and tab as `\b`, `\f`, `\n`, `\r`,
///   `\t`; the other control characters below U+0020 as `\u00xx` (lowercase hex); everything else, `/` and
///   U+007F included, as its UTF-8;
/// - numbers: a `Double` as its `description` without a trailing `.0` (`1`, `0.925`, `1e-05`), an `Int` as its
///   `description`; NaN and the infinities have no JSON form (`isWritable`);
/// - object keys in the order of their UTF-8 bytes (`appendObject(_:to:)`).
/// JSONTextTests (DiglotExportTests) holds every rule to `JSONEncoder` itself on seeded values.
public enum JSONText {
    /// `text` as a JSON string, quotes included.
    public static func appendString(_ text: String, to output: inout [UInt8]) {
        output.append(0x22)
        var text = text
        text.withUTF8 { bytes in
            let count = bytes.count
            var plainStart = 0
            var index = 0
            while index < count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { index += 1; continue }
                if index > plainStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainStart..<index])) }
                switch byte {
                case 0x22: output.append(0x5C); output.append(0x22)
                case 0x5C: output.append(0x5C); output.append(0x5C)
                case 0x08: output.append(0x5C); output.append(0x62)  // \b
                case 0x0C: output.append(0x5C); output.append(0x66)  // \f
                case 0x0A: output.append(0x5C); output.append(0x6E)  // \n
                case 0x0D: output.append(0x5C); output.append(0x72)  // \r
                case 0x09: output.append(0x5C); output.append(0x74)  // \t
                default:
                    output.append(contentsOf: [0x5C, 0x75, 0x30, 0x30] as [UInt8])  // \u00
                    output.append(hexDigit(byte >> 4))
                    output.append(hexDigit(byte & 0x0F))
                }
                index += 1
                plainStart = index
            }
            if count > plainStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainStart..<count])) }
        }
        output.append(0x22)
    }

    /// `text` as a JSON string, or `null`.
    public static func appendString(_ text: String?, orNullTo output: inout [UInt8]) {
        if let text { appendString(text, to: &output) } else { appendNull(to: &output) }
    }

    public static func appendNull(to output: inout [UInt8]) {
        output.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C] as [UInt8])
    }

    /// Whether `number` has a JSON form (the encoder refuses NaN and the infinities).
    public static func isWritable(_ number: Double) -> Bool { number.isFinite }

    /// A finite `number` as the encoder writes it; check `isWritable` first.
    public static func appendNumber(_ number: Double, to output: inout [UInt8]) {
        precondition(number.isFinite, "JSON has no form for \(number)")
        var digits = number.description
        if digits.hasSuffix(".0") { digits.removeLast(2) }
        output.append(contentsOf: digits.utf8)
    }

    public static func appendNumber(_ number: Int, to output: inout [UInt8]) {
        output.append(contentsOf: number.description.utf8)
    }

    /// `"key":`, for a key that needs no escaping (the writers' own keys are ASCII letters).
    public static func appendKey(_ key: StaticString, to output: inout [UInt8]) {
        output.append(0x22)
        output.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        output.append(0x22)
        output.append(0x3A)
    }

    /// A JSON object whose members `body` adds in the order given, which must be the encoder's (sorted keys):
    ///
    /// ```swift
    /// JSONText.appendObject(to: &line) { object in
    ///     object.number("confidence", 0.925)
    ///     object.string("method", "embedded-quote")
    ///     object.member("units") { JSONText.appendArray(units, to: &$0) { unit, bytes in … } }
    /// }
    /// ```
    public static func appendObject(to output: inout [UInt8], _ body: (inout JSONMembers) -> Void) {
        var members = JSONMembers()
        swap(&members.bytes, &output)   // the caller's buffer, without a copy
        members.bytes.append(0x7B)
        body(&members)
        members.bytes.append(0x7D)
        swap(&members.bytes, &output)
    }

    /// A JSON array of `elements`, each appended by `appendElement`.
    public static func appendArray<Elements: Sequence>(_ elements: Elements, to output: inout [UInt8],
                                                       _ appendElement: (Elements.Element, inout [UInt8]) -> Void) {
        output.append(0x5B)
        for (position, element) in elements.enumerated() {
            if position > 0 { output.append(0x2C) }
            appendElement(element, &output)
        }
        output.append(0x5D)
    }

    /// A `[String: String]` as a JSON object, keys in the order `JSONEncoder`'s `.sortedKeys` writes them outside
    /// Apple's platforms: by their UTF-8 bytes.
    public static func appendObject(_ object: [String: String], to output: inout [UInt8]) {
        output.append(0x7B)
        for (position, entry) in object.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }).enumerated() {
            if position > 0 { output.append(0x2C) }
            appendString(entry.key, to: &output)
            output.append(0x3A)
            appendString(entry.value, to: &output)
        }
        output.append(0x7D)
    }

    /// A fidelity report as its synthesised `Encodable` writes it: `issues` (each `kind`, `message`, `severity`
    /// and, when there is one, `subject`), then `status`.
    public static func appendFidelity(_ report: FidelityReport, to output: inout [UInt8]) {
        appendFidelity(issues: report.issues, status: report.status.rawValue, to: &output)
    }

    /// `appendFidelity(_:to:)` for a report held as its parts (`diglot pairs --json`'s listing).
    public static func appendFidelity(issues: [FidelityIssue], status: String, to output: inout [UInt8]) {
        appendObject(to: &output) { report in
            report.member("issues") { appendArray(issues, to: &$0) { issue, bytes in
                appendObject(to: &bytes) { object in
                    object.string("kind", issue.kind)
                    object.string("message", issue.message)
                    object.string("severity", issue.severity.rawValue)
                    if let subject = issue.subject { object.string("subject", subject) }   // left out when nil
                }
            } }
            report.string("status", status)
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x61 + value - 10 }
}

/// The members of an object `JSONText.appendObject` is writing: each call adds `"key":value`, with the comma
/// before every member but the first.
public struct JSONMembers {
    fileprivate var bytes: [UInt8] = []
    private var isEmpty = true

    public mutating func string(_ key: StaticString, _ value: String) {
        begin(key)
        JSONText.appendString(value, to: &bytes)
    }

    /// `value`, or `null` when there is none (the encoder's `encode` of an optional).
    public mutating func string(_ key: StaticString, orNull value: String?) {
        begin(key)
        JSONText.appendString(value, orNullTo: &bytes)
    }

    /// A finite number (`JSONText.isWritable`).
    public mutating func number(_ key: StaticString, _ value: Double) {
        begin(key)
        JSONText.appendNumber(value, to: &bytes)
    }

    public mutating func number(_ key: StaticString, _ value: Int) {
        begin(key)
        JSONText.appendNumber(value, to: &bytes)
    }

    /// A member whose value `appendValue` writes (an object, an array).
    public mutating func member(_ key: StaticString, _ appendValue: (inout [UInt8]) -> Void) {
        begin(key)
        appendValue(&bytes)
    }

    private mutating func begin(_ key: StaticString) {
        if !isEmpty { bytes.append(0x2C) }
        isEmpty = false
        JSONText.appendKey(key, to: &bytes)
    }
}
