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
    let directives = DepartmentDirectives()
    let queries: QueryRecognizer
    let pointsCommands: PointsCommandRecognizer
    let content: ContentClassifier
    let locations: LocationResolver
    let needBuilding: Set<Category>
    let reviewBelow: Double
    /// The learned models; nil: the rules alone decide (as before the model existed).
    public let model: ParserModel?

    /// Compiles the lexicon and gazetteer into lookup tables.
    /// `locationRadiusMeters` overrides the lexicon's radius for resolving shared locations.
    public init(lexicon: Lexicon, gazetteer: Gazetteer, model: ParserModel? = nil, locationRadiusMeters: Double? = nil)
    {
        self.model = model
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
        pointsCommands = PointsCommandRecognizer(lexicon: lexicon, normalizer: normalizer)
        content = ContentClassifier(
            categories: CategoryClassifier(lexicon.categories),
            minCategoryScore: lexicon.report.minCategoryScore,
            minEvidence: lexicon.report.minEvidence)
        locations = LocationResolver(
            gazetteer: index, radiusMeters: locationRadiusMeters ?? lexicon.report.locationRadiusMeters)
        needBuilding = Set(lexicon.categories.needBuilding.compactMap(Category.init(rawValue:)))
        reviewBelow = lexicon.report.reviewBelow
    }

    /// Parses one message: the rules read it, then the learned model decides where it has one.
    public func parse(_ input: ParserInput) -> ParseResult {
        result(of: read(input))
    }

    /// The decision on a message already read (so `explain` reads it once).
    func result(of reading: Reading) -> ParseResult {
        var result = reading.rules
        var threshold = reviewBelow
        var unsureCategory = false
        if let model, !reading.structural {
            let decision = decide(reading, model: model)
            result = decision.result
            threshold = result.intent == .chitchat ? model.reviewBelow : model.decideBelow
            unsureCategory = (decision.categoryConfidence ?? 1) < model.categoryReviewBelow && reading.photos.isEmpty
        }
        result.photoURLs = reading.photos
        result.needsReview = (result.confidence < threshold || unsureCategory) && !reading.structural
        return result
    }

    /// The feature names the model sees for a message (training and `--explain`).
    public func featureNames(_ input: ParserInput) -> [String] {
        let reading = read(input)
        var names = Features.Names()
        Features.collect(
            into: &names, context: reading.context, rules: reading.ruleReading, place: reading.place,
            quoted: reading.quoted)
        return names.names
    }

    /// The rules' result before the model had its say, and whether it is structural.
    public func ruleResult(_ input: ParserInput) -> (result: ParseResult, structural: Bool) {
        let reading = read(input)
        return (reading.rules, reading.structural)
    }

    /// What the rules make of a message, with everything the model's features need.
    struct Reading {
        var context: MessageContext
        var rules: ParseResult
        /// A command or question with an item number: rules decide those, never the model.
        var structural: Bool
        var place: Place?
        var quoted: Bool
        var photos: [String]

        var ruleReading: Features.RuleReading {
            .init(intent: rules.intent, category: rules.category, query: rules.query)
        }
    }

    func read(_ input: ParserInput) -> Reading {
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
        let ctx = MessageContext(
            hits: hits, quotedNumbers: quoted, refs: replyRefs, role: input.senderRole, doneMark: doneMark,
            imageCount: photos.count, hasLocation: shared != nil)
        var place = places.extract(hits, written: norm)
        if let s = shared { place = merge(place, attachment: resolve(s)) }

        var result: ParseResult
        var structural = false
        if let points = pointsCommands.recognize(ctx, written: norm) {
            result = points
            structural = true
        } else if let directed = Self.wishPublication(ctx) {
            result = directed
            structural = true
        } else if let q = queries.statusQuestion(ctx) {
            result = ParseResult(intent: .query, itemRef: q.itemRef, query: q.kind, confidence: q.confidence)
            structural = q.itemRef != nil
        } else if let c = directives.recognize(ctx, written: norm) ?? commands.recognize(ctx) {
            result = ParseResult(
                intent: c.intent, itemRef: c.itemRef, verdict: c.verdict, registerName: c.registerName,
                escalationTarget: c.escalationTarget, note: c.note, directive: c.directive, confidence: c.confidence)
            structural = c.itemRef != nil
        } else if let q = queries.recognize(ctx) {
            result = ParseResult(intent: .query, itemRef: q.itemRef, query: q.kind, confidence: q.confidence)
            // "周报" and "年度任务" are the board's own command words, which no corpus message uses: the
            // model has nothing to weigh them by, so the rule decides, as for a numbered command.
            structural = q.itemRef != nil || q.kind == .weekReport || q.kind == .yearlyDuty
        } else {
            let d = content.classify(ctx, placeNamed: !place.isEmpty)
            result = ParseResult(intent: d.intent, confidence: d.confidence)
            if d.intent == .report || d.intent == .wish || d.intent == .suggestion {
                fill(&result, place: place, category: d.category)
            }
        }
        // "我也遇到了 #3", "#3 又坏了": the number and the words settle it, as for a command.
        if DirectiveRecognizer.apply(to: &result, context: ctx) { structural = true }
        return Reading(
            context: ctx, rules: result, structural: structural, place: place.isEmpty ? nil : place,
            quoted: parts.quote != nil, photos: photos)
    }

    /// The model's decision where the rules found no structure.
    private func decide(_ r: Reading, model: ParserModel) -> (result: ParseResult, categoryConfidence: Double?) {
        var keys = Features.Keys()
        Features.collect(into: &keys, context: r.context, rules: r.ruleReading, place: r.place, quoted: r.quoted)
        let rows = model.joint.rows(keys.keys)
        let p = model.intent.probabilities(rows: rows, map: model.joint.intentRows)
        guard let best = p.indices.max(by: { p[$0] < p[$1] }), let intent = Intent(rawValue: model.intent.classes[best])
        else {
            return (r.rules, nil)
        }
        var categoryConfidence: Double?
        var result = intent == r.rules.intent ? r.rules : ParseResult(intent: intent)
        result.confidence = p[best]
        switch intent {
        case .report, .wish, .suggestion:
            var category: Category?
            if intent == .report {
                let cp = model.category.probabilities(rows: rows, map: model.joint.categoryRows)
                if let top = cp.indices.max(by: { cp[$0] < cp[$1] }) {
                    category = Category(rawValue: model.category.classes[top])
                    categoryConfidence = cp[top]
                }
            }
            fill(&result, place: r.place ?? Place(), category: category)
        case .query where result.query == nil:
            let qp = model.query.probabilities(rows: rows, map: model.joint.queryRows)
            result.query = qp.indices.max(by: { qp[$0] < qp[$1] }).flatMap {
                QueryKind(rawValue: model.query.classes[$0])
            }
            result.itemRef = r.context.ref
        case .claim, .release, .complete, .verify, .escalate:
            guard intent != r.rules.intent else { break }
            result.itemRef = r.context.ref
            if intent == .verify { result.verdict = r.context.hits.has(.verifyReject) ? .reject : .pass }
        case .register:
            guard intent != r.rules.intent else { break }
            result.registerName = commands.names.name(in: r.context.hits)
        default:
            break
        }
        return (result, categoryConfidence)
    }

    /// Place, category and what is missing, for a report, wish or suggestion.
    private func fill(_ result: inout ParseResult, place: Place, category: Category?) {
        result.place = place.isEmpty ? nil : place
        result.category = result.intent == .report ? category ?? .other : nil
        result.missing = result.intent == .suggestion ? [] : missing(place, category)
    }

    /// A building or unit number typed into a form ("12栋", "十二幢", "１２", "3单元", "12") as the digits
    /// the parser itself stores; text that is not a number with a marker of the lexicon stays as typed.
    public func formNumber(_ text: String?) -> String? {
        guard let text else { return nil }
        let scalars = normalizer.normalize(text).scalars.filter { $0 != " " }
        guard !scalars.isEmpty else { return nil }
        let digits = scalars.prefix { TextNormalizer.isDigit($0) }
        var rest = String.UnicodeScalarView()
        rest.append(contentsOf: scalars.dropFirst(digits.count))
        let markers = lexicon.place.buildingMarkers + lexicon.place.unitMarkers + ["号"]
        guard !digits.isEmpty, rest.isEmpty || markers.contains(String(rest)) else {
            let trimmed = text.unicodeScalars.filter { $0 != " " && $0 != "\u{3000}" }
            return trimmed.isEmpty ? nil : String(String.UnicodeScalarView(trimmed))
        }
        var number = String.UnicodeScalarView()
        number.append(contentsOf: digits)
        return String(number)
    }

    /// The place a message names, whatever its intent: how a reply to "请补充小区和楼栋"
    /// ("龙西小区12栋", a location share) completes an earlier report.
    public func place(in input: ParserInput) -> Place? {
        let norm = normalizer.normalize(input.text)
        let hits = CueHits(text: norm.scalars, table: table)
        var place = places.extract(hits, written: norm)
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
        if place.estate != nil && place.building == nil, let c = category, needBuilding.contains(c) {
            return [.building]
        }
        return []
    }
}
