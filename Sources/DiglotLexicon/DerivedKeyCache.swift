import Foundation
import DiglotModel

/// Keys derived from a bundled table (the names table's phonetic keys, the glossary's term stems), kept on disk
/// between processes.
///
/// Deriving them means romanising and folding every form of every entry: about two thirds of a `diglot search`
/// process's instructions went there before this cache, for keys that only change when the table or the
/// program does. The cache file is named by a fingerprint of the table's text, the derivation's `version` and
/// the running executable (its size and modification time), so editing `Locales/data`, changing the
/// derivation or rebuilding all miss the cache and derive afresh; a file of the wrong length is ignored.
/// Anything that goes wrong (no writable cache folder, a half-written file) falls back to deriving: the cache
/// can make a process faster, never different.
///
/// Location: `DIGLOT_CACHE_DIR`, else `$XDG_CACHE_HOME/diglot`, else `~/.cache/diglot`; `DIGLOT_CACHE_DIR=off`
/// disables it.
enum DerivedKeyCache {
    /// The derived lines for `resource`: read from the cache when it holds `expectedCount` lines for this
    /// fingerprint, otherwise `derive()`d and written for the next process.
    static func lines(resource: String, text: String, version: Int, expectedCount: Int, in folder: URL? = folder(),
                      derive: () -> [String]) -> [String] {
        guard let folder else { return derive() }
        let fingerprint = SHA256.hex(of: Data((text + "\u{1F}\(version)\u{1F}" + executableStamp()).utf8)).prefix(24)
        let file = folder.appendingPathComponent("\(resource)-\(fingerprint).keys")
        if let data = try? Data(contentsOf: file) {
            let lines = splitLines(data)
            // A complete file ends with a newline, so it splits into the lines plus one empty tail.
            if lines.count == expectedCount + 1, lines.last == "" { return Array(lines.dropLast()) }
        }
        let derived = derive()
        guard derived.count == expectedCount, !derived.contains(where: { $0.contains("\n") }) else { return derived }
        store(derived, at: file, replacingOthersOf: resource, in: folder)
        return derived
    }

    /// `data` split at every LF, empty pieces kept, each piece decoded as UTF-8: as `Data.split` and
    /// `String(decoding:)` would, over the bytes in place (the generic split was half of reading the cache).
    static func splitLines(_ data: Data) -> [String] {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> [String] in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lines: [String] = []
            var start = 0
            for (offset, byte) in bytes.enumerated() where byte == 0x0A {
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self))
                start = offset + 1
            }
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return lines
        }
    }

    /// The cache folder, created if needed; nil when disabled or not writable.
    static func folder() -> URL? {
        let environment = ProcessInfo.processInfo.environment
        let base: URL
        if let explicit = environment["DIGLOT_CACHE_DIR"], !explicit.isEmpty {
            if explicit == "off" { return nil }
            base = URL(fileURLWithPath: explicit)
        } else if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            base = URL(fileURLWithPath: xdg).appendingPathComponent("diglot")
        } else if let home = environment["HOME"], !home.isEmpty {
            base = URL(fileURLWithPath: home).appendingPathComponent(".cache/diglot")
        } else {
            return nil
        }
        do {
            try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
            return base
        } catch {
            return nil
        }
    }

    /// Size and modification time of the running executable: a rebuilt program never reads an older one's keys.
    static func executableStamp() -> String {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "unknown-executable" }
        return "\(info.st_size)-\(info.st_mtim.tv_sec)-\(info.st_mtim.tv_nsec)"
    }

    /// How many fingerprints of one resource are kept (a debug and a release build, tests, an older binary).
    static let keptPerResource = 4

    /// Writes the lines atomically (a temporary file renamed into place, so a concurrent reader sees all or
    /// nothing) and removes the resource's oldest files beyond `keptPerResource`.
    private static func store(_ lines: [String], at file: URL, replacingOthersOf resource: String, in folder: URL) {
        let temporary = folder.appendingPathComponent(".\(resource)-\(UUID().uuidString).tmp")
        let data = Data(lines.map { $0 + "\n" }.joined().utf8)
        guard (try? data.write(to: temporary)) != nil else { return }
        if rename(temporary.path, file.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            return
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasPrefix("\(resource)-") && $0.hasSuffix(".keys") }
        guard names.count > keptPerResource else { return }
        let dated = names.map { name -> (name: String, date: Date) in
            let url = folder.appendingPathComponent(name)
            return (name, (try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? .distantPast)
        }.sorted { $0.date < $1.date }
        for old in dated.prefix(names.count - keptPerResource) where old.name != file.lastPathComponent {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(old.name))
        }
    }
}
