import Foundation
import DiglotTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The hostile and broken inputs of issue 9, generated into a temporary folder at test time.
///
/// Layout: `input/` holds what is imported (one entry per case), `private/secret.txt` holds a marker that
/// external entities point at and that must never reach the archive. Large inputs (20 MB, 10,000 files)
/// are made only when asked for.
final class HostileCorpus {
    /// What a case must end in.
    enum Expectation: Equatable {
        /// Imported, and the archive's text for it contains this (a correct decoding).
        case decodes(String)
        /// Refused with a clear error (or, in a directory, skipped with a note).
        case refused
        /// Either, as long as any error names the file.
        case importedOrRefused
    }

    struct Case {
        var name: String
        /// What is passed to `import` (absolute paths).
        var paths: [String]
        var expectation: Expectation
        /// A piece of the file name that every error about it must contain.
        var nameHint: String
        /// True for the inputs too big to push through every importer one by one.
        var large: Bool = false
    }

    let folder: URL
    let input: URL
    /// The marker a leaked local file would carry into the archive.
    let secretMarker = "diglotsecretmarker" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    let secretFile: URL
    /// A port on 127.0.0.1 that records connection attempts (nothing may connect).
    let listener: ConnectionWitness
    private(set) var cases: [Case] = []

    static let ukrainian = "Генеральний штаб Збройних сил України повідомляє про втрати ворога за минулу добу. Українські захисники відбили атаки на кількох напрямках, а ціни на хліб у Харкові знову зросли."
    static let russian = "Генеральный штаб сообщает, что за прошедшие сутки противник потерял несколько танков. Жители города говорят, что обстрелы продолжались всю ночь."
    static let english = "Residents of Kharkiv reported heavy shelling overnight, the regional governor said on Tuesday morning."

    init(large: Bool) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("diglot-hostile-\(UUID().uuidString)")
        input = folder.appendingPathComponent("input")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let privateFolder = folder.appendingPathComponent("private")
        try FileManager.default.createDirectory(at: privateFolder, withIntermediateDirectories: true)
        secretFile = privateFolder.appendingPathComponent("secret.txt")
        try Data("\(secretMarker)\n".utf8).write(to: secretFile)
        listener = try ConnectionWitness()
        try makeEncodings()
        try makeMarkupAttacks()
        try makeBrokenFiles()
        try makeFileSystemOddities()
        if large { try makeLargeInputs() }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    // MARK: - Encodings

    private func makeEncodings() throws {
        var invalid = Data("Residents reported shelling overnight near the river ".utf8)
        invalid.append(contentsOf: [0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC, 0xFF, 0xFE])
        invalid.append(Data(" and the governor spoke in the morning.".utf8))
        add("invalid-utf8.txt", invalid, .importedOrRefused)
        add("uk-windows-1251.txt", try Iconv.encode(Self.ukrainian, as: "WINDOWS-1251"), .decodes("Харкові знову зросли"))
        add("ru-windows-1251.txt", try Iconv.encode(Self.russian, as: "WINDOWS-1251"), .decodes("обстрелы продолжались"))
        add("uk-koi8-u.txt", try Iconv.encode(Self.ukrainian, as: "KOI8-U"), .decodes("Українські захисники"))
        add("ru-koi8-u.txt", try Iconv.encode(Self.russian, as: "KOI8-U"), .decodes("противник потерял"))
        let html = "<html><head><meta charset=\"windows-1251\"><title>Втрати</title></head><body><p>\(Self.ukrainian)</p></body></html>"
        add("uk-windows-1251.html", try Iconv.encode(html, as: "WINDOWS-1251"), .decodes("Українські захисники"))
        add("utf16le-bom.txt", Data([0xFF, 0xFE]) + (try Iconv.encode(Self.ukrainian, as: "UTF-16LE")), .decodes("Генеральний штаб"))
        add("utf16be-bom.txt", Data([0xFE, 0xFF]) + (try Iconv.encode(Self.russian, as: "UTF-16BE")), .decodes("Генеральный штаб"))
        add("utf8-bom.txt", Data([0xEF, 0xBB, 0xBF]) + Data(Self.english.utf8), .decodes("regional governor"))
        var odd = Data([0xFF, 0xFE]) + (try Iconv.encode(Self.english, as: "UTF-16LE"))
        odd.append(0x41)
        add("utf16-odd-length.txt", odd, .importedOrRefused)
    }

