import Foundation

/// The General Staff's daily cumulative figures from the reference dataset (PetroIvaniuk), the source of
/// truth the benchmark's bulletins are built from, so generated bulletins carry real numbers.
struct DailyFigures: Sendable {
    struct Day: Sendable {
        var date: String
        /// Category label (dataset field name) → cumulative total.
        var totals: [(field: String, total: Int)]
        var personnel: Int
    }

    var days: [Day]

    /// Reads russia_losses_equipment.json and russia_losses_personnel.json from `folder`.
    static func load(from folder: URL) throws -> DailyFigures {
        let equipment = try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.appendingPathComponent("russia_losses_equipment.json"))) as? [[String: Any]] ?? []
        let personnel = try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.appendingPathComponent("russia_losses_personnel.json"))) as? [[String: Any]] ?? []
        var personnelByDate: [String: Int] = [:]
        for row in personnel { if let d = row["date"] as? String, let p = row["personnel"] as? Int { personnelByDate[d] = p } }
        var seen = Set<String>()
        var days: [Day] = []
        for row in equipment {
            guard let date = row["date"] as? String, seen.insert(date).inserted else { continue }
            let totals = fieldOrder.compactMap { field in (row[field] as? Int).map { (field, $0) } }
            days.append(Day(date: date, totals: totals, personnel: personnelByDate[date] ?? 0))
        }
        return DailyFigures(days: days)
    }

    /// A synthetic series with plausible growth, used when the reference dataset is absent.
    static func synthetic(days count: Int, generator: inout SeededGenerator) -> DailyFigures {
        var totals = Dictionary(uniqueKeysWithValues: fieldOrder.map { ($0, Int.random(in: 5...200, using: &generator)) })
        var personnel = 2800
        var days: [Day] = []
        let start = Date(timeIntervalSince1970: 1_645_747_200)  // 2022-02-25
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        for index in 0..<count {
            for field in fieldOrder { totals[field, default: 0] += Int.random(in: 0...12, using: &generator) }
            personnel += Int.random(in: 100...1200, using: &generator)
            let date = formatter.string(from: start.addingTimeInterval(Double(index) * 86_400))
            days.append(Day(date: date, totals: fieldOrder.map { ($0, totals[$0] ?? 0) }, personnel: personnel))
        }
        return DailyFigures(days: days)
    }

    static let fieldOrder = [
        "tank", "APC", "field artillery", "MRL", "anti-aircraft warfare", "aircraft", "helicopter", "drone",
        "cruise missiles", "naval ship", "submarines", "vehicles and fuel tanks", "special equipment",
        "ground robotic systems",
    ]

    /// Labels as the bulletins print them, Ukrainian and English.
    static let labels: [String: (uk: String, en: String)] = [
        "tank": ("танків", "tanks"),
        "APC": ("бойових броньованих машин", "armoured combat vehicles"),
        "field artillery": ("артилерійських систем", "artillery systems"),
        "MRL": ("РСЗВ", "MLRS"),
        "anti-aircraft warfare": ("засоби ППО", "air defence systems"),
        "aircraft": ("літаків", "aircraft"),
        "helicopter": ("гелікоптерів", "helicopters"),
        "drone": ("БПЛА оперативно-тактичного рівня", "UAV operational-tactical level"),
        "cruise missiles": ("крилаті ракети", "cruise missiles"),
        "naval ship": ("кораблі / катери", "warships / boats"),
        "submarines": ("підводні човни", "submarines"),
        "vehicles and fuel tanks": ("автомобільної техніки та автоцистерн", "vehicles and fuel tanks"),
        "special equipment": ("спеціальна техніка", "special equipment"),
        "ground robotic systems": ("наземні робототехнічні комплекси", "ground robotic systems"),
    ]
}
