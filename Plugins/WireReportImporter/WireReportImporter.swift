/// WireReportImporter: module namespace.
public enum WireReportImporterModule {}
