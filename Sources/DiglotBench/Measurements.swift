import Foundation

/// Wall-clock timing and the summaries a benchmark reports.
enum Measure {
    /// Seconds taken by `body`, on the monotonic clock.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// The p-th percentile (0...100) of `samples` by nearest rank.
    static func percentile(_ samples: [Double], _ p: Double) -> Double {
        guard !samples.isEmpty else { return .nan }
        let sorted = samples.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    /// This process's peak resident set size in bytes (VmHWM), or nil off Linux.
    static func peakResidentBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = line.split(separator: " ").compactMap { Int($0) }.first
            return kb.map { $0 * 1024 }
        }
        return nil
    }

    /// Starts the peak above (`VmHWM`) again from the current resident size, so that a size's import peak is
    /// its own and not what an earlier size's stages held (Linux: "5" written to `/proc/self/clear_refs`).
    /// Returns false where that is not possible; the peak then stays the process's.
    @discardableResult
    static func resetPeakResident() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        return (try? handle.write(contentsOf: Data("5".utf8))) != nil
    }

    /// Bytes used on disk by a file and its WAL/SHM companions.
    static func fileBytes(_ path: String) -> Int {
        [path, path + "-wal", path + "-shm"].reduce(0) { total, p in
            // The size comes back as an NSNumber (UInt64) on Linux, which `as? Int` does not match.
            total + ((try? FileManager.default.attributesOfItem(atPath: p)[.size] as? NSNumber)?.intValue ?? 0)
        }
    }
}
