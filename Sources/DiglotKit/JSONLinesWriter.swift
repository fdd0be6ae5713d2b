import Foundation
import DiglotModel

/// Writes listings (`diglot pairs --json`, `diglot figures --json`) one JSON object a line to a file handle,
/// buffered, so that streams of a million records cost a buffer, not a million strings.
///
/// Exports do not use it: `diglot export` writes every format, JSON Lines included, through DiglotExport.
///
/// ```swift
/// let writer = JSONLinesWriter(handle: .standardOutput)
/// try writer.write(listing)
/// try writer.flush()
/// ```
public final class JSONLinesWriter {
    private let handle: FileHandle
    private let encoder = ArchiveJSON.encoder()
    private var buffer = Data()
    private let bufferLimit: Int
    /// Lines written so far.
    public private(set) var count = 0

    public init(handle: FileHandle, bufferLimit: Int = 1 << 16) {
        self.handle = handle
        self.bufferLimit = bufferLimit
    }

    public func write<T: Encodable>(_ value: T) throws {
        buffer.append(try encoder.encode(value))
        buffer.append(0x0A)
        count += 1
        if buffer.count >= bufferLimit { try flush() }
    }

    /// Writes a line of text as it is (for CSV and human output sharing the buffer).
    public func writeLine(_ text: String) throws {
        buffer.append(Data(text.utf8))
        buffer.append(0x0A)
        if buffer.count >= bufferLimit { try flush() }
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
