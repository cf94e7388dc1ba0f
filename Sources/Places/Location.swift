/// Where something is, as one value: what the parser finds in a message, what the board's forms and a
/// shared location give, and what the board stores and shows. Numbers are digit strings ("12", not "十二").
public struct Location: Sendable, Equatable, Codable {
    /// Canonical gazetteer name when known, else the name as written.
    public var estate: String?
    /// Building number as digits ("12").
    public var building: String?
    /// Unit (单元) number as digits.
    public var unit: String?
    /// Room number as digits ("301").
    public var room: String?
    /// A named place that is not an estate, with its position word ("乖乖幼儿园背后", "东门").
    public var landmark: String?
    /// The grid responsible, which decides which grid worker may act on the item.
    public var grid: String?
    /// Latitude of the estate or landmark (or of a shared location), when known.
    public var lat: Double?
    /// Longitude, paired with `lat`.
    public var lon: Double?

    /// Every part is optional.
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

    /// True when nothing was found.
    public var isEmpty: Bool {
        estate == nil && building == nil && unit == nil && room == nil && landmark == nil && lat == nil
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
