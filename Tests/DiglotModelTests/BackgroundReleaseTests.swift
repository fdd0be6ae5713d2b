import Foundation
import Synchronization
import Testing
import DiglotModel

/// `BackgroundRelease` frees what it is handed on another thread, a batch at a time, and loses nothing.
@Suite struct BackgroundReleaseTests {
    /// Records the thread each value was freed on.
    final class Freed: Sendable {
        let threads = Mutex<[UInt]>([])
        func record() { threads.withLock { $0.append(UInt(bitPattern: Int(bitPattern: pthread_self()))) } }
        var count: Int { threads.withLock { $0.count } }
    }

    final class Tracked: Sendable {
        let freed: Freed
        init(_ freed: Freed) { self.freed = freed }
        deinit { freed.record() }
    }

    static var currentThread: UInt { UInt(bitPattern: Int(bitPattern: pthread_self())) }

    @Test func valuesAreFreedOffTheCallersThreadInBatches() {
        let freed = Freed()
        let release = BackgroundRelease<Tracked>(batchSize: 4)
        for _ in 0..<3 { release.add(Tracked(freed)) }
        // A batch not yet full is kept: nothing freed so far.
        Thread.sleep(forTimeInterval: 0.05)
        #expect(freed.count == 0)
        for _ in 0..<6 { release.add(Tracked(freed)) }
        release.waitUntilReleased()
        #expect(freed.count == 9)
        let caller = Self.currentThread
        #expect(freed.threads.withLock { $0.allSatisfy { $0 != caller } })
    }

    /// One value a batch, handed over thousands of times: the background thread often runs before `flush`
    /// returns, and the value must still be freed there, never by the caller letting go of its own reference.
    @Test func nothingIsFreedOnTheCallersThreadEvenWhenTheQueueRunsFirst() {
        let freed = Freed()
        let release = BackgroundRelease<Tracked>(batchSize: 1)
        for _ in 0..<5_000 { release.add(Tracked(freed)) }
        release.waitUntilReleased()
        #expect(freed.count == 5_000)
        let caller = Self.currentThread
        #expect(freed.threads.withLock { $0.filter { $0 == caller }.count } == 0)
    }

    @Test func whatIsPendingIsFreedWhenTheReleaseGoesAway() {
        let freed = Freed()
        do {
            let release = BackgroundRelease<Tracked>(batchSize: 100)
            release.add(Tracked(freed))
            release.add(Tracked(freed))
        }
        // The release's own queue is gone with it; wait for the frees on a deadline, not forever.
        let deadline = Date().addingTimeInterval(5)
        while freed.count < 2 && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(freed.count == 2)
    }

    @Test func manyValuesFromAWriterLikeLoop() {
        let freed = Freed()
        let release = BackgroundRelease<[Tracked]>()
        for round in 0..<500 { release.add((0..<(round % 5)).map { _ in Tracked(freed) }) }
        release.waitUntilReleased()
        #expect(freed.count == (0..<500).reduce(0) { $0 + $1 % 5 })
    }
}
