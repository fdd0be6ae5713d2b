import Foundation
import Testing
import DiglotKit
import DiglotModel
import DiglotPairing
import DiglotStore

/// Times `diglot pair` through the archive on a synthetic archive written with `ArchiveStore.write`: the first
/// run (every document new) and an incremental run over new arrivals, half of them renderings of archived
/// documents. Runs when DIGLOT_PAIRING_STORE_BENCHMARK=1 (DIGLOT_PAIRING_STORE_DOCUMENTS sets the archive size,
/// 50,000 by default; DIGLOT_PAIRING_STORE_ARCHIVE=PATH keeps the archive there, so a release build of
/// `diglot pair` can be timed on it); prints figures, asserts nothing about time.
@Suite struct StorePairingBenchmarkTests {
    @Test func pairingThroughTheStore() throws {
        let environment = ProcessInfo.processInfo.environment
        guard environment["DIGLOT_PAIRING_STORE_BENCHMARK"] == "1" else {
            print("store pairing benchmark skipped: set DIGLOT_PAIRING_STORE_BENCHMARK=1 to run it")
            return
        }
        let archiveSize = Int(environment["DIGLOT_PAIRING_STORE_DOCUMENTS"] ?? "") ?? 50_000
        let arrivals = max(2, archiveSize / 10)
        let archive = try StoreArchive(keeping: environment["DIGLOT_PAIRING_STORE_ARCHIVE"])
        var generator = SyntheticNews(seed: 20_220_224)
        let clock = ContinuousClock()

        let writeStart = clock.now
        var written: [Document] = []
        written.reserveCapacity(archiveSize)
        for start in stride(from: 0, to: archiveSize, by: 1_000) {
            let batch = (start..<min(archiveSize, start + 1_000)).map { generator.document($0) }
            try archive.write(batch, name: "archive-\(start)")
            written += batch
        }
        let writeSeconds = Self.seconds(clock.now - writeStart)

        let first = try PairingRunner(store: archive.store).run()
        print(String(format: "store pairing, first run over %d documents: %.2f s (written in %.2f s); %d pairs saved",
                     first.examined, first.seconds, writeSeconds, first.pairs))

        var planted: [DocumentID: DocumentID] = [:]
        var news: [Document] = []
        for k in 0..<arrivals {
            if k % 2 == 0 {
                let source = written[generator.next(below: written.count)]
                let rendering = SyntheticNews.rendering(of: source, number: archiveSize + k)
                planted[rendering.id] = source.id
                news.append(rendering)
            } else {
                news.append(generator.document(archiveSize + k))
            }
        }
        for start in stride(from: 0, to: news.count, by: 1_000) {
            try archive.write(Array(news[start..<min(news.count, start + 1_000)]), name: "arrivals-\(start)")
        }
        let second = try PairingRunner(store: archive.store).run()
        var recovered = 0
        for (rendering, original) in planted {
            let a = PairID(original: .document(original), rendering: .document(rendering))
            let b = PairID(original: .document(rendering), rendering: .document(original))
            if try archive.store.pair(a) != nil || archive.store.pair(b) != nil { recovered += 1 }
        }
        print(String(format: "store pairing, incremental run: %d new documents against %d: %.2f s; %d pairs saved, %d kept out; planted renderings paired %d/%d",
                     second.examined, archiveSize, second.seconds, second.pairs, second.keptOut, recovered, planted.count))
        let third = try PairingRunner(store: archive.store).run()
        print(String(format: "store pairing, nothing new: %.3f s", third.seconds))
        #expect(second.examined == arrivals && third.examined == 0)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
