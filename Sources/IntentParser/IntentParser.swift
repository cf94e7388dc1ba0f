/// Turns one group message into a `ParseResult`: pure, deterministic, no clock
/// and no I/O. All vocabulary comes from the `Lexicon`, all places from the
/// `Gazetteer`; everything is compiled once in `init`, so `parse` is a single
/// scan of the text plus a few small decisions.
public struct IntentParser: Sendable {
    /// The vocabulary the parser was built with.
    public let lexicon: Lexicon
    /// The places the parser resolves against.
    public let gazetteer: Gazetteer

    let normalizer: TextNormalizer
    let table: PhraseTable<Cue>
    let index: GazetteerIndex
    let places: PlaceExtractor
    let refs = ItemRefExtractor()
    let commands: CommandRecognizer
    let queries: QueryRecognizer
    let content: ContentClassifier
    let locations: LocationResolver
    let needBuilding: Set<Category>
    let reviewBelow: Double

    /// Compiles the lexicon and gazetteer into lookup tables.
    /// `locationRadiusMeters` overrides the lexicon's radius for resolving shared locations.
    public init(lexicon: Lexicon, gazetteer: Gazetteer, locationRadiusMeters: Double? = nil) {
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        let normalizer = TextNormalizer(lexicon.normalization)
        self.normalizer = normalizer
        let index = GazetteerIndex(gazetteer)
        self.index = index
        self.table = CueTableBuilder(normalizer: normalizer).build(lexicon, index: index, gazetteer: gazetteer)
        places = PlaceExtractor(gazetteer: index, vocabulary: lexicon.place) { normalizer.normalize($0).string }
        commands = CommandRecognizer(names: RegisterNameExtractor(surnames: lexicon.commands.surnames))
        queries = QueryRecognizer(shortLength: lexicon.queries.shortLength)
        content = ContentClassifier(
            categories: CategoryClassifier(lexicon.categories),
            minCategoryScore: lexicon.report.minCategoryScore,
            minEvidence: lexicon.report.minEvidence)
        locations = LocationResolver(gazetteer: index, radiusMeters: locationRadiusMeters ?? lexicon.report.locationRadiusMeters)
        needBuilding = Set(lexicon.categories.needBuilding.compactMap(Category.init(rawValue:)))
        reviewBelow = lexicon.report.reviewBelow
    }

    /// Parses one message.
    public func parse(_ input: ParserInput) -> ParseResult {
        let parts = QuoteSplitter.split(input.text)
        let norm = normalizer.normalize(parts.reply)
        let hits = CueHits(text: norm.scalars, table: table)
        var quoted: [Int] = []
        if let quote = parts.quote {
            let qh = CueHits(text: normalizer.normalize(quote).scalars, table: table)
            quoted = refs.refs(in: qh, covered: places.coveredRanges(qh)).map(\.number)
        }
        let replyRefs = refs.refs(in: hits, covered: places.coveredRanges(hits))
        let doneMark: Bool
        if parts.quote == nil {
            doneMark = norm.doneMarks.contains { mark in replyRefs.contains { $0.tokenEnd == mark || $0.end == mark } }
        } else {
            doneMark = !norm.doneMarks.isEmpty && !(quoted.isEmpty && replyRefs.isEmpty)
        }

        var photos: [String] = []
        var shared: (lat: Double, lon: Double, label: String?)?
        for a in input.attachments {
            switch a {
            case .image(let url): photos.append(url)
            case .location(let lat, let lon, let label): if shared == nil { shared = (lat, lon, label) }
            }
        }
        let ctx = MessageContext(hits: hits, quotedNumbers: quoted, refs: replyRefs, role: input.senderRole, doneMark: doneMark,
                                 imageCount: photos.count, hasLocation: shared != nil)

        var result: ParseResult
        if let q = queries.statusQuestion(ctx) {
            result = ParseResult(intent: .query, itemRef: q.itemRef, query: q.kind, confidence: q.confidence)
        } else if let c = commands.recognize(ctx) {
            result = ParseResult(intent: c.intent, itemRef: c.itemRef, verdict: c.verdict, registerName: c.registerName,
                                 escalationTarget: c.escalationTarget, note: c.note, confidence: c.confidence)
        } else if let q = queries.recognize(ctx) {
            result = ParseResult(intent: .query, itemRef: q.itemRef, query: q.kind, confidence: q.confidence)
        } else {
            var place = places.extract(hits)
            if let s = shared { place = merge(place, attachment: resolve(s)) }
            let d = content.classify(ctx, placeNamed: !place.isEmpty)
            result = ParseResult(intent: d.intent, confidence: d.confidence)
            if d.intent == .report || d.intent == .wish || d.intent == .suggestion {
                result.place = place.isEmpty ? nil : place
                if d.intent == .report { result.category = d.category ?? .other }
                if d.intent != .suggestion { result.missing = missing(place, d.category) }
            }
        }
        result.photoURLs = photos
        result.needsReview = result.confidence < reviewBelow
        return result
    }

    /// The place a message names, whatever its intent: how a reply to "请补充小区和楼栋"
    /// ("龙西小区12栋", a location share) completes an earlier report.
    public func place(in input: ParserInput) -> Place? {
        let hits = CueHits(text: normalizer.normalize(input.text).scalars, table: table)
        var place = places.extract(hits)
        for case .location(let lat, let lon, let label) in input.attachments {
            place = merge(place, attachment: resolve((lat, lon, label)))
            break
        }
        return place.isEmpty ? nil : place
    }

    // MARK: - place helpers

    private func resolve(_ s: (lat: Double, lon: Double, label: String?)) -> Place? {
        var labelPlace: Place?
        if let label = s.label, !label.isEmpty {
            let lh = CueHits(text: normalizer.normalize(label).scalars, table: table)
            labelPlace = places.extract(lh)
        }
        return locations.resolve(lat: s.lat, lon: s.lon, labelPlace: labelPlace)
    }

    /// The text names the place; a shared location only fills what the text leaves open.
    private func merge(_ text: Place, attachment: Place?) -> Place {
        guard let a = attachment else { return text }
        var p = text
        if p.estate == nil, let e = a.estate {
            p.estate = e
            p.grid = a.grid ?? p.grid
            p.lat = a.lat
            p.lon = a.lon
        }
        if p.estate == nil && p.landmark == nil, let l = a.landmark {
            p.landmark = l
            p.grid = a.grid
            p.lat = a.lat
            p.lon = a.lon
        }
        if p.lat == nil {
            p.lat = a.lat
            p.lon = a.lon
        }
        return p
    }

    /// What a report or wish still lacks: any place at all, or a building where the category needs one.
    private func missing(_ place: Place, _ category: Category?) -> [MissingField] {
        if place.estate == nil && place.landmark == nil && place.lat == nil { return [.place] }
        if place.estate != nil && place.building == nil, let c = category, needBuilding.contains(c) { return [.building] }
        return []
    }
}
