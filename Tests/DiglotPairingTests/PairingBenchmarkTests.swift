import Foundation
import Testing
import DiglotPairing

/// Runs the pairing benchmark at a small scale on every test run (it must find what it planted) and at full
/// scale (10,000 new against 1,000,000) when DIGLOT_PAIRING_BENCHMARK=full. Times are printed, never asserted.
@Suite struct PairingBenchmarkTests {
    @Test func benchmarkFindsPlantedRenderings() {
        let full = ProcessInfo.processInfo.environment["DIGLOT_PAIRING_BENCHMARK"] == "full"
        let report = full ? PairingBenchmark.run() : PairingBenchmark.run(newDocuments: 400, archiveDocuments: 20_000)
        print(report)
        #expect(report.plantedRecall >= 0.95)
    }
}
