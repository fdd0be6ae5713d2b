import Foundation

extension Exporter {
    /// Exports the pairs `next` returns, reading them on the calling thread and writing them on another.
    ///
    /// Reading a pair (SQLite lookups, decoding the documents) and writing it (escaping, rendering the format)
    /// cost about the same, so on a machine with two cores an export of a million pairs takes little more than
    /// the larger half instead of the sum. The two threads hand over batches of pairs through a queue that holds
    /// at most a few of them, so memory stays flat whatever the size of the export, and the file is written in
    /// exactly the order `next` returns the pairs.
    ///
    /// A failure on either side stops both: when `next` throws, the writer stops where it is (the output is
    /// left incomplete, as `export(format:to:next:)` leaves it) and the error is rethrown; when the writer fails
    /// (a full disk), `next` is not called again and the writer's error is thrown.
    /// - Throws: whatever `next` throws, or `ExportError` from the writer.
    @discardableResult
    public static func exportOnTwoThreads(format: some ExportFormat, to destination: ExportDestination,
                                          next: () throws -> ExportPair?) throws -> ExportSummary {
        var batch: [ExportPair] = []
        batch.reserveCapacity(PairChannel<[ExportPair]>.batchSize)
        return try exportOnTwoThreads(format: format, to: destination, nextBatch: {
            batch.removeAll(keepingCapacity: true)
            while batch.count < PairChannel<[ExportPair]>.batchSize, let item = try next() { batch.append(item) }
            return batch.isEmpty ? nil : batch
        }, expand: { $0 })
    }

    /// Exports batches read on the calling thread (`nextBatch`, nil after the last) and turned into pairs on
    /// the writer's thread (`expand`, which may drop some).
    ///
    /// For a reader whose batches cost little to read but much to make into pairs (copied SQLite rows that
    /// become strings and records): the making moves to the writer's thread, so the two threads share the
    /// work instead of the reader doing most of it. Failures stop both threads as in
    /// `exportOnTwoThreads(format:to:next:)`.
    @discardableResult
    public static func exportOnTwoThreads<Batch: Sendable>(format: some ExportFormat, to destination: ExportDestination,
                                                           nextBatch: () throws -> Batch?,
                                                           expand: @escaping @Sendable (Batch) -> [ExportPair]) throws -> ExportSummary {
        let channel = PairChannel<Batch>(expand: expand)
        // The destination and format go to the writer thread and are never touched here again.
        let handOver = HandOver(format: format, destination: destination)
        let writer = Thread {
            let result = Result { try export(format: handOver.format, to: handOver.destination) { try channel.take() } }
            channel.finishWriting(result)
        }
        writer.stackSize = 1 << 22
        writer.start()
        do {
            while let batch = try nextBatch() {
                guard channel.put(batch) else { break }  // the writer failed: its error is thrown below
            }
            channel.close()
        } catch {
            channel.abort(error)
            _ = channel.waitForWriter()
            throw error
        }
        return try channel.waitForWriter().get()
    }
}

/// What the writer thread takes over from the caller. Unchecked: the caller gives these up when the thread
/// starts and never uses them again, so nothing is shared.
private struct HandOver<Format: ExportFormat>: @unchecked Sendable {
    let format: Format
    let destination: ExportDestination
}

/// A bounded first-in, first-out queue of batches between one reader and one writer thread; the writer
/// expands each batch into pairs as it takes it.
final class PairChannel<Batch: Sendable>: @unchecked Sendable {
    /// Pairs per hand-over: large enough that the lock is taken once per few hundred pairs.
    static var batchSize: Int { 256 }
    /// Batches waiting at most: a reader ahead of the writer waits rather than fill memory.
    static var capacity: Int { 4 }

    private let expand: @Sendable (Batch) -> [ExportPair]

    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var batches: [Batch] = []
    private var closed = false
    private var aborted: (any Error)?
    private var writerResult: Result<ExportSummary, any Error>?
    // The writer's current batch, touched only by the writer thread.
    private var current: [ExportPair] = []
    private var currentIndex = 0

    init(expand: @escaping @Sendable (Batch) -> [ExportPair]) { self.expand = expand }

    /// Queues a batch, waiting while the queue is full. False when the writer has stopped (it failed).
    func put(_ batch: Batch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= Self.capacity && writerResult == nil { condition.wait() }
        guard writerResult == nil else { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    /// No more batches will come.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The reader failed: the writer's next `take` throws `error`.
    func abort(_ error: any Error) {
        condition.lock()
        aborted = error
        condition.broadcast()
        condition.unlock()
    }

    /// The writer's next pair: nil once the reader has closed the channel and every batch is taken.
    func take() throws -> ExportPair? {
        while currentIndex >= current.count {
            condition.lock()
            while batches.isEmpty && !closed && aborted == nil { condition.wait() }
            if let aborted {
                condition.unlock()
                throw aborted
            }
            guard !batches.isEmpty else {
                condition.unlock()
                return nil
            }
            let batch = batches.removeFirst()
            condition.broadcast()
            condition.unlock()
            // Expanded outside the lock: the reader goes on reading meanwhile.
            current = expand(batch)
            currentIndex = 0
        }
        defer { currentIndex += 1 }
        return current[currentIndex]
    }

    func finishWriting(_ result: Result<ExportSummary, any Error>) {
        condition.lock()
        writerResult = result
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for the writer thread to end and returns what it wrote or why it failed.
    func waitForWriter() -> Result<ExportSummary, any Error> {
        condition.lock()
        defer { condition.unlock() }
        while writerResult == nil { condition.wait() }
        return writerResult!
    }
}
