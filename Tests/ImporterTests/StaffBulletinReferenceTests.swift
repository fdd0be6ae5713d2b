import Foundation
import Testing
import DiglotImporting
import DiglotModel
import DiglotTestSupport
import StaffBulletinImporter

/// Every real bulletin in ../shared/reference/general-staff/ against the independent dataset there.
@Suite struct StaffBulletinReferenceTests {
    /// Dataset field names -> our categories.
    static let fieldCategories: [String: FigureCategory] = [
        "personnel": .personnel, "POW": .pow, "tank": .tank, "APC": .armoredCombatVehicle,
        "field artillery": .artillery, "MRL": .mlrs, "anti-aircraft warfare": .airDefense, "aircraft": .aircraft,
        "helicopter": .helicopter, "drone": .uav, "cruise missiles": .cruiseMissile, "naval ship": .warship,
        "submarines": .submarine, "vehicles and fuel tanks": .vehicleFuelTank, "special equipment": .specialEquipment,
        "ground robotic systems": .groundRoboticSystem, "military auto": .militaryVehicle, "fuel tank": .fuelTank,
        "mobile SRBM system": .srbmLauncher,
    ]

    struct Difference: Hashable, CustomStringConvertible {
        var date: String
        var category: String
        var page: String
        var dataset: String
        var description: String { "\(date) \(category): page says \(page), dataset says \(dataset)" }
    }

    @Test func everyReferenceBulletinMatchesTheDataset() throws {
        guard let reference = TestPaths.reference?.appendingPathComponent("general-staff") else {
            print("reference material absent: skipped 126 checks")
            return
        }
        let dataset = try Self.loadDataset(reference)
        let inputs = try Self.textBlocks(reference) + Self.pages(reference)
        let exceptions = try Self.exceptions()
        var matched = 0, matchedWithExceptions = 0, bulletins = 0, newsPages = 0, expectedNewsPages = 0
        var unexpected: [String] = []
        var usedExceptions = Set<Difference>()
        for (name, data, isNewsPage) in inputs {
            let input = ImportInput(bytes: data, fileName: name)
            #expect(StaffBulletinImporter.confidence(for: input) >= 0.9, "\(name) is not recognised")
            if isNewsPage { expectedNewsPages += 1 }
            let batch: ImportBatch
            do {
                batch = try StaffBulletinImporter(configuration: .default).read(input)
            } catch let error as ImportError {
                if isNewsPage && error.message.hasPrefix("not a bulletin") { newsPages += 1 }
                else { unexpected.append("\(name): \(error)") }
                continue
            }
            if isNewsPage { unexpected.append("\(name): a News list page was read as a bulletin"); continue }
            bulletins += 1
            #expect(batch.validationProblems().isEmpty, "\(name): \(batch.validationProblems())")
            let date = try #require(batch.documents.first?.metadata["bulletin_date"])
            guard let expected = dataset[date] else { unexpected.append("\(name): dataset has no \(date)"); continue }
            var differences: [Difference] = []
            let ours = Dictionary(batch.figures.map { ($0.category, $0.total) }, uniquingKeysWith: { a, _ in a })
            for (category, total) in ours where expected[category] != total {
                differences.append(Difference(date: date, category: category.rawValue, page: String(total),
                                              dataset: expected[category].map(String.init) ?? "—"))
            }
            // POW stopped being part of the list in March 2022 while the dataset kept a separate count.
            for (category, total) in expected where ours[category] == nil && category != .pow {
                differences.append(Difference(date: date, category: category.rawValue, page: "—", dataset: String(total)))
            }
            if differences.isEmpty { matched += 1; continue }
            for difference in differences.sorted(by: { $0.category < $1.category }) {
                if exceptions.contains(difference) {
                    usedExceptions.insert(difference)
                    print("known difference (\(name)): \(difference)")
                } else {
                    unexpected.append("\(name): \(difference)")
                }
            }
            if differences.allSatisfy(exceptions.contains) { matchedWithExceptions += 1 }
        }
        print("\(matched)/\(bulletins) bulletins match the reference dataset; \(matchedWithExceptions) more differ only by "
              + "the \(usedExceptions.count) differences listed in StaffBulletinReferenceExceptions.md")
        print("\(newsPages)/\(expectedNewsPages) News list pages recognised as not a bulletin")
        for line in unexpected { print("difference: \(line)") }
        #expect(unexpected.isEmpty)
        #expect(newsPages == expectedNewsPages)
        #expect(bulletins + newsPages == inputs.count)
        #expect(usedExceptions == exceptions, "stale exceptions: \(exceptions.subtracting(usedExceptions))")
    }

    /// date -> category -> total, with the equipment corrections file checked for relevance.
    static func loadDataset(_ folder: URL) throws -> [String: [FigureCategory: Int]] {
        var result: [String: [FigureCategory: Int]] = [:]
        for file in ["russia_losses_personnel.json", "russia_losses_equipment.json"] {
            let rows = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(file))) as! [[String: Any]]
            for row in rows {
                guard let date = row["date"] as? String else { continue }
                for (field, value) in row {
                    if let category = fieldCategories[field], let number = value as? Int {
                        result[date, default: [:]][category] = number
                    }
                }
            }
        }
        // The corrections record recounts the General Staff made (a total that moved by more or less than the
        // stated delta); the totals above already include them, so they matter only for delta checks. Make
        // sure none falls on a day we compare, where it would need a closer look.
        let corrections = try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.appendingPathComponent("russia_losses_equipment_correction.json"))) as! [[String: Any]]
        let correctedDays = Set(corrections.compactMap { $0["date"] as? String })
        #expect(correctedDays.allSatisfy { $0 > "2022-08-21" }, "a correction falls on a compared day: \(correctedDays.sorted())")
        return result
    }

    /// The 3 + 3 bulletins of bulletins-uk.txt and bulletins-en.txt: each block's text after its `---` line.
    static func textBlocks(_ folder: URL) throws -> [(String, Data, Bool)] {
        var result: [(String, Data, Bool)] = []
        for file in ["bulletins-uk.txt", "bulletins-en.txt"] {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let blocks = text.components(separatedBy: "\n==============================================================================\n")
            for block in blocks {
                guard let idStart = block.range(of: "["), let idEnd = block.range(of: "]", range: idStart.upperBound..<block.endIndex),
                      let body = block.range(of: "\n---\n") else { continue }
                let id = String(block[idStart.upperBound..<idEnd.lowerBound])
                result.append(("\(file)#\(id)", Data(block[body.upperBound...].utf8), false))
            }
        }
        #expect(result.count == 6, "expected 3 + 3 blocks, found \(result.count)")
        return result
    }

    static func pages(_ folder: URL) throws -> [(String, Data, Bool)] {
        let pages = folder.appendingPathComponent("mil-gov-ua-pages")
        let names = try FileManager.default.contentsOfDirectory(atPath: pages.path).sorted()
        #expect(names.count == 120)
        return try names.map { name in
            let data = try Data(contentsOf: pages.appendingPathComponent(name))
            let isNews = String(decoding: data, as: UTF8.self).contains("<h1>News</h1>")
            return (name, data, isNews)
        }
    }

    /// The rows of the tables in StaffBulletinReferenceExceptions.md: | date | category | page | dataset | why |.
    static func exceptions() throws -> Set<Difference> {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("StaffBulletinReferenceExceptions.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        var result = Set<Difference>()
        for line in text.split(separator: "\n") where line.hasPrefix("| 20") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4 else { continue }
            result.insert(Difference(date: cells[0], category: cells[1], page: cells[2], dataset: cells[3]))
        }
        return result
    }
}
