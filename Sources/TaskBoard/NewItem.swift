/// What the server knows about a new report, built from the parser's result and the message.
public struct NewItem: Sendable {
    public var kind: ItemKind
    public var category: String?
    public var estate: String?
    public var building: String?
    public var unit: String?
    public var room: String?
    public var landmark: String?
    public var grid: String?
    public var lat: Double?
    public var lon: Double?
    public var text: String
    public var reporterID: Int64
    public var sourceChannel: String?
    public var sourceGroup: String?
    public var sourceMessageID: String?
    /// Photos sent with the report, stored with the item.
    public var photoURLs: [String]

    /// Everything but the kind, text and reporter is optional.
    public init(
        kind: ItemKind, category: String? = nil, estate: String? = nil, building: String? = nil,
        unit: String? = nil, room: String? = nil, landmark: String? = nil, grid: String? = nil,
        lat: Double? = nil, lon: Double? = nil, text: String, reporterID: Int64,
        sourceChannel: String? = nil, sourceGroup: String? = nil, sourceMessageID: String? = nil,
        photoURLs: [String] = []
    ) {
        self.kind = kind
        self.category = category
        self.estate = estate
        self.building = building
        self.unit = unit
        self.room = room
        self.landmark = landmark
        self.grid = grid
        self.lat = lat
        self.lon = lon
        self.text = text
        self.reporterID = reporterID
        self.sourceChannel = sourceChannel
        self.sourceGroup = sourceGroup
        self.sourceMessageID = sourceMessageID
        self.photoURLs = photoURLs
    }
}
