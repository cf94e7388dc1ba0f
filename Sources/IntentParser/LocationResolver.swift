/// Turns a shared location (lat, lon, label) into a place: the label's named
/// estate or landmark first, else the nearest gazetteer estate or landmark
/// within the radius, else an estate-shaped name in the label.
struct LocationResolver: Sendable {
    let gazetteer: GazetteerIndex
    let radiusMeters: Double

    /// `labelPlace` is the label run through the place extractor (nil without a label).
    func resolve(lat: Double, lon: Double, labelPlace: Place?) -> Place? {
        // The label is what the sender's map app named: a gazetteer place or an estate-shaped name in it wins.
        if let lp = labelPlace, lp.estate != nil || (lp.grid != nil && lp.landmark != nil) {
            var p = lp
            if p.lat == nil {
                p.lat = lat
                p.lon = lon
            }
            return p
        }
        if let near = nearest(lat: lat, lon: lon) { return near }
        if let lp = labelPlace, !lp.isEmpty { return lp }
        return Place(lat: lat, lon: lon)
    }

    /// The closest estate or landmark within the radius.
    func nearest(lat: Double, lon: Double) -> Place? {
        var best: (d: Double, place: Place)?
        for e in gazetteer.estates {
            guard let elat = e.lat, let elon = e.lon else { continue }
            let d = GeoDistance.meters(lat1: lat, lon1: lon, lat2: elat, lon2: elon)
            if d <= radiusMeters, best.map({ d < $0.d }) ?? true {
                best = (d, Place(estate: e.name, grid: e.gridID, lat: elat, lon: elon))
            }
        }
        for l in gazetteer.landmarks {
            guard let llat = l.lat, let llon = l.lon else { continue }
            let d = GeoDistance.meters(lat1: lat, lon1: lon, lat2: llat, lon2: llon)
            if d <= radiusMeters, best.map({ d < $0.d }) ?? true {
                best = (d, Place(landmark: l.name, grid: l.gridID, lat: llat, lon: llon))
            }
        }
        return best?.place
    }
}