    // MARK: - Markup attacks

    private func makeMarkupAttacks() throws {
        add("billion-laughs.xml", Data("""
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
             <!ENTITY lol "lol">
             <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
             <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
             <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
             <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
             <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
             <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
             <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
             <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
             <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <lolz>&lol9;</lolz>
            """.utf8), .refused)
        let chunk = String(repeating: "Residents of Kharkiv reported shelling. ", count: 25_000)
        add("quadratic-blowup.xml", Data("""
            <?xml version="1.0"?>
            <!DOCTYPE r [ <!ENTITY big "\(chunk)"> ]>
            <r>\(String(repeating: "&big;", count: 20_000))</r>
            """.utf8), .importedOrRefused)
        let secret = secretFile.path
        add("xxe-file.xml", Data("""
            <?xml version="1.0"?>
            <!DOCTYPE tmx [ <!ENTITY leak SYSTEM "file://\(secret)"> ]>
            <tmx version="1.4"><header srclang="en" adminlang="en" segtype="sentence" datatype="plaintext" o-tmf="x" creationtool="x" creationtoolversion="1"/>
            <body><tu><tuv xml:lang="en"><seg>\(Self.english) &leak;</seg></tuv><tuv xml:lang="uk"><seg>\(Self.ukrainian) &leak;</seg></tuv></tu></body></tmx>
            """.utf8), .importedOrRefused)
        add("xxe-relative.xml", Data("""
            <?xml version="1.0"?>
            <!DOCTYPE r [ <!ENTITY leak SYSTEM "../private/secret.txt"> ]>
            <r><p>\(Self.english)</p><p>&leak;</p></r>
            """.utf8), .importedOrRefused)
        add("xxe-parameter.xml", Data("""
            <?xml version="1.0"?>
            <!DOCTYPE r [ <!ENTITY % file SYSTEM "file://\(secret)"> <!ENTITY % wrap "<!ENTITY leak '%file;'>"> %wrap; ]>
            <r>\(Self.english) &leak;</r>
            """.utf8), .importedOrRefused)
        let url = "http://127.0.0.1:\(listener.port)"
        add("xxe-url.xml", Data("""
            <?xml version="1.0"?>
            <!DOCTYPE r SYSTEM "\(url)/r.dtd" [ <!ENTITY remote SYSTEM "\(url)/leak.txt"> <!ENTITY % p SYSTEM "\(url)/p.ent"> %p; ]>
            <r>\(Self.english) &remote;</r>
            """.utf8), .importedOrRefused)
        add("xinclude.xml", Data("""
            <?xml version="1.0"?>
            <r xmlns:xi="http://www.w3.org/2001/XInclude"><p>\(Self.english)</p>
            <xi:include href="file://\(secret)" parse="text"/><xi:include href="\(url)/inc.xml"/></r>
            """.utf8), .importedOrRefused)
        add("xxe-in-html.html", Data("""
            <!DOCTYPE html [ <!ENTITY leak SYSTEM "file://\(secret)"> ]>
            <html><head><title>Shelling</title><link rel="stylesheet" href="\(url)/s.css">
            <script src="\(url)/x.js"></script></head><body><p>\(Self.english) &leak;</p>
            <iframe src="file://\(secret)"></iframe><img src="\(url)/i.png"><object data="file://\(secret)"></object></body></html>
            """.utf8), .importedOrRefused)
        add("nested-50000.xml", Data(("<?xml version=\"1.0\"?>" + String(repeating: "<a>", count: 50_000) + "deep"
                                      + String(repeating: "</a>", count: 50_000)).utf8), .refused)
        add("nested-50000.html", Data(("<html><body>" + String(repeating: "<div>", count: 50_000) + Self.english
                                       + String(repeating: "</div>", count: 50_000) + "</body></html>").utf8), .importedOrRefused)
        add("unclosed-50000.html", Data(("<html><body>" + String(repeating: "<span><b><i>", count: 16_700) + Self.english).utf8),
            .importedOrRefused)
    }

