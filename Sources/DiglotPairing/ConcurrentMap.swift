import Foundation

/// `map` spread over the machine's cores, keeping the input order.
enum ConcurrentMap {
    static func map<T: Sendable, R: Sendable>(_ input: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard input.count > 1 else { return input.map(transform) }
        let results = ResultBuffer<R>(count: input.count)
        let chunks = min(input.count, max(1, ProcessInfo.processInfo.activeProcessorCount * 4))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let lower = input.count * chunk / chunks, upper = input.count * (chunk + 1) / chunks
            var local: [R] = []
            local.reserveCapacity(upper - lower)
            for i in lower..<upper { local.append(transform(input[i])) }
            results.store(local, at: lower)
        }
        return results.values
    }
}

/// Collects results written from several threads, each into its own range.
private final class ResultBuffer<R: Sendable>: @unchecked Sendable {
    private var slots: [R?]
    private let lock = NSLock()

    init(count: Int) { slots = [R?](repeating: nil, count: count) }

    func store(_ values: [R], at offset: Int) {
        lock.lock()
        defer { lock.unlock() }
        for (k, value) in values.enumerated() { slots[offset + k] = value }
    }

    var values: [R] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
