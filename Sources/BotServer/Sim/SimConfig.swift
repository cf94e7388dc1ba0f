/// The `sim:` section: the group-chat simulator at `/sim`, on by default so that `make run` can be
/// tried without any platform.
struct SimConfig: Sendable, Decodable, Equatable {
    /// False removes the simulator's routes and its channel entirely.
    var enabled = true
    /// The cast: personas, share-location presets and the story hints.
    var personas = "config/sim.yaml"

    enum CodingKeys: String, CodingKey { case enabled, personas }

    init() {}

    init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try c.update(&enabled, .enabled)
        try c.update(&personas, .personas)
    }
}