    // MARK: - Broken files

    private func makeBrokenFiles() throws {
        var random = SeededGenerator(seed: 0xD1_6107)
        add("random.bin", random.bytes(1 << 20), .refused)
        add("random.html", random.bytes(256 << 10), .importedOrRefused)
        add("random.xml", random.bytes(64 << 10), .refused)
        add("random-after-xml-header.xml", Data("<?xml version=\"1.0\"?><tmx>".utf8) + random.bytes(4096), .refused)
        let page = "<!DOCTYPE html><html lang=\"en\"><head><title>Shelling near Kharkiv</title></head><body><article><h1>Shelling</h1><p>\(Self.english)</p><p>\(Self.english)</p></article></body></html>"
        add("truncated.html", Data(page.utf8.prefix(page.utf8.count * 2 / 3)), .importedOrRefused)
        add("truncated-in-tag.html", Data(("<html><body><p>\(Self.english)</p><p class=\"a").utf8), .importedOrRefused)
        let tmx = "<?xml version=\"1.0\"?><tmx version=\"1.4\"><header srclang=\"uk\"/><body><tu><tuv xml:lang=\"uk\"><seg>\(Self.ukrainian)</seg></tuv><tuv xml:lang=\"en\"><seg>\(Self.english)</seg></tuv></tu></body></tmx>"
        add("truncated.xml", Data(tmx.utf8.prefix(tmx.utf8.count / 2)), .refused)
        add("truncated.tmx", Data(tmx.utf8.prefix(tmx.utf8.count - 20)), .refused)
        add("truncated-utf8.txt", Data(Self.ukrainian.utf8.dropLast(1)), .importedOrRefused)
        add("nul-bytes.txt", Data((Self.english + "\0\0\0" + Self.english).utf8), .importedOrRefused)
        add("nul-bytes.html", Data("<html><body><p>\(Self.english)\0</p>\0<p>\(Self.english)</p></body></html>".utf8), .importedOrRefused)
        add("nul-bytes.xml", Data("<?xml version=\"1.0\"?><r>\(Self.english)\0</r>".utf8), .refused)
        add("empty.txt", Data(), .importedOrRefused)
        add("only-whitespace.html", Data(" \n\t\r\n ".utf8), .importedOrRefused)
        add("html-lookalike.txt", Data("<html><body>\(Self.english)".utf8), .importedOrRefused)
    }

    // MARK: - File-system oddities

