import Foundation

/// Expands the paths a user gave into the files to import.
///
/// A directory is read recursively and every regular file below it is taken, whatever its extension.
/// A symbolic link inside it is followed only to a regular file inside the same directory, so a walk never
/// leaves the directory and never loops; other links are skipped with a note.
struct InputCollector {
    /// One file to import.
    ///
    /// A file found in a directory keeps the directory (one string all its files share) and its name from the
    /// listing, not a joined path: the list holds every file before the import starts, and full paths made a
    /// 477,502-file folder's import hold 174 MB instead of 162 MB (docs/performance.md, session 21).
    struct Item: Equatable {
        /// The directory the walk found the file in; empty for a path given as it is.
        private let directory: String
        /// The file's name in `directory`, or the path as given.
        private let name: String
        /// True when found by walking a directory: unrecognised files are then skipped, not failures.
        let fromDirectory: Bool

        /// A path given as it is (or `-`).
        init(path: String) {
            directory = ""
            name = path
            fromDirectory = false
        }

        /// A file the walk found in `directory`.
        init(directory: String, name: String) {
            self.directory = directory
            self.name = name
            fromDirectory = true
        }

        /// The path as shown to the user (the given path, or the given directory joined with the relative path).
        var path: String { fromDirectory ? (directory as NSString).appendingPathComponent(name) : name }
    }

    private(set) var items: [Item] = []
    private(set) var errors: [ImportSummary.Note] = []
    private(set) var skipped: [ImportSummary.Note] = []

    init(paths: [String]) {
        for path in paths { add(path) }
    }

    private mutating func add(_ path: String) {
        if path == "-" {
            items.append(Item(path: "-"))
            return
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
            errors.append(.init(path: path, message: isLink ? "\(path) is a symbolic link that leads nowhere (broken or looping)"
                                                            : "\(path) does not exist"))
            return
        }
        if isDirectory.boolValue {
            let root = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            walk(directory: path, root: root)
        } else {
            items.append(Item(path: path))
        }
    }

    private mutating func walk(directory: String, root: String) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            errors.append(.init(path: directory, message: "cannot read the directory \(directory)"))
            return
        }
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            let type = (try? FileManager.default.attributesOfItem(atPath: path)[.type]) as? FileAttributeType
            switch type {
            case .typeDirectory?:
                walk(directory: path, root: root)
            case .typeRegular?:
                items.append(Item(directory: directory, name: name))
            case .typeSymbolicLink?:
                let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory)
                if !exists {
                    skipped.append(.init(path: path, message: "\(path) is a broken symbolic link"))
                } else if isDirectory.boolValue {
                    skipped.append(.init(path: path, message: "\(path) links to a directory, which is not followed"))
                } else if !target.hasPrefix(root + "/") {
                    skipped.append(.init(path: path, message: "\(path) links out of the imported directory"))
                } else {
                    items.append(Item(directory: directory, name: name))
                }
            case nil where name.contains("\u{FFFD}"):
                errors.append(.init(path: path, message: "\(path) cannot be opened: its name is not valid UTF-8 (rename the file)"))
            default:
                skipped.append(.init(path: path, message: "\(path) is not a regular file"))
            }
        }
    }
}
