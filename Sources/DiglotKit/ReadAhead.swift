import Foundation

/// Transforms a stream of inputs on worker threads while the caller takes the results one by one, in the order
/// of the inputs.
///
/// Why: importing a file is reading and parsing it (no archive involved) and then writing it (one SQLite writer).
/// Parsing the next files on other cores while the caller writes the current one makes an import take about the
/// larger of the two halves instead of their sum.
///
/// `source` is called with the lock held, one input at a time, in order, so it need not be thread-safe (a
/// generator, an iterator over paths). At most `lookahead` results are made ahead of the caller, so memory stays
/// bounded whatever the number of inputs. With no worker (`workers` 0) each input is transformed in `next`.
///
/// ```swift
/// let work = ReadAhead(workers: 1, lookahead: 4, source: { paths.popLast() }, transform: { parse($0) })
/// while let parsed = work.next() { write(parsed) }
/// ```
final class ReadAhead<Input: Sendable, Output: Sendable>: @unchecked Sendable {
    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var source: () -> Input?
    private var ready: [Int: Output] = [:]
    /// Inputs taken from `source` so far; an input's number is its position.
    private var claimed = 0
    /// Results handed to the caller so far.
    private var consumed = 0
    private var exhausted = false
    private var cancelled = false

    private let transform: @Sendable (Input) -> Output
    private let lookahead: Int
    private let workers: Int

    init(workers: Int, lookahead: Int, source: @escaping () -> Input?, transform: @escaping @Sendable (Input) -> Output) {
        self.source = source
        self.transform = transform
        self.workers = max(0, workers)
        self.lookahead = max(1, lookahead)
        for _ in 0..<self.workers {
            let thread = Thread { [self] in work() }
            thread.stackSize = 1 << 23
            thread.start()
        }
    }

    /// The next result in input order, or nil after the last. Waits while a worker is still on it.
    func next() -> Output? {
        if workers == 0 {
            condition.lock()
            let input = cancelled ? nil : source()
            condition.unlock()
            return input.map(transform)
        }
        condition.lock()
        defer { condition.unlock() }
        if cancelled { return nil }
        while ready[consumed] == nil {
            if cancelled || (exhausted && consumed == claimed) { return nil }
            condition.wait()
        }
        let output = ready.removeValue(forKey: consumed)
        consumed += 1
        condition.broadcast()
        return output
    }

    /// Whether `next` would return at once: the next result is made, or there is none left (or no worker, and
    /// `next` transforms the input itself).
    var isNextReady: Bool {
        guard workers > 0 else { return true }
        condition.lock()
        defer { condition.unlock() }
        return cancelled || ready[consumed] != nil || (exhausted && consumed == claimed)
    }

    /// Stops the workers after the inputs they are on; `next` returns nil from now on. Needed only when the
    /// caller stops before the last result (workers otherwise wait for it to catch up).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        condition.lock()
        while true {
            while !cancelled && !exhausted && claimed - consumed >= lookahead { condition.wait() }
            guard !cancelled, !exhausted else { break }
            guard let input = source() else {
                exhausted = true
                condition.broadcast()
                break
            }
            let index = claimed
            claimed += 1
            condition.unlock()
            let output = transform(input)
            condition.lock()
            ready[index] = output
            condition.broadcast()
        }
        condition.unlock()
    }
}
