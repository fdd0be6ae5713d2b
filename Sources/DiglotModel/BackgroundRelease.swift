import Dispatch

/// Lets go of values on a background thread instead of the caller's.
///
/// Why: an import's writing thread is its critical path (its two parsing threads wait on it), and freeing what
/// a parsed file held once the file is written (its documents, passages and the index tokens prepared for
/// them: thousands of strings and arrays) was about 4 % of that thread's samples (perf with DWARF call graphs,
/// 10k corpus, docs/performance.md, session 18). Values handed here are released by a dispatch thread of
/// utility priority, a batch at a time, so that a hand-off costs less than the freeing it moves.
///
/// ```swift
/// let release = BackgroundRelease<Parsed>()
/// while let parsed = next() { write(parsed); release.add(parsed) }
/// release.flush()
/// ```
public final class BackgroundRelease<Value: Sendable> {
    private var pending: [Value] = []
    private let batchSize: Int
    private let queue = DispatchQueue(label: "diglot.background-release", qos: .utility)

    public init(batchSize: Int = 16) {
        precondition(batchSize > 0, "a batch holds at least one value")
        self.batchSize = batchSize
    }

    /// Keeps `value` until its batch is full, then hands the batch to the background thread.
    public func add(_ value: Value) {
        pending.append(value)
        if pending.count >= batchSize { flush() }
    }

    /// Hands what is pending to the background thread now.
    public func flush() {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending = []
        // The closure holds the only reference left: the batch is freed where the closure is, after it ran.
        queue.async { withExtendedLifetime(batch) {} }
    }

    /// Waits until every batch handed over so far has been released (for tests and for a caller that
    /// measures memory).
    public func waitUntilReleased() {
        flush()
        queue.sync {}
    }

    deinit { flush() }
}
