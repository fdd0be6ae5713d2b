import Foundation

/// How the benchmark's limits time work over generated inputs: drawn `batchSize` at a time, only the work
/// timed. Drawing (generating) a million texts inside the timing would make a limit look slower than it is,
/// and holding them all at once took 1.9 GB. The plain insert, the bare index with the analysis and the
/// reading alone all go through here, so they time the same way.
public enum BatchTiming {
    /// Seconds spent in `body` for each element of `items`, the drawing of the elements left out.
    public static func seconds<Items: Sequence>(over items: Items, batchSize: Int,
                                                _ body: (Items.Element) throws -> Void) rethrows -> Double {
        precondition(batchSize > 0, "a batch holds at least one element")
        var remaining = items.makeIterator()
        var batch: [Items.Element] = []
        batch.reserveCapacity(batchSize)
        var nanoseconds: UInt64 = 0
        repeat {
            batch.removeAll(keepingCapacity: true)
            while batch.count < batchSize, let item = remaining.next() { batch.append(item) }
            let start = DispatchTime.now().uptimeNanoseconds
            for item in batch { try body(item) }
            nanoseconds += DispatchTime.now().uptimeNanoseconds - start
        } while batch.count == batchSize
        return Double(nanoseconds) / 1e9
    }
}
