import CHunspell
import Foundation
import Synchronization

/// One Hunspell dictionary (an `.aff`/`.dic` pair): the only Swift code that calls libhunspell.
///
/// Hunspell handles are not thread-safe, so every call holds the handle's lock. Loading costs
/// 0.2–0.5 s, which is why `MorphologyDictionaries` loads each dictionary at most once per process.
///
/// ```swift
/// let uk = try HunspellDictionary(affixPath: "/usr/share/hunspell/uk_UA.aff",
///                                 dictionaryPath: "/usr/share/hunspell/uk_UA.dic")
/// uk.stems(of: "танків")   // ["танк", "танок"]
/// ```
final class HunspellDictionary: Sendable {
    private let handle: Mutex<HandleBox>
    /// The affix file's `IGNORE` characters when the dictionary was loaded without that line
    /// (`IgnoreFreeAffixFile`): removed from each word here, as Hunspell would have.
    private let ignored: [Unicode.Scalar]

    /// - Parameter ignoringInSwift: load through `IgnoreFreeAffixFile` where it applies (the default); false
    ///   loads the files as they are (the test comparing the two).
    /// - Throws: `MorphologyError.dictionaryMissing` when either file is unreadable,
    ///   `MorphologyError.dictionaryUnloadable` when libhunspell refuses them.
    init(affixPath: String, dictionaryPath: String, ignoringInSwift: Bool = true) throws(MorphologyError) {
        for path in [affixPath, dictionaryPath] where !Self.isReadable(path) {
            throw .dictionaryMissing(path: path)
        }
        let derived = ignoringInSwift ? IgnoreFreeAffixFile(affixPath: affixPath, dictionaryPath: dictionaryPath) : nil
        defer { derived?.remove() }
        guard let created = Hunspell_create(derived?.path ?? affixPath, dictionaryPath) else {
            throw .dictionaryUnloadable(path: dictionaryPath)
        }
        handle = Mutex(HandleBox(pointer: created))
        ignored = derived?.ignored ?? []
    }

    /// Whether the dictionary was loaded without its affix file's `IGNORE` line.
    var ignoresInSwift: Bool { !ignored.isEmpty }

    static func isReadable(_ path: String) -> Bool { FileManager.default.isReadableFile(atPath: path) }

    /// The dictionary stems of `word` as written (case matters: Hunspell knows "Харкові", not "харкові").
    /// Empty when the dictionary does not know the word.
    func stems(of word: String) -> [String] {
        let word = ignored.isEmpty ? word : IgnoreFreeAffixFile.removing(ignored, from: word)
        return handle.withLock { box in
            var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
            let count = Hunspell_stem(box.pointer, &list, word)
            defer { Hunspell_free_list(box.pointer, &list, count) }
            guard count > 0, let list else { return [] }
            return (0..<Int(count)).compactMap { list[$0].map { String(cString: $0) } }
        }
    }

    /// Owns the C handle; destroyed with the dictionary.
    final class HandleBox {
        let pointer: OpaquePointer
        init(pointer: OpaquePointer) { self.pointer = pointer }
        deinit { Hunspell_destroy(pointer) }
    }
}
