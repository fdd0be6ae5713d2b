import Foundation
import DiglotPairing

/// The project's SplitMix64 under the name tests use: the same seed gives the same generated inputs on every
/// run, so a failing random case can be reproduced.
public typealias SeededGenerator = SplitMix64

extension SplitMix64 {
    /// `count` pseudo-random bytes.
    public mutating func bytes(_ count: Int) -> Data {
        var data = Data(capacity: count + 8)
        while data.count < count {
            var word = next()
            withUnsafeBytes(of: &word) { data.append(contentsOf: $0) }
        }
        return data.prefix(count)
    }

    /// A number in `0..<bound`.
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
