/// DiglotExport: module namespace.
public enum DiglotExportModule {}
