/// The community's places (gazetteer.yaml) as data: the parser resolves estate
/// names, aliases, landmarks and streets against it, and the server reads the
/// grids from it to route items to the right grid member.
public struct Gazetteer: Sendable, Codable, Equatable {
    /// Schema version of the YAML file.
    public var version: Int?
    /// The community this gazetteer describes.
    public var community: Community
    /// The grids, each with its estates.
    @OrEmpty public var grids: [Grid]
    /// Named non-estate places (kindergarten, market, stations …).
    @OrEmpty public var landmarks: [Landmark]
    /// Streets and the grids they cross.
    @OrEmpty public var streets: [Street]

    /// Builds a gazetteer in code (tests, tools); the server decodes it from YAML instead.
    public init(
        version: Int? = 1, community: Community, grids: [Grid], landmarks: [Landmark] = [], streets: [Street] = []
    ) {
        self.version = version
        self.community = community
        self.grids = grids
        self.landmarks = landmarks
        self.streets = streets
    }

    enum CodingKeys: String, CodingKey {
        case version, community, grids, landmarks, streets
    }

    /// The community block: its name, how people call it, and the street office above it.
    public struct Community: Sendable, Codable, Equatable {
        /// Official name (龙西社区).
        public var name: String
        /// Other ways people write it.
        @OrEmpty public var aliases: [String]
        /// The level above the community, the default 吹哨 target.
        public var streetOffice: String?
        /// Map centre, for display.
        public var center: Coordinate?
        /// Area the community covers; locations far outside it are not resolved.
        public var bbox: BoundingBox?

        /// Builds a community block in code.
        public init(
            name: String, aliases: [String] = [], streetOffice: String? = nil, center: Coordinate? = nil,
            bbox: BoundingBox? = nil
        ) {
            self.name = name
            self.aliases = aliases
            self.streetOffice = streetOffice
            self.center = center
            self.bbox = bbox
        }

        enum CodingKeys: String, CodingKey {
            case name, aliases, center, bbox
            case streetOffice = "street_office"
        }
    }

    /// A latitude/longitude pair as written in the file.
    public struct Coordinate: Sendable, Codable, Equatable {
        /// Degrees north.
        public var lat: Double
        /// Degrees east.
        public var lon: Double

        /// Builds a coordinate in code.
        public init(lat: Double, lon: Double) {
            self.lat = lat
            self.lon = lon
        }
    }

    /// The community's extent.
    public struct BoundingBox: Sendable, Codable, Equatable {
        /// Southern edge (degrees).
        public var south: Double
        /// Western edge (degrees).
        public var west: Double
        /// Northern edge (degrees).
        public var north: Double
        /// Eastern edge (degrees).
        public var east: Double

        /// Builds a box in code.
        public init(south: Double, west: Double, north: Double, east: Double) {
            self.south = south
            self.west = west
            self.north = north
            self.east = east
        }
    }

    /// A grid: the unit one grid member is responsible for.
    public struct Grid: Sendable, Codable, Equatable {
        /// Stable id used on items ("G1").
        public var id: String
        /// Display name (第一网格).
        public var name: String
        /// Who looks after the grid, as written (网格员 王芳).
        public var gridMember: String?
        /// Estates inside the grid.
        @OrEmpty public var estates: [Estate]

        /// Builds a grid in code.
        public init(id: String, name: String, gridMember: String? = nil, estates: [Estate] = []) {
            self.id = id
            self.name = name
            self.gridMember = gridMember
            self.estates = estates
        }

        enum CodingKeys: String, CodingKey {
            case id, name, estates
            case gridMember = "grid_member"
        }
    }

    /// A residential estate (小区).
    public struct Estate: Sendable, Codable, Equatable {
        /// Canonical name: the label the board and the corpus use.
        public var name: String
        /// Other spellings people use for it.
        @OrEmpty public var aliases: [String]
        /// The street it sits on.
        public var street: String?
        /// Number of buildings, when known.
        public var buildings: Int?
        /// Degrees north.
        public var lat: Double?
        /// Degrees east.
        public var lon: Double?
        /// Named gates (东门, 北门 …).
        @OrEmpty public var gates: [String]
        /// Free note for the secretary.
        public var note: String?

        /// Builds an estate in code.
        public init(
            name: String, aliases: [String] = [], street: String? = nil, buildings: Int? = nil,
            lat: Double? = nil, lon: Double? = nil, gates: [String] = [], note: String? = nil
        ) {
            self.name = name
            self.aliases = aliases
            self.street = street
            self.buildings = buildings
            self.lat = lat
            self.lon = lon
            self.gates = gates
            self.note = note
        }

        enum CodingKeys: String, CodingKey {
            case name, aliases, street, buildings, lat, lon, gates, note
        }
    }

    /// A named place that is not an estate.
    public struct Landmark: Sendable, Codable, Equatable {
        /// Canonical name.
        public var name: String
        /// Other spellings.
        @OrEmpty public var aliases: [String]
        /// Grid id it belongs to.
        public var grid: String?
        /// Degrees north.
        public var lat: Double?
        /// Degrees east.
        public var lon: Double?
        /// Free note.
        public var note: String?

        /// Builds a landmark in code.
        public init(
            name: String, aliases: [String] = [], grid: String? = nil, lat: Double? = nil, lon: Double? = nil,
            note: String? = nil
        ) {
            self.name = name
            self.aliases = aliases
            self.grid = grid
            self.lat = lat
            self.lon = lon
            self.note = note
        }

        enum CodingKeys: String, CodingKey {
            case name, aliases, grid, lat, lon, note
        }
    }

    /// A street and the grids it crosses.
    public struct Street: Sendable, Codable, Equatable {
        /// Street name (龙西路).
        public var name: String
        /// Grid ids along it, first is the default owner.
        @OrEmpty public var grids: [String]

        /// Builds a street in code.
        public init(name: String, grids: [String] = []) {
            self.name = name
            self.grids = grids
        }

        enum CodingKeys: String, CodingKey {
            case name, grids
        }
    }

    /// An estate together with the grid it belongs to, for listings and routing.
    public struct LocatedEstate: Sendable, Equatable {
        /// The estate.
        public var estate: Estate
        /// Id of its grid.
        public var gridID: String
        /// Name of its grid.
        public var gridName: String
    }

    /// Every estate with its grid, in file order, so the server can list and route without walking grids itself.
    public var allEstates: [LocatedEstate] {
        grids.flatMap { grid in grid.estates.map { LocatedEstate(estate: $0, gridID: grid.id, gridName: grid.name) } }
    }

    /// The grid an estate belongs to, found by canonical name or alias, so an item's estate can be routed.
    public func grid(ofEstate name: String) -> Grid? {
        grids.first { grid in grid.estates.contains { $0.name == name || $0.aliases.contains(name) } }
    }

    /// The grid with this id ("G1"), for items whose place came from a landmark or street.
    public func grid(id: String) -> Grid? {
        grids.first { $0.id == id }
    }

    /// The estate with this canonical name or alias.
    public func estate(named name: String) -> Estate? {
        for grid in grids {
            if let e = grid.estates.first(where: { $0.name == name || $0.aliases.contains(name) }) { return e }
        }
        return nil
    }
}
