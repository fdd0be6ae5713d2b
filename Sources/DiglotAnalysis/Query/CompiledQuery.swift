/// A query compiled for FTS5, as one MATCH expression per ranking tier.
///
/// Tiers are cumulative: `.lemma` matches everything `.exact` matches and more. The store ranks by
/// running the stages in order, each ordered by `bm25(fts, 10.0, 1.0)` (title column ten times the body),
/// skipping documents an earlier stage returned, until the limit is reached; so exact forms rank above
/// lemmas, lemmas above name keys, and those above glossary translations, and BM25 orders each tier.
/// A last stage (`.someWords`) relaxes the implicit AND to OR, so partial matches follow all full ones;
/// BM25 ranks documents matching more of the words first within it.
///
/// ```swift
/// for stage in compiled.stages {
///     // SELECT rowid FROM fts WHERE fts MATCH stage.match ORDER BY bm25(fts, 10.0, 1.0) LIMIT ?
/// }
/// ```
public struct CompiledQuery: Sendable, Equatable {
    /// How far a query word was widened to match.
    public enum Tier: Int, Sendable, CaseIterable, Comparable {
        /// The folded surface form the user typed.
        case exact
        /// Plus its lemmas (Hunspell, light stem, Snowball).
        case lemma
        /// Plus name keys across scripts and exonyms.
        case name
        /// Plus glossary translations into the other languages.
        case translation
        /// Not every word: documents matching only some of a query's words (at any tier), after every
        /// document that matches them all, so "tanks Kharkiv" still finds a bulletin about tanks and a post
        /// about Kharkiv when no document has both. Only for queries of several plain words joined by AND.
        case someWords

        public static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// One MATCH expression and the tier it reaches.
    public struct Stage: Sendable, Equatable {
        public let tier: Tier
        public let expression: MatchExpression
        /// The expression as an FTS5 MATCH string, rendered once: a search binds it to several statements.
        public let match: String

        public init(tier: Tier, expression: MatchExpression) {
            self.tier = tier
            self.expression = expression
            match = expression.fts5
        }
    }

    /// The stages to run in order; a tier that adds nothing to the previous one is left out.
    public var stages: [Stage]
    /// How the query text was reinterpreted, for the user (from `SearchQuery.notes`).
    public var notes: [String]

    /// The widest stage that still requires every word: every document the query, read strictly, matches.
    public var broadest: Stage { stages.last { $0.tier <= .translation } ?? stages[stages.count - 1] }

    /// The last stage, `.someWords` when the query has one: every document matching any part of the query.
    public var relaxed: Stage { stages[stages.count - 1] }
}
