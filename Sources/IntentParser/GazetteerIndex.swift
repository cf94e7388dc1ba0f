/// The gazetteer flattened for lookups by index: cue values point into these
/// arrays, so a phrase hit resolves to its canonical place in O(1).
struct GazetteerIndex: Sendable {
    struct EstateInfo: Sendable {
        var name: String
        var gridID: String
        var lat: Double?
        var lon: Double?
        var gates: [String]
    }

    struct LandmarkInfo: Sendable {
        var name: String
        var gridID: String?
        var lat: Double?
        var lon: Double?
    }

    struct StreetInfo: Sendable {
        var name: String
        var gridID: String?
    }

    var estates: [EstateInfo] = []
    var landmarks: [LandmarkInfo] = []
    var streets: [StreetInfo] = []
    /// Names and aliases of four characters or more, with their estate: a name written with one
    /// character wrong (鑫毛东苑) still finds its estate.
    private var spellings: [(scalars: [Unicode.Scalar], estate: Int)] = []

    init(_ g: Gazetteer) {
        for grid in g.grids {
            for e in grid.estates {
                for spelling in [e.name] + e.aliases where spelling.unicodeScalars.count >= 4 {
                    spellings.append((Array(spelling.unicodeScalars), estates.count))
                }
                estates.append(EstateInfo(name: e.name, gridID: grid.id, lat: e.lat, lon: e.lon, gates: e.gates))
            }
        }
        for l in g.landmarks {
            landmarks.append(LandmarkInfo(name: l.name, gridID: l.grid, lat: l.lat, lon: l.lon))
        }
        for s in g.streets {
            streets.append(StreetInfo(name: s.name, gridID: s.grids.first))
        }
    }

    /// The estate whose name or alias differs from `name` in exactly one character (same length, the
    /// last character the same), when exactly one estate does.
    func nearMiss(_ name: String) -> Int? {
        let s = Array(name.unicodeScalars)
        var found: Int?
        for (spelling, estate) in spellings where spelling.count == s.count && spelling.last == s.last {
            var differences = 0
            for i in s.indices where s[i] != spelling[i] { differences += 1 }
            guard differences == 1 else { continue }
            if let f = found, f != estate { return nil }
            found = estate
        }
        return found
    }

    /// Index of the estate with this canonical name.
    func estateIndex(named name: String) -> Int? {
        estates.firstIndex { $0.name == name }
    }
}
