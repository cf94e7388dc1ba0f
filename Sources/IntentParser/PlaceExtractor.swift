/// Finds where a report, wish or suggestion is: a gazetteer estate (name,
/// alias, homophone, traditional form — longest match, first named wins), an
/// unknown estate by its form (…小区 …花园 …苑, or the name right before a
/// building number), building/unit/room, and a landmark, street or gate with
/// its position word.
struct PlaceExtractor: Sendable {
    let gazetteer: GazetteerIndex
    let nameStops: ScalarSet
    let notNames: Set<String>
    let streetSuffixes: [[Unicode.Scalar]]
    let adminUnitChars: ScalarSet
    /// Not-names of two or more characters, as scalars: they end a name wherever they stand in it.
    let boundaryWords: [[Unicode.Scalar]]
    private let buildings = BuildingExtractor()

    static let placeKinds: CueKinds = [.estate, .landmark, .street, .community]
    /// Words for a spot or side of a place (门口, 村口, 楼下, 东门).
    static let spotKinds: CueKinds = [.positionWord, .gateWord, .spotWord]

    init(gazetteer: GazetteerIndex, vocabulary: Lexicon.PlaceVocabulary, normalize: (String) -> String) {
        self.gazetteer = gazetteer
        nameStops = ScalarSet(vocabulary.nameStopChars.unicodeScalars)
        notNames = Set(vocabulary.notEstateNames.map(normalize))
        streetSuffixes = vocabulary.streetSuffixes.map { Array(normalize($0).unicodeScalars) }.filter { !$0.isEmpty }
        adminUnitChars = ScalarSet(vocabulary.adminUnitChars.unicodeScalars)
        boundaryWords = vocabulary.notEstateNames.map { Array(normalize($0).unicodeScalars) }.filter { $0.count >= 2 }
    }

    /// Scalar ranges of named places, so item numbers inside them ("2号驿站") are not items.
    func coveredRanges(_ hits: CueHits) -> [Range<Int>] {
        hits.longestNonOverlapping(Self.placeKinds).map { $0.start..<$0.end }
    }

    /// `written` (the normalised text with its origins) lets an estate the gazetteer does not know be
    /// reported as written (育才東苑, 西湖一号), since labels and people name it so.
    func extract(_ hits: CueHits, written: NormalizedText? = nil) -> Place {
        func name(_ range: Range<Int>, _ normalised: String) -> String {
            written.map { $0.written(range) } ?? normalised
        }
        let t = hits.text
        let places = hits.longestNonOverlapping(Self.placeKinds)
        let numbers = buildings.extract(hits, covered: places.map { $0.start..<$0.end })
        var place = Place()
        place.building = numbers.building
        place.unit = numbers.unit
        place.room = numbers.room

        // The estate: the first one named, gazetteer or not.
        var estateStart = Int.max
        var estateEnd = 0
        for p in places where p.kind == .estate && !endsAdminUnit(t, p.end) {
            let info = gazetteer.estates[p.cue.value]
            if let raw = extendedAlias(p, hits, places) {
                estateStart = raw.start
                estateEnd = p.end
                place.estate = name(raw.start..<p.end, raw.name)
            } else {
                estateStart = p.start
                estateEnd = p.end
                place.estate = info.name
                place.grid = info.gridID
                place.lat = info.lat
                place.lon = info.lon
            }
            break
        }
        if let unknown = unknownEstate(hits, places), unknown.start < estateStart {
            estateStart = unknown.start
            estateEnd = unknown.end
            place.estate = name(unknown.start..<unknown.end, unknown.name)
            place.grid = nil
            place.lat = nil
            place.lon = nil
            if let known = gazetteer.nearMiss(unknown.name) {
                let info = gazetteer.estates[known]
                place.estate = info.name
                place.grid = info.gridID
                place.lat = info.lat
                place.lon = info.lon
            }
        }
        if place.estate == nil, let start = numbers.start {
            // "桃源里 7-1-302": one space may stand between the name and its building number.
            let nameEnd = start > 0 && t[start - 1] == " " ? start - 1 : start
            if let raw = nameBefore(nameEnd, hits, places, minLength: 2) {
                place.estate = name(raw.start..<nameEnd, raw.name)
                estateStart = raw.start
                estateEnd = nameEnd
            }
        }

        // The landmark: a gazetteer landmark or street, else a gate or spot of the estate.
        if let lm = places.first(where: { $0.kind == .landmark || $0.kind == .street }) {
            // "广场路公交站旁边": a street and a landmark written together are one spot
            var end = lm.end
            for next in places where next.start == end && (next.kind == .landmark || next.kind == .street) {
                end = next.end
            }
            place.landmark = text(t, lm.start, withPositionAfter: end, hits)
            if place.estate == nil {
                if lm.kind == .landmark {
                    let info = gazetteer.landmarks[lm.cue.value]
                    place.grid = info.gridID
                    place.lat = info.lat
                    place.lon = info.lon
                } else {
                    place.grid = gazetteer.streets[lm.cue.value].gridID
                }
            }
        } else if let address = streetAddress(hits, places) {
            place.landmark = address
        } else {
            // a gate or spot of an estate; the estate may come from a shared location
            if let spot = hits.hits.first(where: {
                ($0.kind == .gateWord || $0.kind == .spotWord) && $0.start >= estateEnd
            }) {
                place.landmark = text(t, spot.start, withPositionAfter: spot.end, hits)
            } else if place.estate != nil,
                let pos = hits.hits.first(where: { $0.kind == .positionWord && $0.start == estateEnd })
            {
                place.landmark = string(t[pos.start..<pos.end])
            }
        }
        return place
    }

