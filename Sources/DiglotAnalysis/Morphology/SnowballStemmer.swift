import CStemmer
import Synchronization

/// Snowball's English stemmer from libstemmer: the only Swift code that calls libstemmer.
///
/// A libstemmer handle keeps its working buffer inside, so calls are serialised by a lock; the
/// analyzer's word cache means each distinct word is stemmed once per process.
///
/// ```swift
/// SnowballStemmer.english?.stem("losses")   // "loss"
/// ```
final class SnowballStemmer: Sendable {
    private let handle: Mutex<HandleBox>

    /// The English stemmer, or nil when libstemmer lacks it (it never does on Debian).
    static let english = SnowballStemmer(algorithm: "english")

    private init?(algorithm: String) {
        guard let created = sb_stemmer_new(algorithm, "UTF_8") else { return nil }
        handle = Mutex(HandleBox(pointer: created))
    }

    /// The stem of a lowercase `word`; the word itself when stemming yields nothing.
    func stem(_ word: String) -> String {
        handle.withLock { box in
            var utf8 = Array(word.utf8)
            let stemmed: String? = utf8.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress,
                      let result = sb_stemmer_stem(box.pointer, base, Int32(buffer.count)) else { return nil }
                let length = Int(sb_stemmer_length(box.pointer))
                return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
            }
            return stemmed.flatMap { $0.isEmpty ? nil : $0 } ?? word
        }
    }

    /// Owns the C handle; deleted with the stemmer.
    final class HandleBox {
        let pointer: OpaquePointer
        init(pointer: OpaquePointer) { self.pointer = pointer }
        deinit { sb_stemmer_delete(pointer) }
    }
}
