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
    ///
    /// The value is taken over (`consuming`): a caller that still held a reference after the hand-off could be
    /// the last to let go, when the background thread ran first, and free it on its own thread after all. Pass
    /// a local with `consume`, or a copy whose original is already gone.
    public func add(_ value: consuming Value) {
        pending.append(consume value)
        if pending.count >= batchSize { flush() }
    }

    /// Hands what is pending to the background thread now.
    public func flush() {
        guard !pending.isEmpty else { return }
        // The batch's one strong reference is the unmanaged one the closure gives up: with a plain capture, the
        // caller's own reference could be the last to go (when the queue ran first) and free it here after all.
        let batch = Unmanaged.passRetained(Batch(values: pending))
        pending = []
        queue.async { batch.release() }
    }

    /// The values of one hand-off, in one object so that exactly one reference owns them.
    private final class Batch: Sendable {
        let values: [Value]
        init(values: [Value]) { self.values = values }
    }

    /// Waits until every batch handed over so far has been released (for tests and for a caller that
    /// measures memory).
    public func waitUntilReleased() {
        flush()
        queue.sync {}
    }

    deinit { flush() }
}
