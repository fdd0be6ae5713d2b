// swift-tools-version:6.1
// Diglot: a translation-aware archive for multilingual reporting.
//
// Shape (see README "Layout"): importers (Plugins/) -> one archive model (DiglotModel) -> store and
// exporters. Importers are pure; only DiglotStore talks SQL; only DiglotXML touches libxml2.
import PackageDescription

/// Importer modules that live under Plugins/. Adding a built-in importer is one line here
/// and one line in `Sources/DiglotImporters/BuiltinImporters.swift` (see README "Adding a source").
let pluginModules: [String] = [
    "ArticleImporter",
    "StaffBulletinImporter",
    "TweetEmbedImporter",
    "WireReportImporter",
    "TMXImporter",
]

let grdb: Target.Dependency = .product(name: "GRDB", package: "GRDB.swift")
let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")
let importerBase: [Target.Dependency] = ["DiglotModel", "DiglotImporting", "DiglotLanguage", "DiglotXML"]

let pluginTargets: [Target] = pluginModules.map { name in
    .target(
        name: name,
        dependencies: importerBase + (name == "StaffBulletinImporter" || name == "TweetEmbedImporter"
            || name == "WireReportImporter" ? ["DiglotLexicon"] : [])
            + (name == "StaffBulletinImporter" ? ["DiglotLocales"] : []),
        path: "Plugins/\(name)"
    )
}

let package = Package(
    name: "Diglot",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "diglot", targets: ["diglot"]),
        .executable(name: "diglot-bench", targets: ["DiglotBench"]),
        .library(name: "DiglotKit", targets: ["DiglotKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        // C libraries, each wrapped once.
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CHunspell", path: "Sources/CHunspell", pkgConfig: "hunspell",
                       providers: [.apt(["libhunspell-dev"])]),
        .systemLibrary(name: "CStemmer", path: "Sources/CStemmer",
                       providers: [.apt(["libstemmer-dev"])]),
        // SHA-256 rounds on the x86 SHA extensions (header only; nothing to install).
        .systemLibrary(name: "CSHA256", path: "Sources/CSHA256"),
        // sqlite3_config, which Swift cannot call (variadic); header only, libsqlite3 is GRDB's.
        .systemLibrary(name: "CSQLiteConfig", path: "Sources/CSQLiteConfig"),

        // The archive model: plain values, no storage or parsing code.
        .target(name: "DiglotModel", dependencies: ["CSHA256"]),
        // Language identification and byte-to-text decoding shared by every importer.
        .target(name: "DiglotLanguage", dependencies: ["DiglotModel"]),
        // The one Swift layer over libxml2 (HTML and hardened XML parsing).
        .target(name: "DiglotXML", dependencies: ["CLibXML2", "DiglotModel"]),
        // The importer protocol, inputs, outputs and errors.
        .target(name: "DiglotImporting", dependencies: ["DiglotModel", "DiglotLanguage"]),
        // Language resources (glossaries, names, month names, transliteration tables).
        .target(name: "DiglotLocales", path: "Locales", exclude: ["README.md"], resources: [.copy("data")]),
        // Glossary, names table, romanisation and number normalisation built on Locales.
        .target(name: "DiglotLexicon", dependencies: ["DiglotModel", "DiglotLocales"]),
        // Search analysis: normalisation, morphology, name keys, query parsing and expansion.
        .target(name: "DiglotAnalysis", dependencies: ["DiglotModel", "DiglotLexicon", "CHunspell", "CStemmer"]),
        // The SQLite store (GRDB): the only module that talks SQL.
        .target(name: "DiglotStore", dependencies: ["DiglotModel", "DiglotAnalysis", "CSQLiteConfig", grdb]),
        // Finding, aligning and checking pairs across the archive.
        .target(name: "DiglotPairing", dependencies: ["DiglotModel", "DiglotLexicon", "DiglotLanguage"]),
        // Exporters: TMX, XLIFF, JSON Lines, CSV, Moses.
        .target(name: "DiglotExport", dependencies: ["DiglotModel"]),
        // The hand-kept registry of built-in importers plus external (out-of-process) importers.
        .target(name: "DiglotImporters", dependencies: ["DiglotModel", "DiglotImporting"] + pluginModules.map { .init(stringLiteral: $0) }),
        // Everything the CLI does, as a library so tests and the benchmark can call it in process.
        .target(name: "DiglotKit", dependencies: [
            "DiglotModel", "DiglotLanguage", "DiglotImporting", "DiglotImporters", "DiglotStore",
            "DiglotAnalysis", "DiglotPairing", "DiglotExport", "DiglotLexicon", "StaffBulletinImporter",
        ]),
        .executableTarget(name: "diglot", dependencies: ["DiglotKit", argumentParser]),
        .executableTarget(name: "DiglotBench", dependencies: ["DiglotKit", "DiglotPairing", grdb]),
    ] + pluginTargets + [
        .target(name: "DiglotTestSupport", dependencies: ["DiglotModel", "DiglotImporting", "DiglotPairing"], path: "Tests/DiglotTestSupport"),
        .testTarget(name: "DiglotModelTests", dependencies: ["DiglotModel", "DiglotTestSupport"]),
        .testTarget(name: "DiglotLanguageTests", dependencies: ["DiglotLanguage", "DiglotTestSupport"]),
        .testTarget(name: "DiglotXMLTests", dependencies: ["DiglotXML", "DiglotTestSupport"]),
        .testTarget(name: "DiglotLexiconTests", dependencies: ["DiglotLexicon", "DiglotTestSupport"]),
        .testTarget(name: "DiglotAnalysisTests", dependencies: ["DiglotAnalysis", "DiglotTestSupport", grdb]),
        .testTarget(name: "DiglotStoreTests", dependencies: ["DiglotStore", "DiglotKit", "DiglotTestSupport", grdb],
                    exclude: ["Data"]),
        .testTarget(name: "DiglotPairingTests", dependencies: ["DiglotPairing", "DiglotKit", "DiglotTestSupport"],
                    exclude: ["Data"]),
        .testTarget(name: "DiglotExportTests", dependencies: ["DiglotExport", "DiglotKit", "DiglotXML", "DiglotTestSupport"]),
        .testTarget(name: "ImporterTests", dependencies: ["DiglotImporters", "DiglotTestSupport"] + pluginModules.map { .init(stringLiteral: $0) },
                    exclude: ["StaffBulletinReferenceExceptions.md"]),
        .testTarget(name: "DiglotCLITests", dependencies: ["DiglotTestSupport"]),
        .testTarget(name: "ReliabilityTests", dependencies: ["DiglotKit", "DiglotImporters", "DiglotTestSupport", "DiglotXML", grdb]),
    ]
)
