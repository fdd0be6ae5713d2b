import Foundation
import DiglotModel

/// stdout for results, stderr for errors and progress: `--json` output can always be piped.
enum Console {
    static func error(_ sentence: String) {
        FileHandle.standardError.write(Data(("diglot: " + sentence + "\n").utf8))
    }

    static func print(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func json<T: Encodable>(_ value: T) throws {
        print(try ArchiveJSON.line(value))
    }

    /// Whether stderr is a terminal (progress lines are shown only then).
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Rewrites the progress line on stderr; an empty text clears it.
    static func progress(_ text: String) {
        let line = text.count > 100 ? String(text.prefix(97)) + "…" : text
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
    }
}