    private func makeFileSystemOddities() throws {
        let loop = input.appendingPathComponent("symlink-loop")
        try FileManager.default.createDirectory(at: loop, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: loop.appendingPathComponent("a").path, withDestinationPath: "b")
        try FileManager.default.createSymbolicLink(atPath: loop.appendingPathComponent("b").path, withDestinationPath: "a")
        try FileManager.default.createSymbolicLink(atPath: loop.appendingPathComponent("self").path, withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: loop.appendingPathComponent("up").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: loop.appendingPathComponent("secret.txt").path, withDestinationPath: secretFile.path)
        try Data("\(Self.english)\n".utf8).write(to: loop.appendingPathComponent("real.txt"))
        cases.append(Case(name: "symlink loop (a→b→a, self→., up→.., out→secret)", paths: [loop.path],
                          expectation: .importedOrRefused, nameHint: "symlink-loop"))
        let direct = input.appendingPathComponent("loop-direct")
        try FileManager.default.createSymbolicLink(atPath: direct.path, withDestinationPath: "loop-direct")
        cases.append(Case(name: "a path that is a symlink to itself", paths: [direct.path], expectation: .refused,
                          nameHint: "loop-direct"))

        let fifo = input.appendingPathComponent("named-pipe")
        guard mkfifo(fifo.path, 0o644) == 0 else { throw POSIXError(.EIO) }
        cases.append(Case(name: "a named pipe with no writer, named directly", paths: [fifo.path],
                          expectation: .importedOrRefused, nameHint: "named-pipe"))
        cases.append(Case(name: "/dev/zero, named directly (endless)", paths: ["/dev/zero"], expectation: .refused,
                          nameHint: "/dev/zero"))
        cases.append(Case(name: "/dev/urandom, named directly (endless)", paths: ["/dev/urandom"], expectation: .refused,
                          nameHint: "/dev/urandom"))
        let unreadable = input.appendingPathComponent("unreadable.txt")
        try Data("Unreadable: \(Self.english)".utf8).write(to: unreadable)
        chmod(unreadable.path, 0)
        cases.append(Case(name: "unreadable.txt (mode 000)", paths: [unreadable.path],
                          expectation: getuid() == 0 ? .importedOrRefused : .refused, nameHint: "unreadable.txt"))

        let odd = input.appendingPathComponent("odd-names")
        try FileManager.default.createDirectory(at: odd, withIntermediateDirectories: true)
        let names = ["with space.txt", "quote\"d.txt", "apos'trophe.txt", "new\nline.txt", "tab\tname.txt", "-leading-dash.txt",
                     "--importer=x.txt", "emoji 🇺🇦✨.txt", "back\\slash.txt", "$(touch pwned).txt", "семь-я.txt",
                     String(repeating: "д", count: 120) + ".txt", "NFD-й.txt".decomposedStringWithCanonicalMapping, ".hidden.txt"]
        for (index, name) in names.enumerated() {
            try Data("\(Self.english) Note \(index).\n".utf8).write(to: odd.appendingPathComponent(name))
        }
        // A name that is not UTF-8 (Linux file systems allow any bytes but "/" and NUL).
        let rawName: [UInt8] = Array("bad-".utf8) + [0xFF, 0xFE, 0xC0, 0x80] + Array(".txt".utf8)
        let rawPath = Array(odd.path.utf8) + [UInt8(ascii: "/")] + rawName + [0]
        let descriptor = rawPath.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { open($0, O_WRONLY | O_CREAT, 0o644) }
        }
        if descriptor >= 0 {
            let body = Array("\(Self.english) Not UTF-8 name.\n".utf8)
            _ = body.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
        }
        cases.append(Case(name: "odd file names (\(names.count + (descriptor >= 0 ? 1 : 0)) files: spaces, quotes, newline, dash, emoji, non-UTF-8 bytes)",
                          paths: [odd.path], expectation: .importedOrRefused, nameHint: "odd-names"))
        let dash = odd.appendingPathComponent("-leading-dash.txt")
        cases.append(Case(name: "a path starting with a dash, named directly", paths: [dash.path],
                          expectation: .decodes("regional governor"), nameHint: "-leading-dash.txt"))
        let newline = odd.appendingPathComponent("new\nline.txt")
        cases.append(Case(name: "a path holding a newline, named directly", paths: [newline.path],
                          expectation: .decodes("regional governor"), nameHint: "line.txt"))
    }

    // MARK: - Large inputs

    private func makeLargeInputs() throws {
        var line = Data(capacity: 20 << 20)
        let words = Data((Self.english + " ").utf8)
        while line.count < 20 << 20 { line.append(words) }
        add("single-line-20mb.txt", line, .importedOrRefused, large: true)
        let xmlLine = Data("<?xml version=\"1.0\"?><r>".utf8) + line.prefix(12 << 20) + Data("</r>".utf8)
        add("huge-text-node.xml", xmlLine, .importedOrRefused, large: true)
        let htmlLine = Data("<html><body><p>".utf8) + line + Data("</p></body></html>".utf8)
        add("single-line-20mb.html", htmlLine, .importedOrRefused, large: true)

        let many = input.appendingPathComponent("ten-thousand")
        try FileManager.default.createDirectory(at: many, withIntermediateDirectories: true)
        for index in 0..<10_000 {
            let name = many.appendingPathComponent(String(format: "note-%05d.txt", index))
            try Data("Report \(index): \(Self.english)\n".utf8).write(to: name)
        }
        cases.append(Case(name: "a directory of 10,000 files", paths: [many.path], expectation: .importedOrRefused,
                          nameHint: "ten-thousand", large: true))
    }

    private func add(_ name: String, _ data: Data, _ expectation: Expectation, large: Bool = false) {
        let url = input.appendingPathComponent(name)
        _ = FileManager.default.createFile(atPath: url.path, contents: data)
        cases.append(Case(name: name, paths: [url.path], expectation: expectation, nameHint: name, large: large))
    }
}
