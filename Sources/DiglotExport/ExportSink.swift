import Foundation

/// Receives an export's bytes. Writers buffer before calling it, so each call carries tens of kilobytes.
public protocol ExportSink: AnyObject {
    func write(_ bytes: [UInt8]) throws
    func close() throws
}

/// Writes to a file handle.
public final class FileSink: ExportSink {
    private let handle: FileHandle
    private let closesHandle: Bool
    private let name: String

    public init(handle: FileHandle, closesHandle: Bool, name: String) {
        self.handle = handle
        self.closesHandle = closesHandle
        self.name = name
    }

    public func write(_ bytes: [UInt8]) throws {
        do { try handle.write(contentsOf: bytes) } catch {
            throw ExportError("cannot write \(name): \(error.localizedDescription)")
        }
    }

    public func close() throws {
        guard closesHandle else { return }
        do { try handle.close() } catch { throw ExportError("cannot close \(name): \(error.localizedDescription)") }
    }
}

/// Keeps everything written in memory: for tests and small in-process exports.
public final class MemorySink: ExportSink {
    public private(set) var bytes: [UInt8] = []
    public private(set) var isClosed = false

    public init() {}

    public var text: String { String(decoding: bytes, as: UTF8.self) }
    public func write(_ bytes: [UInt8]) throws { self.bytes += bytes }
    public func close() throws { isClosed = true }
}

/// Counts bytes and keeps none: for measuring an export's memory and speed without disk.
public final class CountingSink: ExportSink {
    public private(set) var byteCount = 0
    public private(set) var lineCount = 0

    public init() {}

    public func write(_ bytes: [UInt8]) throws {
        byteCount += bytes.count
        lineCount += bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    public func close() throws {}
}

/// Buffers text for a sink and hands it over in 64 KiB pieces.
final class BufferedOutput {
    private let sink: any ExportSink
    private var buffer: [UInt8] = []
    private static let flushSize = 1 << 16

    init(_ sink: any ExportSink) {
        self.sink = sink
        buffer.reserveCapacity(Self.flushSize + 4096)
    }

    func write(_ text: String) throws {
        append(text)
        try flushIfFull()
    }

    func write(bytes: [UInt8]) throws {
        append(bytes: bytes)
        try flushIfFull()
    }

    /// Appends without flushing: a writer building one record piece by piece calls `flushIfFull` after it.
    func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    func append(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
    }

    /// Lets a writer append a record's bytes to the buffer itself (`JSONText`), without a copy per record.
    func withBuffer(_ body: (inout [UInt8]) -> Void) {
        body(&buffer)
    }

    /// Appends `text` escaped for XML as `XMLText.content`/`attribute` escape it, characters XML cannot
    /// carry dropped (the TMX rule), straight into the buffer instead of through a new string.
    func appendEscaped(_ text: String, inAttribute: Bool) {
        XMLText.appendEscaped(text, inAttribute: inAttribute, to: &buffer)
    }

    func flushIfFull() throws {
        if buffer.count >= Self.flushSize { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try sink.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try flush()
        try sink.close()
    }
}
