import Foundation
import DiglotLocales

/// One row of the names table: a name and the spellings it goes by.
public struct NameEntry: Hashable, Sendable {
    /// The English form Diglot shows ("Mykolaiv").
    public var canonical: String
    /// `place`, `region`, `person`, `organisation`, `unit` or `feature`.
    public var kind: String
    public var ukrainian: [String]
    public var russian: [String]
    /// Other Latin-script spellings ("Nikolaev", "Nikolayev").
    public var variants: [String]

    /// Every spelling, the canonical one first.
    public var allForms: [String] { [canonical] + ukrainian + russian + variants }
}

/// Exonyms, old names and spellings no romanisation rule derives, read from `Locales/data/names.tsv`.
///
/// ```swift
/// NamesTable.shared.entry(for: "Николаев")?.canonical   // "Mykolaiv"
/// ```
public struct NamesTable: Sendable {
    public let entries: [NameEntry]
    /// Phonetic key of any form -> index of its entry.
    private let index: [String: Int]
    /// Phonetic key of each entry's canonical form, by entry index.
    private let canonicalKeys: [String]
    /// Forms whose phonetic key was already taken by an earlier entry (kept out of the index so lookups stay
    /// unambiguous); tests assert there are none in the bundled table.
    public let collisions: [String]

    public static let fileName = "names.tsv"

    /// The bundled table; empty (with `loadProblem` set) if the file cannot be read.
    public static let shared: NamesTable = (try? NamesTable.bundled()) ?? NamesTable(entries: [])
    public static let loadProblem: LexiconDataError? = {
        do { _ = try NamesTable.bundled(); return nil } catch let e as LexiconDataError { return e } catch {
            return LexiconDataError(file: fileName, reason: "\(error)")
        }
    }()

    /// Reads `Locales/data/names.tsv`.
    ///
    /// - Throws: `LexiconDataError` naming the line of a malformed row.
    public static func bundled() throws -> NamesTable {
        guard let text = Locales.text(named: fileName) else {
            throw LexiconDataError(file: fileName, reason: "the resource is not bundled in Locales/data")
        }
        let rows = try TSVResource.rows(of: text, file: fileName, columns: 5)
        var entries: [NameEntry] = []
        for row in rows {
            let canonical = TextFolding.trimmed(row.cells[0])
            guard !canonical.isEmpty else {
                throw LexiconDataError(file: fileName, line: row.line, reason: "the canonical name is empty")
            }
            entries.append(NameEntry(canonical: canonical, kind: row.cells[1],
                                     ukrainian: TSVResource.alternatives(row.cells[2]),
                                     russian: TSVResource.alternatives(row.cells[3]),
                                     variants: TSVResource.alternatives(row.cells[4])))
        }
        // Deriving every form's key is most of the cost of loading the table: done once per program build.
        let keys = DerivedKeyCache.lines(resource: "names", text: text, version: NameKey.derivationVersion,
                                         expectedCount: entries.reduce(0) { $0 + $1.allForms.count }) {
            Self.formKeys(entries)
        }
        return NamesTable(entries: entries, formKeys: keys)
    }

    /// The phonetic key of every form of every entry, entry by entry, in `allForms` order.
    static func formKeys(_ entries: [NameEntry]) -> [String] {
        entries.flatMap { entry in entry.allForms.map { NameKey.phoneticKey($0) } }
    }

    public init(entries: [NameEntry]) {
        self.init(entries: entries, formKeys: Self.formKeys(entries))
    }

    /// - Parameter formKeys: `formKeys(entries)`, possibly read back from `DerivedKeyCache`.
    init(entries: [NameEntry], formKeys: [String]) {
        var index: [String: Int] = [:]
        var collisions: [String] = []
        var canonicalKeys: [String] = []
        var k = 0
        for (i, entry) in entries.enumerated() {
            for (f, form) in entry.allForms.enumerated() {
                let key = formKeys[k]
                k += 1
                if f == 0 { canonicalKeys.append(key) }
                guard !key.isEmpty else { continue }
                if let existing = index[key], existing != i {
                    collisions.append("\(form) (\(entry.canonical)) has the key of \(entries[existing].canonical)")
                } else {
                    index[key] = i
                }
            }
        }
        self.entries = entries
        self.index = index
        self.canonicalKeys = canonicalKeys
        self.collisions = collisions
    }

    /// The entry one of whose forms has the same phonetic key as `name` (so inflected and variant spellings hit).
    public func entry(for name: String) -> NameEntry? {
        index[NameKey.phoneticKey(name)].map { entries[$0] }
    }

    /// The phonetic key of the canonical form of the entry owning `key`, or nil when no entry owns it.
    public func canonicalKey(forPhoneticKey key: String) -> String? {
        index[key].map { canonicalKeys[$0] }
    }
}