    // MARK: - unknown estates

    private func isNameChar(_ s: Unicode.Scalar) -> Bool {
        if nameStops.contains(s) { return false }
        let v = s.value
        return (0x4E00...0x9FFF).contains(v) || (0x61...0x7A).contains(v)
    }

    /// The name run ending at `end` (left of a suffix or a building number), within the limits of an estate name.
    private func nameBefore(_ end: Int, _ hits: CueHits, _ places: [CueHits.Hit], minLength: Int) -> (
        name: String, start: Int
    )? {
        let t = hits.text
        var k = end
        // The name stops at another word the lexicon knows ("建议龙西小区" is 龙西小区 after the cue 建议).
        let wordKinds: CueKinds = [.estateSuffix, .notEstateName]
        while k > 0 && isNameChar(t[k - 1]) && end - (k - 1) <= 8
            && !places.contains(where: { $0.start < k && $0.end >= k })
            && !hits.hits.contains(where: { w in
                w.start < k && w.end >= k && w.end <= end && w.length >= 2
                    && !wordKinds.contains(w.kind) && !Self.placeKinds.contains(w.kind)
            })
        {
            k -= 1
        }
        // "建设路28号院": a house number inside the name takes the street before it along.
        if k < end, t[k] == "号", k > 0, TextNormalizer.isDigit(t[k - 1]) {
            var d = k
            while d > 0 && TextNormalizer.isDigit(t[d - 1]) { d -= 1 }
            var n = d
            while n > 0 && isNameChar(t[n - 1]) && d - (n - 1) <= 6 { n -= 1 }
            if n < d { k = n }
        } else {
            k = afterPrefixes(t, k, end)
        }
        guard end - k >= minLength else { return nil }
        var name = string(t[k..<end])
        // A leading generic word ("隔壁", "对面") is not part of the name; a leading 老 or 新 is (老粮站宿舍).
        var stripped = true
        while stripped {
            stripped = false
            for n in notNames where n.count >= 2 && name.hasPrefix(n) && name.count > n.count {
                name.removeFirst(n.count)
                k += n.count
                stripped = true
            }
        }
        guard name.count >= minLength, !notNames.contains(name) else { return nil }
        return (name, k)
    }

    /// Where a name really starts in the run `t[start..<end]`: after the last administrative unit
    /// ("荷塘区银基", "祁门县凤凰"), street ("白土坝路新豪天地") or generic word ("散步发现罗马", "根据老旧")
    /// written before it, as long as two name characters remain. Writers from other towns name their
    /// district and street first; the label is the estate alone.
    private func afterPrefixes(_ t: [Unicode.Scalar], _ start: Int, _ end: Int) -> Int {
        var k = start
        var i = start
        while i + 2 < end {
            let c = t[i]
            // 城市花园 and 小区/社区 are words, not a city or a district.
            let admin =
                adminUnitChars.contains(c)
                && !(i > 0 && c == "市" && t[i - 1] == "城")
                && !(i > 0 && c == "区" && (t[i - 1] == "小" || t[i - 1] == "社"))
            if admin { k = i + 1 }
            for w in streetSuffixes where w.count <= i + 1 - start && Self.matches(w, t, endingAt: i + 1) {
                k = i + 1
            }
            for w in boundaryWords where w.count <= i + 1 - start && Self.matches(w, t, endingAt: i + 1) {
                k = i + 1
            }
            i += 1
        }
        // "实名举报龙西小区": a generic word right before the ending leaves no name at all.
        for w in boundaryWords where w.count <= end - start && Self.matches(w, t, endingAt: end) { return end }
        return k
    }

    /// True when an administrative word follows at `i` (区, 县, 街道, 社区 …): what ends there is a
    /// district or village, not an estate ("芙蓉区", "李村街道").
    private func endsAdminUnit(_ t: [Unicode.Scalar], _ i: Int) -> Bool {
        guard i < t.count else { return false }
        if adminUnitChars.contains(t[i]) { return true }
        guard i + 1 < t.count else { return false }
        return (t[i] == "街" && t[i + 1] == "道") || (t[i] == "社" && t[i + 1] == "区")
    }

