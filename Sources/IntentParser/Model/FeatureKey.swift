/// A model feature as a 64-bit FNV-1a hash of its name ("g:龙西", "k:fault", "rule:claim"), so
/// extraction hashes scalars without building strings, and the model file keeps readable names.
struct FeatureKey: Hashable, Sendable {
    let value: UInt64

    private static let offset: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let prime: UInt64 = 0x100_0000_01B3

    init(_ name: String) {
        var h = Self.offset
        for s in name.unicodeScalars { h = Self.mix(h, s.value) }
        value = h
    }

    /// The key of `prefix` followed by the scalars `text[range]`, equal to `FeatureKey(prefix + text)`.
    init(_ prefix: String, _ text: [Unicode.Scalar], _ range: Range<Int>) {
        var h = Self.offset
        for s in prefix.unicodeScalars { h = Self.mix(h, s.value) }
        for i in range { h = Self.mix(h, text[i].value) }
        value = h
    }

    @inline(__always)
    private static func mix(_ h: UInt64, _ scalar: UInt32) -> UInt64 {
        // One step per scalar, as FNV-1a over the scalar's value bytes (scalars need three).
        var h = h
        h = (h ^ UInt64(scalar & 0xFF)) &* prime
        h = (h ^ UInt64((scalar >> 8) & 0xFF)) &* prime
        h = (h ^ UInt64(scalar >> 16)) &* prime
        return h
    }
}
