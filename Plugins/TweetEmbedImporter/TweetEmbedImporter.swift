/// TweetEmbedImporter: module namespace.
public enum TweetEmbedImporterModule {}
