import Foundation
import DiglotModel

/// Times `PairingEngine.findPairs` on synthetic candidates: a large archive and a batch of new documents, half of
/// which are renderings of archive documents (same figures and names, the other language, a day apart).
///
/// The archive's signatures are generated directly, as the store would read them from its tables; the engine's
/// work (blocking, scoring, assignment) is what is timed. A benchmark prints figures; it asserts nothing.
///
/// ```swift
/// print(PairingBenchmark.run(newDocuments: 10_000, archiveDocuments: 1_000_000))
/// ```
public enum PairingBenchmark {
    public struct Report: Sendable, CustomStringConvertible {
        public var newDocuments: Int
        public var archiveDocuments: Int
        public var generationSeconds: Double
        public var indexSeconds: Double
        public var pairingSeconds: Double
        /// Time to compute the signatures of `newDocuments` bulletin-sized Ukrainian texts (the per-arrival cost the
        /// synthetic signatures above leave out).
        public var signatureSeconds: Double
        public var signaturesComputed: Int
        public var pairsFound: Int
        /// Share of the planted renderings found with their own original.
        public var plantedRecall: Double

        public var description: String {
            String(format: "pairing %d new documents against %d: %.2f s (index built in %.2f s, data generated in %.2f s); %d pairs, planted recall %.3f; signatures of %d real-sized texts: %.2f s",
                   newDocuments, archiveDocuments, pairingSeconds, indexSeconds, generationSeconds, pairsFound, plantedRecall,
                   signaturesComputed, signatureSeconds)
        }
    }

    /// Generates the data, builds an `InMemoryCandidateIndex` and times one `findPairs` call (without alignment).
    public static func run(newDocuments: Int = 10_000, archiveDocuments: Int = 1_000_000, days: Int = 1_500,
                           seed: UInt64 = 20_220_224) -> Report {
        var random = SplitMix64(seed: seed)
        let firstDay = 19_047  // 2022-02-25
        let clock = ContinuousClock()
        let generationStart = clock.now
        var archive: [PairingCandidate] = []
        archive.reserveCapacity(archiveDocuments + newDocuments)
        for i in 0..<archiveDocuments {
            archive.append(candidate(i, language: i % 2 == 0 ? .ukrainian : .english,
                                     day: firstDay + Int(random.next() % UInt64(days)),
                                     signature: randomSignature(&random)))
        }
        var arrivals: [PairingCandidate] = []
        var planted: [DocumentID: DocumentID] = [:]
        for k in 0..<newDocuments {
            let id = archiveDocuments + k
            if k % 2 == 0 {
                let source = archive[Int(random.next() % UInt64(archiveDocuments))]
                let rendering = candidate(id, language: source.language == .english ? .ukrainian : .english,
                                          day: (source.day ?? firstDay) + Int(random.next() % 2),
                                          signature: CandidateSignature(
                                            numbers: source.signature.numbers, names: source.signature.names,
                                            glossary: source.signature.glossary,
                                            length: Int(Double(source.signature.length) * 1.08)))
                planted[rendering.id] = source.id
                arrivals.append(rendering)
            } else {
                arrivals.append(candidate(id, language: k % 4 == 1 ? .english : .ukrainian,
                                          day: firstDay + Int(random.next() % UInt64(days)),
                                          signature: randomSignature(&random)))
            }
        }
        let generationSeconds = seconds(clock.now - generationStart)
        let indexStart = clock.now
        let index = InMemoryCandidateIndex(archive + arrivals)
        let indexSeconds = seconds(clock.now - indexStart)
        let engine = PairingEngine(configuration: .init(alignsAndChecks: false))
        let pairingStart = clock.now
        let pairs = engine.findPairs(new: arrivals, pool: index)
        let pairingSeconds = seconds(clock.now - pairingStart)
        let texts = (0..<newDocuments).map { _ in bulletinText(&random) }
        let signatureStart = clock.now
        let signatures = ConcurrentMap.map(texts) { CandidateSignature(title: nil, text: $0, language: .ukrainian) }
        let signatureSeconds = seconds(clock.now - signatureStart)
        var found = 0
        for pair in pairs {
            if planted[pair.rendering] == pair.original || planted[pair.original] == pair.rendering { found += 1 }
        }
        return Report(newDocuments: newDocuments, archiveDocuments: archiveDocuments,
                      generationSeconds: generationSeconds, indexSeconds: indexSeconds,
                      pairingSeconds: pairingSeconds, signatureSeconds: signatureSeconds, signaturesComputed: signatures.count, pairsFound: pairs.count,
                      plantedRecall: planted.isEmpty ? 1 : Double(found) / Double(planted.count))
    }

    /// A General Staff bulletin with random figures, the commonest arrival.
    private static func bulletinText(_ random: inout SplitMix64) -> String {
        let labels = ["особового складу", "танків", "бойових броньованих машин", "артилерійських систем", "РСЗВ",
                      "засоби ППО", "літаків", "гелікоптерів", "БпЛА оперативно-тактичного рівня", "крилаті ракети",
                      "кораблі / катери", "автомобільної техніки та автоцистерн", "спеціальна техніка"]
        var lines = ["Загальні бойові втрати противника з 24.02.22 по \(1 + random.next() % 28).0\(1 + random.next() % 9).24 орієнтовно склали:"]
        for label in labels { lines.append("\(label) ‒ \(random.next() % 500_000) (+\(random.next() % 900)),") }
        lines.append("Дані уточнюються. Бий окупанта! Разом переможемо!")
        return lines.joined(separator: "\n")
    }

    private static func candidate(_ n: Int, language: LanguageTag, day: Int, signature: CandidateSignature) -> PairingCandidate {
        PairingCandidate(id: DocumentID(rawValue: "d" + String(n)), language: language, kind: .article,
                         published: PublishedDate(instant: Date(timeIntervalSince1970: Double(day) * 86_400), precision: .day),
                         text: "", signature: signature)
    }

    /// A plausible signature: a dozen figures, a few names, several glossary concepts, a news-sized length.
    private static func randomSignature(_ random: inout SplitMix64) -> CandidateSignature {
        let numbers = (0..<12).map { _ in Int(random.next() % 2_000_000) * 10 }
        let names = (0..<3).map { _ in "name" + String(random.next() % 50_000) }
        let glossary = (0..<6).map { _ in Int(random.next() % 420) }
        return CandidateSignature(numbers: numbers, names: names, glossary: glossary, length: 300 + Int(random.next() % 3_000))
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// A small, fast, seedable generator (Steele, Lea and Flood's SplitMix64) so benchmark data is the same every run.
/// The one generator of the project's benchmarks and generated test inputs (both call it `SeededGenerator`).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
