import Foundation

/// Stands in for the `Bundle.module` SwiftPM generates for DiglotLocales, which a fuzz build (one module
/// compiled by swiftc) does not have: the resources are read from `DIGLOT_LOCALES_DATA` (a path to
/// Locales/data), else from the checkout the fuzzer was built in.
extension Bundle {
    static let module: Bundle = {
        let data = ProcessInfo.processInfo.environment["DIGLOT_LOCALES_DATA"] ?? "@LOCALES_DATA@"
        let root = URL(fileURLWithPath: data).deletingLastPathComponent().path
        guard let bundle = Bundle(path: root) else {
            FileHandle.standardError.write(Data("fuzz build: no Locales/data at \(data) (set DIGLOT_LOCALES_DATA)\n".utf8))
            exit(2)
        }
        return bundle
    }()
}
