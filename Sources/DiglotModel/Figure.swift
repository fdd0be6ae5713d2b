/// A dated numeric claim from a document: one line of a General Staff loss bulletin.
public struct Figure: Hashable, Codable, Sendable {
    public var documentID: DocumentID
    /// The day the figures run to, `YYYY-MM-DD`.
    public var date: String
    public var category: FigureCategory
    public var total: Int
    /// The stated change since the previous bulletin; nil when the line states none (never inferred here).
    public var delta: Int?
    /// `about`, `more than`...: the hedge the line states, in English, whatever the document's language.
    public var qualifier: String?
    public var language: LanguageTag
    /// The figure line as written, for the record and for fidelity messages.
    public var label: String?
    public var passageID: PassageID?

    public init(documentID: DocumentID, date: String, category: FigureCategory, total: Int, delta: Int?,
                qualifier: String?, language: LanguageTag, label: String? = nil, passageID: PassageID? = nil) {
        self.documentID = documentID
        self.date = date
        self.category = category
        self.total = total
        self.delta = delta
        self.qualifier = qualifier
        self.language = language
        self.label = label
        self.passageID = passageID
    }

    private enum CodingKeys: String, CodingKey {
        case documentID = "document", date, category, total, delta, qualifier, language, label, passageID = "passage"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(documentID, forKey: .documentID)
        try c.encode(date, forKey: .date)
        try c.encode(category, forKey: .category)
        try c.encode(total, forKey: .total)
        try c.encode(delta, forKey: .delta)  // explicit null: "no stated delta" is information
        try c.encodeIfPresent(qualifier, forKey: .qualifier)
        try c.encode(language, forKey: .language)
        try c.encodeIfPresent(label, forKey: .label)
        try c.encodeIfPresent(passageID, forKey: .passageID)
    }
}

/// The canonical loss categories shared by every bulletin era and both languages.
public enum FigureCategory: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
    case personnel
    case tank
    case armoredCombatVehicle = "armored_combat_vehicle"
    case artillery
    case mlrs
    case airDefense = "air_defense"
    case aircraft
    case helicopter
    case uav
    case cruiseMissile = "cruise_missile"
    case warship
    case submarine
    case vehicleFuelTank = "vehicle_fuel_tank"
    case specialEquipment = "special_equipment"
    case groundRoboticSystem = "ground_robotic_system"
    // 2022-only categories, later merged or dropped by the General Staff.
    case militaryVehicle = "military_vehicle"
    case fuelTank = "fuel_tank"
    case srbmLauncher = "srbm_launcher"
    case pow

    public var description: String { rawValue }
}
