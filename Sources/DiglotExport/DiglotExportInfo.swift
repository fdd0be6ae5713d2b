/// What exports say about the tool that wrote them.
public enum DiglotExportInfo {
    /// The tool name TMX and XLIFF headers carry.
    public static let tool = "Diglot"
    /// Bumped whenever an export's content for the same pairs changes.
    public static let version = "1.0"
}
