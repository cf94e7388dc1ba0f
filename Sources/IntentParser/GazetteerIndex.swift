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

    init(_ g: Gazetteer) {
        for grid in g.grids {
            for e in grid.estates {
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

    /// Index of the estate with this canonical name.
    func estateIndex(named name: String) -> Int? {
        estates.firstIndex { $0.name == name }
    }
}
