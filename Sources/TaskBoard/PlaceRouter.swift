/// Where a place goes: estate names and aliases to the canonical estate and its grid, landmarks
/// to theirs, grid ids to their names and grid workers. The one routing rule for chat, board and
/// schedule; built from the community's gazetteer and people at start-up.
public struct PlaceRouter: Sendable {
    /// One grid of the community.
    public struct Grid: Sendable {
        public var id: String
        /// Its display name (第一网格).
        public var name: String
        /// Its estates: canonical name → aliases.
        public var estates: [(name: String, aliases: [String])]
        /// Platform ids of its grid workers, mentioned when an item lands in the grid.
        public var workers: [String]

        public init(id: String, name: String, estates: [(name: String, aliases: [String])], workers: [String] = []) {
            self.id = id
            self.name = name
            self.estates = estates
            self.workers = workers
        }

    }

    private let estates: [String: (name: String, grid: String)]
    private let landmarks: [String: String]
    private let grids: [String: Grid]
    /// Canonical estate names in the gazetteer's order, for the board's forms.
    public let estateNames: [String]

    /// `landmarks`: landmark name or alias → grid id.
    public init(grids: [Grid], landmarks: [String: String] = [:]) {
        var estates: [String: (name: String, grid: String)] = [:]
        var byID: [String: Grid] = [:]
        var names: [String] = []
        for grid in grids {
            byID[grid.id] = grid
            for estate in grid.estates {
                names.append(estate.name)
                for spelling in estate.aliases + [estate.name] { estates[spelling] = (estate.name, grid.id) }
            }
        }
        self.estates = estates
        self.landmarks = landmarks
        self.grids = byID
        self.estateNames = names
    }

    /// The canonical name of an estate named by its name or an alias; other names as given.
    public func canonicalEstate(_ name: String) -> String { estates[name]?.name ?? name }

    /// The grid of an estate named by its name or an alias.
    public func grid(ofEstate name: String) -> String? { estates[name]?.grid }

    /// A grid's display name; nil for an unknown id.
    public func gridName(_ id: String) -> String? { grids[id]?.name }

    /// Platform ids of the grid workers of a grid; none for no grid.
    public func workers(of grid: String?) -> [String] { grid.flatMap { grids[$0]?.workers } ?? [] }

    /// The location with its estate's canonical name and its grid: a grid already found (from a
    /// landmark or shared coordinates) stands, else the estate's, else the landmark's.
    public func route(_ location: Location) -> Location {
        var routed = location
        routed.estate = location.estate.map(canonicalEstate)
        routed.grid =
            location.grid ?? location.estate.flatMap(grid(ofEstate:)) ?? location.landmark.flatMap { landmarks[$0] }
        return routed
    }
}
