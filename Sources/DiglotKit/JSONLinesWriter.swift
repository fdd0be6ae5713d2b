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
    private var buffer: [UInt8] = []
    private let bufferLimit: Int
    /// Lines written so far.
    public private(set) var count = 0

    public init(handle: FileHandle, bufferLimit: Int = 1 << 16) {
        self.handle = handle
        self.bufferLimit = bufferLimit
    }

    public func write<T: Encodable>(_ value: T) throws {
        try encodeLine(value)
    }

    private func encodeLine<T: Encodable>(_ value: T) throws {
        buffer.append(contentsOf: try encoder.encode(value))
        try endLine()
    }

    /// Ends the line just appended: counts it and hands the buffer over once it is full.
    private func endLine() throws {
        buffer.append(0x0A)
        count += 1
        if buffer.count >= bufferLimit { try flush() }
    }

    /// Writes a listing that writes its own line (the same bytes `JSONEncoder` would give), straight into the
    /// buffer; one whose values JSON cannot hold goes to the encoder, which says why.
    public func write<T: JSONLineAppendable>(_ value: T) throws {
        let start = buffer.count
        guard value.appendJSONLine(to: &buffer) else {
            buffer.removeSubrange(start...)
            try encodeLine(value)
            return
        }
        try endLine()
    }

    /// Writes a line of text as it is (for CSV and human output sharing the buffer).
    public func writeLine(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        buffer.append(0x0A)
        if buffer.count >= bufferLimit { try flush() }
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// A listing that writes its JSON line by hand, byte for byte what `ArchiveJSON.encoder()` makes of it (its
/// `Encodable` form stays the reference the tests compare with).
public protocol JSONLineAppendable: Encodable {
    /// Appends the line (no newline); returns false, having appended nothing it needs, when a value has no
    /// JSON form (a NaN), so that the encoder reports it.
    func appendJSONLine(to line: inout [UInt8]) -> Bool
}
