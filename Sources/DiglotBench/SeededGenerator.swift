import DiglotPairing

/// The bench's seeded generator: DiglotPairing's SplitMix64, so the same seed always yields the same corpus.
typealias SeededGenerator = SplitMix64

extension SplitMix64 {
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }

    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }
}