    private static func matches(_ w: [Unicode.Scalar], _ t: [Unicode.Scalar], endingAt end: Int) -> Bool {
        var j = 0
        let from = end - w.count
        while j < w.count {
            if t[from + j] != w[j] { return false }
            j += 1
        }
        return true
    }

    /// The first "<name><suffix>" of an estate the gazetteer does not know (金桂苑, 幸福里小区, 粮站宿舍).
    private func unknownEstate(_ hits: CueHits, _ places: [CueHits.Hit]) -> (name: String, start: Int, end: Int)? {
        let t = hits.text
        var best: (name: String, start: Int, end: Int)?
        for s in hits.all(.estateSuffix) {
            if places.contains(where: { $0.start < s.end && s.start < $0.end }) { continue }
            // "城管" starts with 城 but is another word
            if hits.hits.contains(where: {
                $0.start == s.start && $0.length > s.length && $0.kind != .estateSuffix
                    && !Self.spotKinds.contains($0.kind)
            }) {
                continue
            }
            // "李村街道", "东风村社区": a village or estate name before 街道/社区/区 names an administrative unit.
            if endsAdminUnit(t, s.end) { continue }
            // "明佳花园小区": the generic 小区 after another ending adds nothing to the name, unless the name
            // before that ending is too short to stand alone: "东苑小区" is 东苑, not 东 + 苑.
            if t[s.start] == "小",
                let previous = hits.hits.first(where: { $0.kind == .estateSuffix && $0.end == s.start }),
                nameBefore(previous.start, hits, places, minLength: 2) != nil
            {
                continue
            }
            let minLength = s.length == 1 ? 2 : 2
            guard let prefix = nameBefore(s.start, hits, places, minLength: minLength) else { continue }
            let candidate = (name: prefix.name + string(t[s.start..<s.end]), start: prefix.start, end: s.end)
            if let b = best {
                if b.start != candidate.start {
                    if b.start < candidate.start { continue }
                } else if b.end == candidate.end {
                    continue
                } else {
                    // Same start: the longer name, unless a position word crosses its end
                    // ("柳河村村口", "粮站宿舍楼下" keep 柳河村, 粮站宿舍).
                    let (short, long) = b.end < candidate.end ? (b.end, candidate.end) : (candidate.end, b.end)
                    let crossed = hits.hits.contains { w in
                        Self.spotKinds.contains(w.kind) && w.start >= short && w.start < long && w.end > long
                    }
                    let keepLong = !crossed
                    if (b.end == long) == keepLong { continue }
                }
            }
            best = candidate
        }
        return best
    }

    /// "阳光新村" is not 龙西新村 and "嘉禾苑" not 和苑小区 just because they end with an alias:
    /// a known name ending in an estate suffix, glued to more name characters on its left, is a longer unknown name.
    private func extendedAlias(_ p: CueHits.Hit, _ hits: CueHits, _ places: [CueHits.Hit]) -> (
        name: String, start: Int
    )? {
        let endsWithSuffix = hits.hits.contains { $0.kind == .estateSuffix && $0.end == p.end && $0.start >= p.start }
        guard endsWithSuffix, let prefix = nameBefore(p.start, hits, places, minLength: 1) else { return nil }
        return (prefix.name + string(hits.text[p.start..<p.end]), prefix.start)
    }

    /// "创业路132号" (and its position word): a street written with a house number, as a landmark.
    private func streetAddress(_ hits: CueHits, _ places: [CueHits.Hit]) -> String? {
        let t = hits.text
        var i = 0
        while i < t.count {
            guard TextNormalizer.isDigit(t[i]), i > 0, !TextNormalizer.isDigit(t[i - 1]) else {
                i += 1
                continue
            }
            var j = i
            while j < t.count && TextNormalizer.isDigit(t[j]) { j += 1 }
            defer { i = j }
            guard j < t.count, t[j] == "号" else { continue }
            // 号楼 is a building; 号院 and 号小区 are estates the estate rules already read.
            if j + 1 < t.count, t[j + 1] == "楼" || t[j + 1] == "院" || t[j + 1] == "栋" { continue }
            for suffix in streetSuffixes where i >= suffix.count && Array(t[(i - suffix.count)..<i]) == suffix {
                guard let name = nameBefore(i - suffix.count, hits, places, minLength: 1) else { continue }
                return text(t, name.start, withPositionAfter: j + 1, hits)
            }
        }
        return nil
    }

    // MARK: - text helpers

    private func text(_ t: [Unicode.Scalar], _ start: Int, withPositionAfter end: Int, _ hits: CueHits) -> String {
        var e = end
        var k = end
        if k < t.count, t[k] == "的" { k += 1 }
        if let pos = hits.hits.first(where: { ($0.kind == .positionWord || $0.kind == .gateWord) && $0.start == k }) {
            e = pos.end
        }
        return string(t[start..<e])
    }

    private func string(_ s: ArraySlice<Unicode.Scalar>) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: s)
        return String(v)
    }
}
