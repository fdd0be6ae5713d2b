import ArticleImporter
import DiglotImporting
import StaffBulletinImporter
import TMXImporter
import TweetEmbedImporter
import WireReportImporter

/// The hand-kept list of importers compiled into Diglot, in the order detection ties are broken.
///
/// Adding a built-in importer is one line here (and one in Package.swift's `pluginModules`).
public enum BuiltinImporters {
    public static let all: [any Importer.Type] = [
        StaffBulletinImporter.self,
        TweetEmbedImporter.self,
        WireReportImporter.self,
        TMXImporter.self,
        ArticleImporter.self,
    ]
}
