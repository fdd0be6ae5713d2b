#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One directory's entries, sorted by name, read with `readdir`.
///
/// Foundation's listing made a `String` of every name and the walk then asked `attributesOfItem` (an `lstat`
/// and a dictionary) of every file: for a folder of 477,502 files that took 6-10 s and about 40 MB before the first
/// file was read. `readdir` gives each entry's type with its name on the file systems in use (ext4, xfs, btrfs,
/// tmpfs), so the walk needs no call per file; where it says "unknown", one `lstat` asks.
struct DirectoryListing {
    enum Kind: Equatable {
        case directory, regularFile, symbolicLink, other
    }

    struct Entry {
        fileprivate let nameStart: Int
        fileprivate let nameLength: Int
        let kind: Kind
    }

    private var names: [UInt8] = []
    /// Sorted by their names' bytes (the order of Unicode scalars for UTF-8 names).
    private(set) var entries: [Entry] = []

    /// Reads `path`; nil when it cannot be opened as a directory.
    init?(path: String) {
        guard let stream = opendir(path) else { return nil }
        defer { closedir(stream) }
        while let record = readdir(stream) {
            let (start, length) = withUnsafeBytes(of: record.pointee.d_name) { raw -> (Int, Int) in
                let length = strnlen(raw.baseAddress!.assumingMemoryBound(to: CChar.self), raw.count)
                if length == 1 && raw[0] == UInt8(ascii: ".") || length == 2 && raw[0] == UInt8(ascii: ".") && raw[1] == UInt8(ascii: ".") {
                    return (0, 0)
                }
                let start = names.count
                names.append(contentsOf: raw.prefix(length))
                return (start, length)
            }
            guard length > 0 else { continue }
            let kind: Kind
            switch Int32(record.pointee.d_type) {
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_REG): kind = .regularFile
            case Int32(DT_LNK): kind = .symbolicLink
            case Int32(DT_UNKNOWN): kind = Self.kind(ofPath: path, name: names[start ..< start + length])
            default: kind = .other
            }
            entries.append(Entry(nameStart: start, nameLength: length, kind: kind))
        }
        names.withUnsafeBufferPointer { bytes in
            entries.sort { left, right in
                let common = min(left.nameLength, right.nameLength)
                let order = memcmp(bytes.baseAddress! + left.nameStart, bytes.baseAddress! + right.nameStart, common)
                return order != 0 ? order < 0 : left.nameLength < right.nameLength
            }
        }
    }

    /// The entry's name as bytes (any bytes but "/" and NUL: not always UTF-8).
    func nameBytes(_ entry: Entry) -> ArraySlice<UInt8> {
        names[entry.nameStart ..< entry.nameStart + entry.nameLength]
    }

    /// Whether the name's bytes are UTF-8, without making a string of them (the walk asks of every file).
    func isUTF8(_ entry: Entry) -> Bool {
        !transcode(nameBytes(entry).makeIterator(), from: UTF8.self, to: UTF32.self, stoppingOnError: true, into: { _ in })
    }

    /// The name as a string (the name itself when `isUTF8`; for a message, invalid bytes shown as U+FFFD).
    func displayName(_ entry: Entry) -> String {
        String(decoding: nameBytes(entry), as: UTF8.self)
    }

    /// Asks the file system (without following a link) when `readdir` did not say.
    private static func kind(ofPath directory: String, name: ArraySlice<UInt8>) -> Kind {
        var path = Array(directory.utf8)
        path.append(UInt8(ascii: "/"))
        path.append(contentsOf: name)
        path.append(0)
        var status = stat()
        let found = path.withUnsafeBufferPointer { bytes in
            bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { lstat($0, &status) }
        }
        guard found == 0 else { return .other }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .regularFile
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }
}
