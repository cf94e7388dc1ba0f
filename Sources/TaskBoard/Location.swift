/// Where an item is, as one value: how the parser, the board's forms and a shared location all hand
/// a place to the board, and how the board stores and shows it.
public struct Location: Sendable, Equatable, Codable {
    /// Canonical gazetteer name when known, else the name as written.
    public var estate: String?
    public var building: String?
    public var unit: String?
    public var room: String?
    /// A named place that is not an estate, with its position word ("乖乖幼儿园背后").
    public var landmark: String?
    /// The grid responsible, which decides which grid worker may act on the item.
    public var grid: String?
    public var lat: Double?
    public var lon: Double?

    public init(
        estate: String? = nil, building: String? = nil, unit: String? = nil, room: String? = nil,
        landmark: String? = nil, grid: String? = nil, lat: Double? = nil, lon: Double? = nil
    ) {
        self.estate = estate
        self.building = building
        self.unit = unit
        self.room = room
        self.landmark = landmark
        self.grid = grid
        self.lat = lat
        self.lon = lon
    }

    /// Whether someone could walk there: an estate or a landmark. A building number or coordinates
    /// alone do not say which estate, so the bot still asks.
    public var namesAPlace: Bool { estate != nil || landmark != nil }

    /// This location with what it lacks taken from `other`; what is known is never overwritten,
    /// so a late answer cannot move an item the secretary already placed.
    public func filling(from other: Location) -> Location {
        Location(
            estate: estate ?? other.estate, building: building ?? other.building, unit: unit ?? other.unit,
            room: room ?? other.room, landmark: landmark ?? other.landmark, grid: grid ?? other.grid,
            lat: lat ?? other.lat, lon: lon ?? other.lon)
    }
}

extension Item {
    /// The item's place; stored as columns of its own so the board can filter by estate and grid.
    public var location: Location {
        get {
            Location(
                estate: estate, building: building, unit: unit, room: room, landmark: landmark, grid: grid, lat: lat,
                lon: lon)
        }
        set {
            estate = newValue.estate
            building = newValue.building
            unit = newValue.unit
            room = newValue.room
            landmark = newValue.landmark
            grid = newValue.grid
            lat = newValue.lat
            lon = newValue.lon
        }
    }
}
