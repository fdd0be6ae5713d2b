/// The files an import will read, in order, kept compactly.
///
/// The list holds every file before the import starts (its count is the progress total and the summary's), so
/// for one huge folder it is what grows with the corpus: 477,502 files held as a `String` directory and a
/// `String` name each took about 100 bytes a file (48 MB). Here every name's bytes sit back to back in one
/// buffer and each file costs its name's length and a 16-byte entry (docs/performance.md, session 22); the
/// path is joined when the file's turn comes.
struct InputList {
    /// One file to import.
    struct Item: Equatable {
        /// The path as shown to the user (a given path as given, or the directory joined with the name).
        let path: String
        /// True when found by walking a directory: unrecognised files are then skipped, not failures.
        let fromDirectory: Bool
    }

    private struct Entry {
        let nameStart: Int
        let nameLength: Int32
        /// Index in `directories`, or -1 for a path given as it is.
        let directory: Int32
    }

    private var directories: [String] = []
    private var nameBytes: [UInt8] = []
    private var entries: [Entry] = []
    /// True when `-` (standard input) was given.
    private(set) var readsStandardInput = false

    var count: Int { entries.count }

    /// A path given as it is (or `-`).
    mutating func append(givenPath path: String) {
        if path == "-" { readsStandardInput = true }
        appendEntry(name: path.utf8, directory: -1)
    }

    /// Starts the files of `directory`: the names appended next (`append(name:)`) are in it.
    mutating func enter(directory: String) {
        if directories.last != directory { directories.append(directory) }
    }

    /// A file found in the directory last entered; `name` is its UTF-8 bytes.
    mutating func append<Name: Collection<UInt8>>(name: Name) {
        precondition(!directories.isEmpty, "a name found by a walk needs its directory entered first")
        appendEntry(name: name, directory: Int32(directories.count - 1))
    }

    private mutating func appendEntry<Name: Collection<UInt8>>(name: Name, directory: Int32) {
        entries.append(Entry(nameStart: nameBytes.count, nameLength: Int32(name.count), directory: directory))
        nameBytes.append(contentsOf: name)
    }

    subscript(index: Int) -> Item {
        let entry = entries[index]
        let name = String(decoding: nameBytes[entry.nameStart ..< entry.nameStart + Int(entry.nameLength)], as: UTF8.self)
        guard entry.directory >= 0 else { return Item(path: name, fromDirectory: false) }
        return Item(path: InputCollector.join(directories[Int(entry.directory)], name), fromDirectory: true)
    }
}
