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

    @Test(arguments: [0, 1, 3])
    func resultsComeInInputOrder(workers: Int) {
        var next = 0
        var generator = SystemRandomNumberGenerator()
        let delays = (0..<200).map { _ in UInt32.random(in: 0...300, using: &generator) }
        let work = ReadAhead(workers: workers, lookahead: 5, source: { () -> Int? in
            defer { next += 1 }
            return next < 200 ? next : nil
        }) { input in
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
        var next = 0
        let work = ReadAhead(workers: 3, lookahead: 4, source: { () -> Int? in
            defer { next += 1 }
            return next < 100 ? next : nil
        }) { input in
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
        var next = 0
        let work = ReadAhead(workers: 2, lookahead: 3, source: { () -> Int? in
            defer { next += 1 }
            return next < 10_000 ? next : nil
        }) { input in
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
