/// ArticleImporter: module namespace.
public enum ArticleImporterModule {}
