import Foundation
import DiglotTestSupport

/// A large directory for the kill and concurrency tests: every sample input under Samples/ (bulletins,
/// tweets, wire reports, TMX: documents, figures and pairs across files) plus generated articles, half plain
/// text and half HTML, in Ukrainian, Russian and English, each file different.
enum BulkCorpus {
    /// Writes the corpus into `folder`; returns how many files it holds.
    @discardableResult
    static func make(at folder: URL, generated count: Int, seed: Int = 0) throws -> Int {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var written = 0
        let samples = TestPaths.samples
        if let walker = FileManager.default.enumerator(at: samples, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker {
                let name = url.lastPathComponent
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                      !name.hasSuffix(".jsonl"), !name.hasSuffix(".error.txt") else { continue }
                let relative = url.path.dropFirst(samples.path.count + 1)
                let target = folder.appendingPathComponent("samples").appendingPathComponent(String(relative))
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: url, to: target)
                written += 1
            }
        }
        let generated = folder.appendingPathComponent("generated")
        try FileManager.default.createDirectory(at: generated, withIntermediateDirectories: true)
        for index in 0..<count {
            let number = seed * 1_000_000 + index
            let paragraphs = [
                "\(HostileCorpus.ukrainian) Повідомлення номер \(number).",
                "\(HostileCorpus.english) This is report number \(number) from the eastern front.",
                "\(HostileCorpus.russian) Сообщение номер \(number).",
            ]
            let first = paragraphs[index % 3], second = paragraphs[(index + 1) % 3]
            let name = String(format: "article-%d-%05d", seed, index)
            if index % 2 == 0 {
                try Data("Report \(number)\n\n\(first)\n\n\(first)\n".utf8)
                    .write(to: generated.appendingPathComponent(name + ".txt"))
            } else {
                try Data("""
                    <!DOCTYPE html><html><head><title>Report \(number)</title></head><body><article>
                    <h1>Report \(number)</h1><p>\(first)</p><p>\(second)</p><p>\(first)</p></article></body></html>
                    """.utf8).write(to: generated.appendingPathComponent(name + ".html"))
            }
            written += 1
        }
        return written
    }
}
