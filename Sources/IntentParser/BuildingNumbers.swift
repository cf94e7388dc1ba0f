/// Building, unit and room of a place, as digit strings.
struct BuildingNumbers: Sendable, Equatable {
    var building: String?
    var unit: String?
    var room: String?
    /// Where the first building/unit/room token starts and ends, so the estate
    /// name right before it can be read ("阳光丽都2号楼").
    var start: Int?
    var end: Int?

    var isEmpty: Bool { building == nil && unit == nil && room == nil }
}
