import Foundation

/// A Hunspell affix file without its `IGNORE` line, for a dictionary that holds none of the ignored characters;
/// `HunspellDictionary` then removes them from each word itself, before Hunspell sees it.
///
/// Why: Debian's uk_UA.aff ignores the combining acute (U+0301, a stress mark), and with an `IGNORE` line
/// libhunspell converts every one of the dictionary's 331,660 entries to UTF-16 and back at load to remove
/// characters none of them contains: 30 % of loading the Ukrainian dictionary (0.29 → 0.21 s here), which every
/// import pays. Loaded without the line, the dictionary and every affix rule are byte for byte what Hunspell
/// would have built (the characters occur nowhere else in either file, which is checked), and a word stripped of
/// them by the caller is what Hunspell would have looked up: the same stems (docs/performance.md, session 19).
/// Anything that does not fit (an encoding other than UTF-8, several `IGNORE` lines, the characters elsewhere
/// in the files, a temporary file that cannot be written) leaves the files as they are.
///
/// ```swift
/// if let derived = IgnoreFreeAffixFile(affixPath: aff, dictionaryPath: dic) {
///     defer { derived.remove() }
///     handle = Hunspell_create(derived.path, dic)   // words then lose derived.ignored before each lookup
/// }
/// ```
struct IgnoreFreeAffixFile {
    /// Where Hunspell reads the affix file: on Linux `/proc/self/fd/N`, an open descriptor of a temporary file
    /// whose name is already gone, so that nothing is left behind even when the process is killed while the
    /// dictionary loads (a name in the temporary folder would then stay: seen once, an import a test killed);
    /// elsewhere the temporary file's own path, removed by `remove()`.
    let path: String
    /// The characters the `IGNORE` line named.
    let ignored: [Unicode.Scalar]
    /// The open descriptor behind `path`, or -1 when `path` names the temporary file itself.
    private let descriptor: Int32

    init?(affixPath: String, dictionaryPath: String) {
        guard let affix = FileManager.default.contents(atPath: affixPath),
              let (ignored, kept) = Self.withoutIgnoreLine(affix),
              let dictionary = FileManager.default.contents(atPath: dictionaryPath),
              !Self.contains(dictionary, anyOf: ignored) else { return nil }
        let folder = FileManager.default.temporaryDirectory
        let url = folder.appendingPathComponent("diglot-\(getpid())-\(UUID().uuidString).aff")
        guard (try? kept.write(to: url)) != nil else { return nil }
        self.ignored = ignored
        let opened = open(url.path, O_RDONLY | O_CLOEXEC)
        if opened >= 0, FileManager.default.isReadableFile(atPath: "/proc/self/fd/\(opened)"), unlink(url.path) == 0 {
            descriptor = opened
            path = "/proc/self/fd/\(opened)"
        } else {
            if opened >= 0 { close(opened) }
            descriptor = -1
            path = url.path
        }
    }

    /// Closes the descriptor, or removes the temporary file where it kept its name.
    func remove() {
        if descriptor >= 0 { close(descriptor) } else { try? FileManager.default.removeItem(atPath: path) }
    }

    /// The characters of the affix file's one `IGNORE` line and the file without that line; nil when the file
    /// is not UTF-8 (`SET UTF-8`), has no or several `IGNORE` lines, or names an ignored character elsewhere.
    /// Read as bytes, as Hunspell reads it: as `Character`s a combining mark after a space would be one.
    static func withoutIgnoreLine(_ affix: Data) -> (ignored: [Unicode.Scalar], kept: Data)? {
        let bytes = [UInt8](affix)
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        let fields = lines.map { $0.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) }
        func field(_ line: Int, _ index: Int, is word: String) -> Bool {
            fields[line].count > index && fields[line][index].elementsEqual(word.utf8)
        }
        guard fields.indices.contains(where: { field($0, 0, is: "SET") && field($0, 1, is: "UTF-8") }) else { return nil }
        let ignoreLines = fields.indices.filter { field($0, 0, is: "IGNORE") }
        guard ignoreLines.count == 1, let line = ignoreLines.first, fields[line].count >= 2,
              let characters = String(validating: fields[line][1], as: UTF8.self) else { return nil }
        let ignored = Array(characters.unicodeScalars)
        let kept = Data(lines.enumerated().filter { $0.offset != line }.map(\.element).joined(separator: [0x0A]))
        guard !ignored.isEmpty, !contains(kept, anyOf: ignored) else { return nil }
        return (ignored, kept)
    }

    /// Whether `data` holds the UTF-8 bytes of any of `scalars` (a dictionary is 8 MB: searched by `memchr`).
    static func contains(_ data: Data, anyOf scalars: [Unicode.Scalar]) -> Bool {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            return scalars.contains { scalar in
                let needle = Array(String(scalar).utf8)
                var start = 0
                while start + needle.count <= bytes.count {
                    guard let base = bytes.baseAddress,
                          let found = memchr(base + start, Int32(needle[0]), bytes.count - start) else { return false }
                    let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if at + needle.count <= bytes.count, bytes[at..<(at + needle.count)].elementsEqual(needle) { return true }
                    start = at + 1
                }
                return false
            }
        }
    }

    /// `word` without the ignored characters, as Hunspell removes them from a word it is asked about.
    static func removing(_ ignored: [Unicode.Scalar], from word: String) -> String {
        guard word.unicodeScalars.contains(where: ignored.contains) else { return word }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: word.unicodeScalars.lazy.filter { !ignored.contains($0) })
        return String(kept)
    }
}
