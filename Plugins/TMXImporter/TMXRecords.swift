import DiglotImporting
import DiglotModel

/// Turns a checked translation memory into documents, passages, pairs and aligned units.
struct TMXRecords {
    let input: ImportInput
    let memory: TranslationMemory

    /// The units of one Diglot pair, or of one direction of a foreign TMX.
    private struct Group {
        var stem: String?
        var whole: Bool
        var props: [String: String]
        var segtype: String
        var source: LanguageTag
        var target: LanguageTag
        var units: [(index: Int, tuid: String?, source: String, target: String)] = []
    }

    private struct GroupKey: Hashable {
        var stem: String
        var original: String
        var rendering: String
        var source: LanguageTag
        var target: LanguageTag
    }

    func batch() -> ImportBatch {
        var batch = ImportBatch(warnings: memory.warnings)
        for (number, group) in groups().enumerated() { add(group, number: number, to: &batch) }
        return batch
    }

    private func groups() -> [Group] {
        var groups: [Group] = []
        var positions: [GroupKey: Int] = [:]
        for unit in memory.units {
            let (stem, index) = Self.diglotTUID(unit.tuid)
            for target in unit.targets {
                let whole = stem != nil && index == nil
                let key = GroupKey(stem: whole ? "whole:\(unit.position)" : stem ?? "",
                                   original: unit.props["x-original-document"] ?? "",
                                   rendering: unit.props["x-rendering-document"] ?? "",
                                   source: unit.source.language, target: target.language)
                let position = positions[key] ?? {
                    groups.append(Group(stem: stem, whole: whole, props: unit.props,
                                        segtype: unit.segtype ?? memory.headerSegtype,
                                        source: unit.source.language, target: target.language))
                    positions[key] = groups.count - 1
                    return groups.count - 1
                }()
                let next = index ?? groups[position].units.count
                groups[position].units.append((next, unit.tuid, unit.source.text, target.text))
            }
        }
        return groups
    }

    /// Splits a Diglot `tuid` (`r` + 16 hex digits, then `-` and the unit index for aligned units) into its
    /// pair id and index; (nil, nil) for any other tuid.
    static func diglotTUID(_ tuid: String?) -> (stem: String?, index: Int?) {
        guard let tuid else { return (nil, nil) }
        let parts = tuid.split(separator: "-", omittingEmptySubsequences: false)
        let stem = String(parts[0])
        guard stem.count == 17, stem.hasPrefix("r"), stem.dropFirst().allSatisfy(\.isHexDigit), parts.count <= 2 else {
            return (nil, nil)
        }
        if parts.count == 1 { return (stem, nil) }
        guard let index = Int(parts[1]), index >= 0 else { return (nil, nil) }
        return (stem, index)
    }

    private func add(_ group: Group, number: Int, to batch: inout ImportBatch) {
        let originalID = DocumentID(naturalKey: "tmx:\(input.sourceID):\(number):original")
        let renderingID = DocumentID(naturalKey: "tmx:\(input.sourceID):\(number):rendering")
        var originalText = PassageBuilder(documentID: originalID, language: group.source)
        var renderingText = PassageBuilder(documentID: renderingID, language: group.target)
        for unit in group.units {
            let metadata = unit.tuid.map { ["tuid": $0] } ?? [:]
            originalText.append(unit.source, role: .segment, metadata: metadata)
            renderingText.append(unit.target, role: .segment, metadata: metadata)
        }
        let kind = group.props["x-kind"].flatMap(DocumentKind.init(rawValue:)) ?? .article
        var originalMetadata: [String: String] = [:]
        originalMetadata["tmx_document"] = group.props["x-original-document"]
        originalMetadata["tmx_pair"] = group.stem
        originalMetadata["tmx_method"] = group.props["x-method"]
        var renderingMetadata: [String: String] = [:]
        renderingMetadata["tmx_document"] = group.props["x-rendering-document"]
        let (originalBody, originalPassages) = originalText.finish()
        let (renderingBody, renderingPassages) = renderingText.finish()
        batch.documents.append(Document(
            id: originalID, kind: kind, language: group.source, declaredLanguage: group.source,
            published: group.props["x-published"].flatMap(PublishedDate.init(iso:)),
            canonicalURL: group.props["x-source-url"], text: originalBody, metadata: originalMetadata))
        batch.documents.append(Document(
            id: renderingID, kind: kind, language: group.target, declaredLanguage: group.target,
            text: renderingBody, metadata: renderingMetadata))
        batch.passages += originalPassages + renderingPassages

        let byPassage = group.whole && group.segtype == "paragraph"
        let pair = Pair(
            original: byPassage ? .passage(originalPassages[0].id) : .document(originalID),
            rendering: byPassage ? .passage(renderingPassages[0].id) : .document(renderingID),
            method: .tmx, confidence: group.props["x-confidence"].flatMap(Double.init) ?? 1,
            fidelity: FidelityReport(status: group.props["x-fidelity"].flatMap(FidelityReport.Status.init(rawValue:)) ?? .unchecked))
        batch.pairs.append(pair)
        guard !group.whole else { return }
        batch.alignedUnits += group.units.map {
            AlignedUnit(pairID: pair.id, index: $0.index, originalText: $0.source, renderingText: $0.target, pattern: "1-1")
        }
    }
}
