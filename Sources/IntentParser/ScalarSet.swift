/// A set of Unicode scalars as a bitmap over the Basic Multilingual Plane (a short list holds the
/// rest): the per-character tests of the normaliser and the place extractor cost a shift and a
/// mask instead of hashing the scalar.
struct ScalarSet: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1024)
    private var astral: [Unicode.Scalar] = []

    init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        for s in scalars {
            let v = Int(s.value)
            if v < 0x10000 { bits[v >> 6] |= 1 << UInt64(v & 63) } else if !astral.contains(s) { astral.append(s) }
        }
    }

    @inline(__always)
    func contains(_ s: Unicode.Scalar) -> Bool {
        let v = Int(s.value)
        if v < 0x10000 { return bits[v >> 6] & (1 << UInt64(v & 63)) != 0 }
        return astral.contains(s)
    }
}
