import Foundation

// Placeholder driver until the harness lands: prints a corpus summary for a quick look.
let reference = URL(fileURLWithPath: "../shared/reference/general-staff")
var rng = SeededGenerator(seed: 1)
let figures = (try? DailyFigures.load(from: reference)) ?? DailyFigures.synthetic(days: 400, generator: &rng)
var inputs = 0, documents = 0, bytes = 0
for input in CorpusGenerator(targetDocuments: 10_000, seed: 42, figures: figures) {
    inputs += 1; documents += input.expectedDocuments; bytes += input.bytes.count
}
print("days \(figures.days.count) inputs \(inputs) documents \(documents) bytes \(bytes)")
