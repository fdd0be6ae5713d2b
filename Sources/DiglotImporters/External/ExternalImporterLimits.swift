/// How long an external importer may run and how much it may write before Diglot stops it.
///
/// ```swift
/// let limits = ExternalImporterLimits(environment: ProcessInfo.processInfo.environment)
/// ```
public struct ExternalImporterLimits: Sendable, Equatable {
    /// Seconds an import may take (default 30).
    public var timeLimit: Double
    /// Bytes an import may write to stdout (default 64 MiB).
    public var outputLimit: Int
    /// Seconds `--describe` may take (default 5): discovery runs it for every plugin on every start.
    public var describeTimeLimit: Double

    public init(timeLimit: Double = 30, outputLimit: Int = 64 << 20, describeTimeLimit: Double = 5) {
        self.timeLimit = timeLimit
        self.outputLimit = outputLimit
        self.describeTimeLimit = describeTimeLimit
    }

    /// The defaults, overridden by `DIGLOT_PLUGIN_TIMEOUT` (seconds) and `DIGLOT_PLUGIN_OUTPUT_LIMIT` (bytes)
    /// when they hold positive numbers.
    public init(environment: [String: String]) {
        self.init()
        if let seconds = environment["DIGLOT_PLUGIN_TIMEOUT"].flatMap(Double.init), seconds > 0 { timeLimit = seconds }
        if let bytes = environment["DIGLOT_PLUGIN_OUTPUT_LIMIT"].flatMap(Int.init), bytes > 0 { outputLimit = bytes }
    }
}
