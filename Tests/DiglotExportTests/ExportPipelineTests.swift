import Foundation
import Testing
import DiglotExport
import DiglotModel

/// `Exporter.exportOnTwoThreads` must write what the one-thread export writes, in the same order, and stop
/// cleanly on either side's failure.
@Suite struct ExportPipelineTests {
    static let pairCount = 5_000

    struct ReadFailure: Error, Equatable {}

    @Test(arguments: ["tmx", "jsonl", "csv"])
    func writesTheSameBytesAsOneThread(format identifier: String) throws {
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        let format: any ExportFormat = switch identifier {
        case "tmx": TMXFormat.tmx(creationDate: date)
        case "jsonl": JSONLinesFormat.jsonLines()
        default: CSVFormat.csv()
        }
        let oneThread = MemorySink(), twoThreads = MemorySink()
        var next = 0
        let single = try Exporter.export(format: format, to: ExportDestination { _ in oneThread }) {
            defer { next += 1 }
            return next < Self.pairCount ? StreamingMemoryTests.synthetic(next) : nil
        }
        next = 0
        let piped = try Exporter.exportOnTwoThreads(format: format, to: ExportDestination { _ in twoThreads }) {
            defer { next += 1 }
            return next < Self.pairCount ? StreamingMemoryTests.synthetic(next) : nil
        }
        #expect(single == piped && piped.pairs == Self.pairCount)
        #expect(twoThreads.isClosed && oneThread.bytes == twoThreads.bytes)
    }

    @Test func aReaderFailureIsRethrownAndStopsTheWriter() {
        let sink = MemorySink()
        var next = 0
        #expect(throws: ReadFailure.self) {
            try Exporter.exportOnTwoThreads(format: .tmx(), to: ExportDestination { _ in sink }) {
                defer { next += 1 }
                if next == 1_000 { throw ReadFailure() }
                return StreamingMemoryTests.synthetic(next)
            }
        }
        #expect(!sink.isClosed, "the writer finished a file whose reader failed")
    }

    @Test func aWriterFailureStopsTheReader() {
        var next = 0
        #expect(throws: ExportError.self) {
            try Exporter.exportOnTwoThreads(format: .tmx(), to: ExportDestination { _ in FailingSink() }) {
                defer { next += 1 }
                return next < Self.pairCount * 10 ? StreamingMemoryTests.synthetic(next) : nil
            }
        }
        // The reader may run a few batches ahead of the failure, never to the end.
        #expect(next < Self.pairCount * 10, "the reader read all \(next) pairs after the writer had failed")
    }

    /// A disk that is full from the first write.
    final class FailingSink: ExportSink {
        func write(_ bytes: [UInt8]) throws { throw ExportError("disk full") }
        func close() throws {}
    }
}
