@_exported import Places

// The board's tables keep a place as columns of their own, so every module that uses the board
// also speaks of `Location`.
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
