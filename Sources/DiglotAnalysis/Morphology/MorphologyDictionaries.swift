import Synchronization

/// Where the Hunspell dictionaries live, loaded lazily and at most once per process.
///
/// Loading Ukrainian costs about 0.2–0.4 s and Russian about 0.3 s, so an import pays it once and a
/// search process never pays it (it reads the archive's vocabulary instead; see `LemmaStore`).
///
/// ```swift
/// let dictionaries = try MorphologyDictionaries.debian()
/// dictionaries.ukrainian?.stems(of: "втратами")   // ["втрата"]
/// ```
public final class MorphologyDictionaries: Sendable {
    /// An `.aff`/`.dic` pair.
    public struct Paths: Sendable, Equatable {
        public var affix: String
        public var dictionary: String
        public init(affix: String, dictionary: String) {
            self.affix = affix
            self.dictionary = dictionary
        }
        /// The pair Debian installs under /usr/share/hunspell for `locale` ("uk_UA", "ru_RU").
        public static func debian(_ locale: String) -> Paths {
            Paths(affix: "/usr/share/hunspell/\(locale).aff", dictionary: "/usr/share/hunspell/\(locale).dic")
        }
    }

    private let ukrainianPaths: Paths
    private let russianPaths: Paths
    private let loaded = Mutex<[String: Result<HunspellDictionary, MorphologyError>]>([:])

    /// - Throws: `MorphologyError.dictionaryMissing` naming the first file that cannot be read, so a
    ///   missing package is reported at start rather than silently weakening the index.
    public init(ukrainian: Paths, russian: Paths) throws(MorphologyError) {
        for path in [ukrainian.affix, ukrainian.dictionary, russian.affix, russian.dictionary]
        where !HunspellDictionary.isReadable(path) {
            throw .dictionaryMissing(path: path)
        }
        ukrainianPaths = ukrainian
        russianPaths = russian
    }

    /// Debian's hunspell-uk and hunspell-ru dictionaries, one instance per process so that every analyzer
    /// (one per open archive) shares what is loaded.
    public static func debian() throws(MorphologyError) -> MorphologyDictionaries { try sharedDebian.get() }

    private static let sharedDebian = Result { () throws(MorphologyError) in
        try MorphologyDictionaries(ukrainian: .debian("uk_UA"), russian: .debian("ru_RU"))
    }

    /// The Ukrainian dictionary, loaded on first use; nil if libhunspell refused it (see `loadProblems`).
    var ukrainian: HunspellDictionary? { load(ukrainianPaths) }
    /// The Russian dictionary, loaded on first use.
    var russian: HunspellDictionary? { load(russianPaths) }

    /// How many dictionaries this instance has loaded (tests use it to prove queries load none).
    public var loadedCount: Int { loaded.withLock { $0.values.count { if case .success = $0 { true } else { false } } } }

    /// Dictionaries that failed to load, as sentences.
    public var loadProblems: [String] {
        loaded.withLock { $0.values.compactMap { if case .failure(let error) = $0 { error.description } else { nil } } }
    }

    private func load(_ paths: Paths) -> HunspellDictionary? {
        loaded.withLock { loaded in
            if let known = loaded[paths.dictionary] { return try? known.get() }
            let result = Result { () throws(MorphologyError) in
                try HunspellDictionary(affixPath: paths.affix, dictionaryPath: paths.dictionary)
            }
            loaded[paths.dictionary] = result
            return try? result.get()
        }
    }
}
