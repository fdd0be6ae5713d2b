import Foundation

/// `map` spread over the machine's cores, keeping the input order: signatures and alignments of a pairing round
/// are independent of one another.
enum ConcurrentWork {
    static func map<T: Sendable, R: Sendable>(_ input: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard input.count > 1 else { return input.map(transform) }
        let slots = Slots<R>(count: input.count)
        let chunks = min(input.count, ProcessInfo.processInfo.activeProcessorCount * 4)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let lower = input.count * chunk / chunks, upper = input.count * (chunk + 1) / chunks
            slots.store((lower..<upper).map { transform(input[$0]) }, at: lower)
        }
        return slots.values
    }
}

/// Results written from several threads, each into its own range.
private final class Slots<R: Sendable>: @unchecked Sendable {
    private var values_: [R?]
    private let lock = NSLock()

    init(count: Int) { values_ = [R?](repeating: nil, count: count) }

    func store(_ values: [R], at offset: Int) {
        lock.lock()
        defer { lock.unlock() }
        for (k, value) in values.enumerated() { values_[offset + k] = value }
    }

    var values: [R] {
        lock.lock()
        defer { lock.unlock() }
        return values_.compactMap { $0 }
    }
}
