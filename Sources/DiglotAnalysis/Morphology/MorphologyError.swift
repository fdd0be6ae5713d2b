/// Why a morphology dictionary could not be used; prints as one sentence naming the file.
public enum MorphologyError: Error, Equatable, CustomStringConvertible, Sendable {
    case dictionaryMissing(path: String)
    case dictionaryUnloadable(path: String)

    public var description: String {
        switch self {
        case .dictionaryMissing(let path):
            return "\(path): the Hunspell dictionary is missing or unreadable (install hunspell-uk and hunspell-ru)."
        case .dictionaryUnloadable(let path):
            return "\(path): libhunspell could not load this dictionary."
        }
    }
}
