import Foundation
import Testing

/// Issue 9 through the built `diglot` binary: a subset of the hostile corpus imported by a child process
/// whose peak memory is sampled from /proc (see `ChildProcess`), and the limit flags (`--max-file-size`, `--max-depth`,
/// `--max-entity-expansion`) doing what they say.
@Suite(.serialized)
struct BinaryHostileTests {
    /// Inputs whose danger is memory or time: each must end (exit 0 or 1, never a signal) within the
    /// limit, print valid JSON, name the file on stderr, and stay under `memoryBoundMiB`.
    ///
    /// The two 20 MB single-line files are left to the in-process pipeline test: one paragraph of 20 MB imports at
    /// about 10 s per MB even in a release build (130 s measured), so through a debug binary on a loaded machine it
    /// overran the time limit. That slowness is a known hot spot (per-scalar Unicode property lookups and
    /// Foundation string search over one huge paragraph), not a hang.
    static let subset = ["billion-laughs.xml", "quadratic-blowup.xml", "xxe-file.xml", "xxe-url.xml", "nested-50000.xml",
                         "nested-50000.html", "unclosed-50000.html", "random.bin", "random.html", "nul-bytes.txt",
                         "uk-koi8-u.txt", "huge-text-node.xml"]
    static let memoryBoundMiB = 1536.0

    @Test(.timeLimit(.minutes(20)))
    func hostileInputsThroughTheBinaryEndCleanlyInBoundedMemory() throws {
        let corpus = try HostileCorpus(large: true)
        let archive = corpus.folder.appendingPathComponent("binary.sqlite").path
        var rows: [String] = []
        var paths = Self.subset.map { corpus.input.appendingPathComponent($0).path }
        paths += ["/dev/zero", corpus.input.appendingPathComponent("symlink-loop").path,
                  corpus.input.appendingPathComponent("odd-names").path, corpus.input.appendingPathComponent("named-pipe").path]
        for path in paths {
            let run = try ChildProcess.run(["import", "--json", "--archive", archive, path], in: corpus.folder, timeLimit: 300)
            let name = (path as NSString).lastPathComponent
            #expect(run.signal == nil && !run.timedOut, "\(name): \(run) \(run.stderr.suffix(800))")
            #expect(run.exitStatus == 0 || run.exitStatus == 1, "\(name): \(run) \(run.stderr.suffix(800))")
            #expect(run.peakMemoryMiB < Self.memoryBoundMiB, "\(name): peak \(Int(run.peakMemoryMiB)) MiB")
            let summary = try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            #expect(summary != nil, "\(name): stdout is not one JSON object: \(run.stdout.prefix(300))")
            for line in run.stderr.split(separator: "\n") where !line.hasPrefix("diglot: ") && !line.isEmpty {
                // libxml2's own encoding warnings are the only other lines allowed, never a backtrace.
                #expect(!line.contains("Fatal error") && !line.contains("Backtrace"), "\(name): \(line)")
            }
            if run.exitStatus == 1 {
                #expect(run.stderr.contains(name) || run.stderr.contains("odd-names"), "\(name): the error does not name it: \(run.stderr.prefix(400))")
            }
            let outcome = run.exitStatus == 0 ? "exit 0" : "exit 1: " + (run.stderr.split(separator: "\n").first.map { String($0.suffix(110)) } ?? "")
            rows.append("| \(name.replacingOccurrences(of: "\n", with: "⏎")) | \(outcome.replacingOccurrences(of: "|", with: "/")) | \(String(format: "%.1f", run.seconds)) | \(Int(run.peakMemoryMiB)) |")
        }
        let verify = try ChildProcess.run(["verify", "--archive", archive], in: corpus.folder)
        #expect(verify.exitStatus == 0, "\(verify.stdout)")
        let leaks = try ArchiveInspector(path: archive).occurrences(of: corpus.secretMarker)
        #expect(leaks.isEmpty, "the secret reached the archive: \(leaks)")
        #expect(corpus.listener.connectionsSoFar() == 0)
        print((["", "Hostile inputs through the diglot binary", "| input | ended | s | peak MiB |", "|---|---|---|---|"] + rows)
            .joined(separator: "\n"))
    }

    @Test func theLimitFlagsAreHonouredAndChecked() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diglot-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = folder.appendingPathComponent("limits.sqlite").path
        let page = folder.appendingPathComponent("page.html")
        try Data("<html><head><title>Shelling</title></head><body>\(String(repeating: "<div>", count: 40))<p>\(HostileCorpus.english) \(HostileCorpus.english)</p>\(String(repeating: "</div>", count: 40))</body></html>".utf8).write(to: page)
        let feed = folder.appendingPathComponent("entities.xml")
        try Data("""
            <?xml version="1.0"?>
            <!DOCTYPE rss [ <!ENTITY gs "General Staff of the Armed Forces of Ukraine"> ]>
            <rss version="2.0"><channel><title>Wire</title><link>https://example.org/</link><description>Wire feed</description>
            <item><title>The &gs; reports losses</title><link>https://example.org/a</link><pubDate>Tue, 01 Mar 2022 10:00:00 GMT</pubDate>
            <description>KYIV, March 1 (Wire) - The &gs; said on Tuesday that Russian forces had lost more tanks overnight. &gs;.</description></item></channel></rss>
            """.utf8).write(to: feed)

        let tooBig = try ChildProcess.run(["import", "--archive", archive, "--max-file-size", "100", page.path], in: folder)
        #expect(tooBig.exitStatus == 1 && tooBig.stderr.contains("page.html") && tooBig.stderr.contains("limit of 100 bytes"), "\(tooBig.stderr)")
        let tooDeep = try ChildProcess.run(["import", "--archive", archive, "--max-depth", "20", page.path], in: folder)
        #expect(tooDeep.exitStatus == 1 && tooDeep.stderr.contains("page.html") && tooDeep.stderr.contains("deeper than 20 levels"), "\(tooDeep.stderr)")
        let tooExpanded = try ChildProcess.run(["import", "--archive", archive, "--max-entity-expansion", "60", feed.path], in: folder)
        #expect(tooExpanded.exitStatus == 1 && tooExpanded.stderr.contains("entities.xml") && tooExpanded.stderr.contains("more than 60 bytes"), "\(tooExpanded.stderr)")
        let nonsense = try ChildProcess.run(["import", "--archive", archive, "--max-file-size", "0", page.path], in: folder)
        #expect(nonsense.exitStatus == 64, "\(nonsense)")

        let defaults = try ChildProcess.run(["import", "--json", "--archive", archive, page.path, feed.path], in: folder)
        #expect(defaults.exitStatus == 0, "the defaults accept both: \(defaults.stderr)")
        let help = try ChildProcess.run(["import", "--help"], in: folder)
        for flag in ["--max-file-size", "--max-depth", "--max-entity-expansion"] { #expect(help.stdout.contains(flag)) }
    }
}
