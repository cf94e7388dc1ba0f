/// A model feature as a 64-bit FNV-1a hash of its name ("3:井盖坏", "k:fault", "rule:claim"), so
/// extraction hashes scalars without building strings, and the model file keeps readable names.
struct FeatureKey: Hashable, Sendable {
    let value: UInt64

    private static let offset: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let prime: UInt64 = 0x100_0000_01B3

    init(_ name: String) {
        value = Prefix(name).state
    }

    /// The key of a name that starts with `prefix` and goes on with `text[range]`: equal to
    /// `FeatureKey(prefix + text[range])`, without building the string.
    init(_ prefix: Prefix, _ text: [Unicode.Scalar], _ range: Range<Int>) {
        var h = prefix.state
        for i in range { h = Self.mix(h, text[i].value) }
        value = h
    }

    /// A name's beginning, hashed once.
    struct Prefix: Sendable {
        let name: String
        let state: UInt64

        init(_ name: String) {
            self.name = name
            var h = FeatureKey.offset
            for s in name.unicodeScalars { h = FeatureKey.mix(h, s.value) }
            state = h
        }
    }

    @inline(__always)
    static func mix(_ h: UInt64, _ scalar: UInt32) -> UInt64 {
        // FNV-1a over the scalar's three value bytes.
        var h = h
        h = (h ^ UInt64(scalar & 0xFF)) &* prime
        h = (h ^ UInt64((scalar >> 8) & 0xFF)) &* prime
        h = (h ^ UInt64(scalar >> 16)) &* prime
        return h
    }
}

/// A feature name with its key, computed once for the names every message may have.
struct NamedFeature: Sendable {
    let name: String
    let key: FeatureKey

    init(_ name: String) {
        self.name = name
        key = FeatureKey(name)
    }
}

/// Feature key → model row by open addressing on the key's own bits (already a hash): one array
/// probe per feature instead of a hashed dictionary lookup.
struct FeatureTable: Sendable {
    /// The key's high half (its low bits chose the slot) and the row: eight bytes, so the table a
    /// message's features probe is half the memory, and probes miss the cache half as often.
    private struct Slot: Sendable {
        var check: UInt32 = 0
        var row: Int32 = -1
    }

    private let slots: [Slot]
    private let mask: Int

    init(_ names: [String]) {
        var capacity = 16
        while capacity < names.count * 2 { capacity <<= 1 }
        var slots = [Slot](repeating: Slot(), count: capacity)
        let mask = capacity - 1
        for (row, name) in names.enumerated() {
            let key = FeatureKey(name).value
            let check = Self.check(key)
            var slot = Self.slot(key, mask)
            while slots[slot].row >= 0 && slots[slot].check != check { slot = (slot + 1) & mask }
            if slots[slot].row < 0 { slots[slot] = Slot(check: check, row: Int32(row)) }
        }
        self.slots = slots
        self.mask = mask
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: key ^ (key >> 29)) & mask }

    @inline(__always)
    private static func check(_ key: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: key >> 32) }

    /// The row of a feature, or -1.
    @inline(__always)
    func row(_ key: FeatureKey) -> Int32 {
        let check = Self.check(key.value)
        return slots.withUnsafeBufferPointer { slots in
            var slot = Self.slot(key.value, mask)
            while true {
                let s = slots[slot]
                if s.row < 0 || s.check == check { return s.row }
                slot = (slot + 1) & mask
            }
        }
    }
}
