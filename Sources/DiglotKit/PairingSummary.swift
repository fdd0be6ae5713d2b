/// What one `diglot pair` run did; `diglot pair --json` prints it as one object.
///
/// ```json
/// {"checked":2,"displaced":0,"examined":120,"found":31,"kept_out":3,"last_sequence":120,"pairs":28,"seconds":0.41}
/// ```
public struct PairingSummary: Encodable, Sendable, Equatable {
    /// Documents that arrived since the last run and were examined now.
    public var examined = 0
    /// Pairs the engine proposed for them.
    public var found = 0
    /// Pairs saved (new, or an earlier engine pair refreshed).
    public var pairs = 0
    /// Proposals left out: unlinked by a person, already paired, or a slot held by a manual, importer or better pair.
    public var keptOut = 0
    /// Earlier engine pairs a more confident proposal replaced.
    public var displaced = 0
    /// Pairs whose fidelity was checked for the first time (importer pairs stored `unchecked`).
    public var checked = 0
    /// The arrival number of the last document examined so far; the next run starts after it.
    public var lastSequence: Int64 = 0
    public var seconds = 0.0

    public init() {}

    private enum CodingKeys: String, CodingKey {
        case examined, found, pairs, keptOut = "kept_out", displaced, checked, lastSequence = "last_sequence", seconds
    }
}
