import Foundation
import Testing
@testable import DiglotKit

/// `ReadAhead`: results come in input order however long each takes, never more than `lookahead` ahead of
/// the caller, and a caller that stops early stops the workers.
@Suite struct ReadAheadTests {
    /// Counts results made and not yet taken, and the most there ever were.
    final class InFlight: @unchecked Sendable {
        private let lock = NSLock()
        private var current = 0
        private(set) var most = 0
        private(set) var made = 0
        func made(_ n: Int = 1) { lock.withLock { current += n; made += n; most = max(most, current) } }
        func taken() { lock.withLock { current -= 1 } }
        var count: Int { lock.withLock { made } }
    }

    /// A source giving 0, 1, … up to `count` - 1, then nil.
    static func numbers(upTo count: Int) -> () -> Int? {
        var numbers = (0..<count).makeIterator()
        return { numbers.next() }
    }

    @Test(arguments: [0, 1, 3])
    func resultsComeInInputOrder(workers: Int) {
        var generator = SystemRandomNumberGenerator()
        let delays = (0..<200).map { _ in UInt32.random(in: 0...300, using: &generator) }
        let work = ReadAhead(workers: workers, lookahead: 5, source: Self.numbers(upTo: 200)) { input in
            usleep(delays[input])
            return input * 2
        }
        var results: [Int] = []
        while let result = work.next() { results.append(result) }
        #expect(results == (0..<200).map { $0 * 2 })
        #expect(work.next() == nil, "after the last, nil again")
    }

    @Test func workersStayWithinTheLookahead() {
        let inFlight = InFlight()
        let work = ReadAhead(workers: 3, lookahead: 4, source: Self.numbers(upTo: 100)) { input in
            inFlight.made()
            return input
        }
        var taken = 0
        while let result = work.next() {
            #expect(result == taken)
            taken += 1
            usleep(200)  // a slow writer: the workers must wait for it, not run ahead
            inFlight.taken()
        }
        #expect(taken == 100)
        #expect(inFlight.most <= 4 + 1, "made ahead at most the lookahead (plus the one being taken): \(inFlight.most)")
    }

    @Test func cancellingStopsTheWorkers() {
        let inFlight = InFlight()
        let work = ReadAhead(workers: 2, lookahead: 3, source: Self.numbers(upTo: 10_000)) { input in
            inFlight.made()
            return input
        }
        #expect(work.next() == 0)
        #expect(work.next() == 1)
        work.cancel()
        #expect(work.next() == nil)
        usleep(20_000)
        let made = inFlight.count
        usleep(20_000)
        #expect(inFlight.count == made, "no work after cancel")
        #expect(made < 10, "\(made) made")
    }

    @Test func noInputsGiveNoResults() {
        let work = ReadAhead<Int, Int>(workers: 2, lookahead: 3, source: { nil }) { $0 }
        #expect(work.next() == nil)
    }
}

extension ReadAheadTests {
    /// `isNextReady` tells the import's writer whether `next` would wait for a worker (it then commits its
    /// group first).
    @Test func isNextReadySaysWhetherNextWouldWait() {
        final class Gate: @unchecked Sendable {
            let condition = NSCondition()
            var open = false
        }
        let gate = Gate()
        let work = ReadAhead(workers: 1, lookahead: 2, source: Self.numbers(upTo: 2)) { input in
            gate.condition.lock()
            while !gate.open { gate.condition.wait() }
            gate.condition.unlock()
            return input
        }
        #expect(!work.isNextReady, "the worker is held on the first input")
        gate.condition.lock()
        gate.open = true
        gate.condition.broadcast()
        gate.condition.unlock()
        let deadline = Date().addingTimeInterval(10)
        while !work.isNextReady && Date() < deadline { usleep(1_000) }
        #expect(work.isNextReady)
        #expect(work.next() == 0)
        #expect(work.next() == 1)
        #expect(work.next() == nil)
        #expect(work.isNextReady, "nothing left: next returns nil at once")
    }
}
