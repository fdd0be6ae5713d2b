import DiglotAnalysis
import Foundation

/// A passage's index tokens cut from its document's, where that gives exactly what analysing the passage
/// would (for an analyzer whose `indexTokensAreLocal`).
///
/// Passages are their document's text in parts, so an import that analysed both analysed every word twice
/// (13.1 MB of passages beside 13.2 MB of document text in the 10k bench corpus). A cut is taken only when the
/// passage is byte for byte the document's text at its offsets, both ends sit after and before ASCII whitespace
/// (or at the text's ends), and no token of the document crosses either end; anything else is analysed on its
/// own, so a cut never changes a token, it only spares the analysis.
enum PassageTokenCutting {
    /// The tokens of `part`, which should be `whole`'s bytes at `range`, from `wholeTokens` (`whole`'s index
    /// tokens, in order), their ranges made relative to `range`; nil where a cut could differ from analysing
    /// `part`.
    static func tokens(of part: String, at range: Range<Int>, in whole: UnsafeBufferPointer<UInt8>,
                       wholeTokens: [AnalyzedToken]) -> [AnalyzedToken]? {
        guard range.lowerBound >= 0, range.upperBound <= whole.count, part.utf8.count == range.count else { return nil }
        guard range.lowerBound == 0 || isSpace(whole[range.lowerBound - 1]),
              range.upperBound == whole.count || isSpace(whole[range.upperBound]) else { return nil }
        var part = part
        let same = part.withUTF8 { own in
            own.isEmpty || memcmp(own.baseAddress!, whole.baseAddress! + range.lowerBound, own.count) == 0
        }
        guard same else { return nil }
        let first = firstToken(startingAtOrAfter: range.lowerBound, in: wholeTokens)
        if first > 0, wholeTokens[first - 1].byteRange.upperBound > range.lowerBound { return nil }
        var cut: [AnalyzedToken] = []
        // Room for every token up to the part's end at once: grown token by token, the arrays were reallocated
        // 207,000 times at 5,000 documents (callgrind, session 19).
        cut.reserveCapacity(firstToken(startingAtOrAfter: range.upperBound, in: wholeTokens) - first)
        var index = first
        while index < wholeTokens.count, wholeTokens[index].byteRange.lowerBound < range.upperBound {
            let token = wholeTokens[index]
            guard token.byteRange.upperBound <= range.upperBound else { return nil }
            cut.append(AnalyzedToken(term: token.term,
                                     byteRange: (token.byteRange.lowerBound - range.lowerBound)..<(token.byteRange.upperBound - range.lowerBound),
                                     isColocated: token.isColocated))
            index += 1
        }
        return cut
    }

    /// ASCII whitespace: no token holds it but a number's group separator (a space), and a number holding the
    /// space at a cut crosses the cut, which `tokens` refuses.
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    /// The index of the first token whose range starts at or after `offset` (tokens are in order of their
    /// start; colocated forms share their word's range).
    static func firstToken(startingAtOrAfter offset: Int, in tokens: [AnalyzedToken]) -> Int {
        var low = 0, high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].byteRange.lowerBound < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Where a text's scalars start in its UTF-8, for finding a passage's scalar offsets in bytes: every
    /// `stride`-th scalar's byte offset is kept, and an offset is reached from the one below it, so a large
    /// document costs an eighth of its size in memory rather than eight times it.
    struct ScalarOffsets {
        static let stride = 64
        private var checkpoints: [Int] = []
        let scalarCount: Int

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            checkpoints.reserveCapacity(bytes.count / Self.stride + 1)
            var scalar = 0
            for (index, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
                if scalar % Self.stride == 0 { checkpoints.append(index) }
                scalar += 1
            }
            scalarCount = scalar
        }

        /// The byte offset of scalar `target` of `bytes` (the text this was made from), its length for the end;
        /// nil outside `0...scalarCount`.
        func byteOffset(ofScalar target: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            guard target >= 0, target <= scalarCount else { return nil }
            if target == scalarCount { return bytes.count }
            var byte = checkpoints[target / Self.stride]
            for _ in 0..<(target % Self.stride) {
                byte += 1
                while bytes[byte] & 0xC0 == 0x80 { byte += 1 }
            }
            return byte
        }
    }
}
