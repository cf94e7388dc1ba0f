/// Reads building / unit / room in every form people write them: 12栋, 12号楼,
/// 12幢, 12#楼, 十二栋 (already digits after normalisation), 12-2-301,
/// "2-2楼道", 2单元, 301室, and a bare room number right after a unit.
struct BuildingExtractor: Sendable {
    func extract(_ hits: CueHits, covered: [Range<Int>] = []) -> BuildingNumbers {
        let t = hits.text
        var out = BuildingNumbers()
        var i = 0
        while i < t.count {
            guard TextNormalizer.isDigit(t[i]), i == 0 || !TextNormalizer.isDigit(t[i - 1]) else {
                i += 1
                continue
            }
            if covered.contains(where: { $0.contains(i) }) {
                i += 1
                continue
            }
            let (n1, e1) = number(t, i)
            // "#12" is an item, not a building
            if i > 0, t[i - 1] == "#" {
                i = e1
                continue
            }
            // 12-2-301 / 2-2楼道
            if e1 < t.count, t[e1] == "-", e1 + 1 < t.count, TextNormalizer.isDigit(t[e1 + 1]) {
                let (n2, e2) = number(t, e1 + 1)
                var n3: String?
                var end = e2
                if e2 < t.count, t[e2] == "-", e2 + 1 < t.count, TextNormalizer.isDigit(t[e2 + 1]) {
                    let (x, e3) = number(t, e2 + 1)
                    n3 = x
                    end = e3
                }
                if out.building == nil && n1.count <= 3 && n2.count <= 2 {
                    out.building = n1
                    out.unit = n2
                    if let n3 { out.room = n3 }
                    out.start = i
                    out.end = end
                }
                i = end
                continue
            }
            if let m = marker(hits, at: e1) {
                switch m.kind {
                case .buildingMarker where out.building == nil && n1.count <= 3:
                    out.building = n1
                    if out.start == nil {
                        out.start = i
                        out.end = m.end
                    }
                case .unitMarker where out.unit == nil && n1.count <= 2:
                    out.unit = n1
                    if out.start == nil {
                        out.start = i
                        out.end = m.end
                    }
                    // "1单元201": the bare number after a unit is the room
                    var k = m.end
                    if k < t.count, t[k] == " " { k += 1 }
                    if out.room == nil, k < t.count, TextNormalizer.isDigit(t[k]) {
                        let (r, re) = number(t, k)
                        if (3...4).contains(r.count), marker(hits, at: re)?.kind != .buildingMarker { out.room = r }
                    }
                case .roomMarker where out.room == nil && (2...4).contains(n1.count):
                    out.room = n1
                default:
                    break
                }
                i = m.end
                continue
            }
            i = e1
        }
        return out
    }

    private func number(_ t: [Unicode.Scalar], _ from: Int) -> (String, Int) {
        var j = from
        while j < t.count && TextNormalizer.isDigit(t[j]) { j += 1 }
        var digits = Substring(String(String.UnicodeScalarView(t[from..<j])))
        while digits.count > 1 && digits.first == "0" { digits = digits.dropFirst() }
        return (String(digits), j)
    }

    private func marker(_ hits: CueHits, at i: Int) -> CueHits.Hit? {
        hits.hits.first {
            $0.start == i && ($0.kind == .buildingMarker || $0.kind == .unitMarker || $0.kind == .roomMarker)
        }
    }
}
