import Foundation
import Testing
import DiglotKit
import DiglotModel
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
        var random = Generator(seed: 20_220_224)
        let clock = ContinuousClock()

        let writeStart = clock.now
        var written: [Document] = []
        written.reserveCapacity(archiveSize)
        for start in stride(from: 0, to: archiveSize, by: 1_000) {
            let batch = (start..<min(archiveSize, start + 1_000)).map { Self.document($0, &random) }
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
                let source = written[Int(random.next() % UInt64(written.count))]
                let rendering = Self.rendering(of: source, index: archiveSize + k)
                planted[rendering.id] = source.id
                news.append(rendering)
            } else {
                news.append(Self.document(archiveSize + k, &random))
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

    static let places = ["Kharkiv", "Odesa", "Bakhmut", "Zaporizhzhia", "Kherson", "Mykolaiv", "Sumy", "Chernihiv",
                         "Dnipro", "Lviv", "Poltava", "Izium", "Kupiansk", "Avdiivka", "Vuhledar", "Pokrovsk"]
    static let placesUK = ["Харків", "Одеса", "Бахмут", "Запоріжжя", "Херсон", "Миколаїв", "Суми", "Чернігів",
                           "Дніпро", "Львів", "Полтава", "Ізюм", "Куп'янськ", "Авдіївка", "Вугледар", "Покровськ"]

    /// A short news item with figures and place names, Ukrainian or English, on a day in 2022–2025.
    static func document(_ n: Int, _ random: inout Generator) -> Document {
        let english = n % 2 == 1
        let day = 19_047 + Int(random.next() % 1_400)
        let a = Int(random.next() % 9_000) + 1_000, b = Int(random.next() % 900) + 100, c = Int(random.next() % 60) + 2
        let p = Int(random.next() % UInt64(places.count)), q = Int(random.next() % UInt64(places.count))
        let text = english
            ? "Air defence forces near \(places[p]) destroyed \(c) drones overnight. Officials in \(places[q]) said \(a) residents were evacuated and \(b) buildings were damaged."
            : "Сили ППО поблизу міста \(placesUK[p]) знищили \(c) дронів за ніч. Посадовці міста \(placesUK[q]) повідомили, що евакуйовано \(a) мешканців і пошкоджено \(b) будівель."
        return Document(id: DocumentID(naturalKey: "bench:\(n)"), kind: .article, language: english ? .english : .ukrainian,
                        published: PublishedDate(instant: Date(timeIntervalSince1970: Double(day) * 86_400), precision: .day),
                        text: text)
    }

    /// The other language's version of a synthetic document, published the next day.
    static func rendering(of source: Document, index: Int) -> Document {
        var text = source.text
        if source.language == .english {
            text = text.replacingOccurrences(of: "Air defence forces near ", with: "Сили ППО поблизу міста ")
                .replacingOccurrences(of: " destroyed ", with: " знищили ").replacingOccurrences(of: " drones overnight. Officials in ", with: " дронів за ніч. Посадовці міста ")
                .replacingOccurrences(of: " said ", with: " повідомили, що евакуйовано ").replacingOccurrences(of: " residents were evacuated and ", with: " мешканців і пошкоджено ")
                .replacingOccurrences(of: " buildings were damaged.", with: " будівель.")
            for (en, uk) in zip(places, placesUK) { text = text.replacingOccurrences(of: en, with: uk) }
        } else {
            text = text.replacingOccurrences(of: "Сили ППО поблизу міста ", with: "Air defence forces near ")
                .replacingOccurrences(of: " знищили ", with: " destroyed ").replacingOccurrences(of: " дронів за ніч. Посадовці міста ", with: " drones overnight. Officials in ")
                .replacingOccurrences(of: " повідомили, що евакуйовано ", with: " said ").replacingOccurrences(of: " мешканців і пошкоджено ", with: " residents were evacuated and ")
                .replacingOccurrences(of: " будівель.", with: " buildings were damaged.")
            for (en, uk) in zip(places, placesUK) { text = text.replacingOccurrences(of: uk, with: en) }
        }
        let published = source.published.map { PublishedDate(instant: $0.instant.addingTimeInterval(86_400), precision: .day) }
        return Document(id: DocumentID(naturalKey: "bench:\(index)"), kind: .article,
                        language: source.language == .english ? .ukrainian : .english, published: published, text: text)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// SplitMix64, so the synthetic archive is the same every run.
    struct Generator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
