/// TMXImporter: module namespace.
public enum TMXImporterModule {}
