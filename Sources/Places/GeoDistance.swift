/// Distance between two nearby points, without Foundation: an equirectangular
/// approximation is exact to well under a metre at community scale.
public enum GeoDistance {
    private static let earthRadius = 6_371_000.0

    /// Metres between two points given in degrees.
    public static func meters(lat1: Double, lon1: Double, lat2: Double, lon2: Double) -> Double {
        let rad = Double.pi / 180
        let x = (lon2 - lon1) * rad * cosine((lat1 + lat2) / 2 * rad)
        let y = (lat2 - lat1) * rad
        return (x * x + y * y).squareRoot() * earthRadius
    }

    /// cos(x) for |x| ≤ π/2 by its Taylor series (latitudes never leave that range).
    static func cosine(_ x: Double) -> Double {
        let x2 = x * x
        var term = 1.0
        var sum = 1.0
        for k in 1...10 {
            term *= -x2 / Double((2 * k - 1) * (2 * k))
            sum += term
        }
        return sum
    }
}
