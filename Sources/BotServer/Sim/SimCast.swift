/// Who and what the simulator offers, from `config/sim.yaml` (`sim.personas`).
struct SimCast: Sendable, Decodable, Equatable {
    var personas: [SimPersona]
    var locations: [SimLocation]
    var script: [SimScriptStep]
    /// Chats the bot is in that nobody configured yet: the secretary meets them on the board's groups page.
    var groups: [SimGroup] = []

    enum CodingKeys: String, CodingKey { case personas, locations, script, groups }

    init(personas: [SimPersona], locations: [SimLocation] = [], script: [SimScriptStep] = []) {
        self.personas = personas
        self.locations = locations
        self.script = script
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(personas: try c.decode([SimPersona].self, forKey: .personas))
        try c.update(&locations, .locations)
        try c.update(&script, .script)
        try c.update(&groups, .groups)
    }

    func persona(_ id: String) -> SimPersona? { personas.first { $0.id == id } }

    func location(_ id: String) -> SimLocation? { locations.first { $0.id == id } }

    /// A sender's persona, for names in the transcript.
    func persona(senderID: String) -> SimPersona? { personas.first { $0.memberID == senderID } }
}
