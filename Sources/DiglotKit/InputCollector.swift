import Foundation

/// Expands the paths a user gave into the files to import (`InputList`).
///
/// A directory is read recursively and every regular file below it is taken, whatever its extension.
/// A symbolic link inside it is followed only to a regular file inside the same directory, so a walk never
/// leaves the directory and never loops; other links are skipped with a note.
struct InputCollector {
    private(set) var items = InputList()
    private(set) var errors: [ImportSummary.Note] = []
    private(set) var skipped: [ImportSummary.Note] = []

    init(paths: [String]) {
        for path in paths { add(path) }
    }

    /// The path of `name` in `directory`, as messages show it.
    static func join(_ directory: String, _ name: String) -> String {
        (directory as NSString).appendingPathComponent(name)
    }

    private mutating func add(_ path: String) {
        if path == "-" {
            items.append(givenPath: "-")
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
            items.append(givenPath: path)
        }
    }

    /// Takes the files below `directory` in the order of their names, a subdirectory's where its name falls.
    private mutating func walk(directory: String, root: String) {
        guard let listing = DirectoryListing(path: directory) else {
            errors.append(.init(path: directory, message: "cannot read the directory \(directory)"))
            return
        }
        items.enter(directory: directory)
        for entry in listing.entries {
            guard listing.isUTF8(entry) else {
                let path = Self.join(directory, listing.displayName(entry))
                errors.append(.init(path: path, message: "\(path) cannot be opened: its name is not valid UTF-8 (rename the file)"))
                continue
            }
            switch entry.kind {
            case .regularFile:
                // Its name stays bytes until its turn comes.
                items.append(name: listing.nameBytes(entry))
            case .directory:
                walk(directory: Self.join(directory, listing.displayName(entry)), root: root)
                items.enter(directory: directory)
            case .symbolicLink:
                let path = Self.join(directory, listing.displayName(entry))
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
                    items.append(name: listing.nameBytes(entry))
                }
            case .other:
                let path = Self.join(directory, listing.displayName(entry))
                skipped.append(.init(path: path, message: "\(path) is not a regular file"))
            }
        }
    }
}
