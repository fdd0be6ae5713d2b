import Foundation

/// Where an export writes: one file, standard output, or sinks a caller provides.
///
/// Most formats write one output; Moses writes two, `PATH.<source>` and `PATH.<target>`, so a destination
/// opens an output per suffix (nil for the single output).
///
/// ```swift
/// try Exporter.export(items, format: .moses(), to: .file(URL(fileURLWithPath: "corpus")))  // corpus.uk, corpus.en
/// ```
public struct ExportDestination {
    private let opener: (_ suffix: String?) throws -> any ExportSink

    public init(open: @escaping (_ suffix: String?) throws -> any ExportSink) { self.opener = open }

    /// Opens the output for a suffix (nil for the format's single output).
    /// - Throws: `ExportError` when it cannot be created.
    public func open(suffix: String?) throws -> any ExportSink { try opener(suffix) }

    /// A file at `url` (created or truncated); a suffixed output goes to `url` plus `.suffix`.
    public static func file(_ url: URL) -> ExportDestination {
        ExportDestination { suffix in
            let path = suffix.map { url.path + "." + $0 } ?? url.path
            guard FileManager.default.createFile(atPath: path, contents: nil),
                  let handle = FileHandle(forWritingAtPath: path) else {
                throw ExportError("cannot create \(path): check that its folder exists and is writable")
            }
            return FileSink(handle: handle, closesHandle: true, name: path)
        }
    }

    /// Standard output, for single-output formats.
    public static var standardOutput: ExportDestination {
        ExportDestination { suffix in
            if let suffix {
                throw ExportError("this format writes one file per language (.\(suffix)); give --output PATH")
            }
            return FileSink(handle: .standardOutput, closesHandle: false, name: "standard output")
        }
    }
}
