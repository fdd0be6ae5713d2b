import Foundation
import DiglotModel
import DiglotPairing
import DiglotTestSupport

/// The pairing evaluation set in Data/evaluation-set.json: documents (pairs and distractors) and gold pairs with
/// gold sentence alignments. Written by us; the bulletin figures are the General Staff's real ones.
struct EvaluationSet {
    struct Document: Decodable {
        var id: String
        var language: String
        var kind: String
        var published: String
        var title: String?
        var text: String
        var url: String?
        var links: [String]?
    }

    struct GoldUnit: Decodable {
        var original: String
        var rendering: String
    }

    struct GoldPair: Decodable {
        var original: String
        var rendering: String
        /// `bulletin` or `free`.
        var type: String
        var alignment: [GoldUnit]
        var expectsMismatch: Bool
    }

    private struct File: Decodable {
        var documents: [Document]
        var pairs: [GoldPair]
    }

    var documents: [Document]
    var pairs: [GoldPair]
    var candidates: [PairingCandidate]
    /// Evaluation id -> archive id and back.
    var documentID: [String: DocumentID]
    var name: [DocumentID: String]

    static let url = TestPaths.packageRoot.appendingPathComponent("Tests/DiglotPairingTests/Data/evaluation-set.json")

    static func load() throws -> EvaluationSet {
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
        var ids: [String: DocumentID] = [:]
        var names: [DocumentID: String] = [:]
        var candidates: [PairingCandidate] = []
        for document in file.documents {
            let id = DocumentID(naturalKey: "evaluation:" + document.id)
            ids[document.id] = id
            names[id] = document.id
            guard let kind = DocumentKind(rawValue: document.kind == "statement" ? "article" : document.kind) else {
                throw EvaluationError(message: "\(url.lastPathComponent): \(document.id) has unknown kind \(document.kind)")
            }
            candidates.append(PairingCandidate(
                id: id, language: LanguageTag(bcp47: document.language), kind: kind,
                published: PublishedDate(iso: document.published), title: document.title, text: document.text,
                url: document.url, links: document.links ?? []))
        }
        return EvaluationSet(documents: file.documents, pairs: file.pairs, candidates: candidates, documentID: ids,
                             name: names)
    }

    /// Whether an original belongs to the training half (the other half is held out for evaluation).
    static func isTraining(_ originalName: String) -> Bool {
        originalName.unicodeScalars.reduce(UInt32(0)) { $0 &* 31 &+ $1.value } % 2 == 0
    }
}

struct EvaluationError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
