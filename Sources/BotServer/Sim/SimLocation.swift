/// A place the simulator can share, as a map app's location message would: a label and coordinates.
struct SimLocation: Sendable, Decodable, Equatable {
    /// What the page posts (`market`).
    var id: String
    /// What the share shows (龙西农贸市场).
    var label: String
    /// A gazetteer estate or landmark whose coordinates to use when `lat`/`lon` are not given
    /// (default: the label), so the presets follow the community file.
    var place: String?
    var lat: Double?
    var lon: Double?
}
