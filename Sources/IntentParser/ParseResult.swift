@_exported import Places

/// What one group message means to the board: the parser's whole answer.
///
/// The server acts on `intent`; the other fields are filled only where the
/// intent uses them (LABELING.md: a place only for report, wish and suggestion;
/// a category only for reports).
public struct ParseResult: Sendable, Equatable, Codable {
    /// What the message asks the board to do.
    public var intent: Intent
    /// The problem's category; set for reports only.
    public var category: Category?
    /// Where it is; set for report, wish and suggestion only, nil when nothing is named.
    public var place: Place?
    /// The item a command points at (`#12`, `12号`, `编号12`), never a building number.
    public var itemRef: Int?
    /// What a `query` asks for.
    public var query: QueryKind?
    /// For `verify`: whether the secretary accepted (验收/通过) or returned (退回/不通过) the work.
    public var verdict: Verdict?
    /// For `register`: the name given after 报到, if any.
    public var registerName: String?
    /// For `escalate`: where it goes (街道, 城管, 供电所 …), as written.
    public var escalationTarget: String?
    /// Free text after a command (a return reason, a completion note), trimmed.
    public var note: String?
    /// Which action of the intent the words ask for, when it is not the intent's plain one.
    public var directive: Directive?
    /// The points board asked about, or what an exchange or donation names.
    public var points: PointsRequest?
    /// Image URLs carried by the message's attachments, in order.
    public var photoURLs: [String]
    /// 0…1: how sure the parser is of `intent` (and category for reports).
    public var confidence: Double
    /// True when the server should queue the message for the secretary's review instead of acting.
    public var needsReview: Bool
    /// For report/wish/suggestion: what the board still needs before the item is useful.
    public var missing: [MissingField]

    /// Builds a result; the parser fills only the fields its intent uses.
    public init(
        intent: Intent,
        category: Category? = nil,
        place: Place? = nil,
        itemRef: Int? = nil,
        query: QueryKind? = nil,
        verdict: Verdict? = nil,
        registerName: String? = nil,
        escalationTarget: String? = nil,
        note: String? = nil,
        directive: Directive? = nil,
        points: PointsRequest? = nil,
        photoURLs: [String] = [],
        confidence: Double = 1,
        needsReview: Bool = false,
        missing: [MissingField] = []
    ) {
        self.intent = intent
        self.category = category
        self.place = place
        self.itemRef = itemRef
        self.query = query
        self.verdict = verdict
        self.registerName = registerName
        self.escalationTarget = escalationTarget
        self.note = note
        self.directive = directive
        self.points = points
        self.photoURLs = photoURLs
        self.confidence = confidence
        self.needsReview = needsReview
        self.missing = missing
    }
}

/// The eleven intents of LABELING.md.
public enum Intent: String, Sendable, Codable, CaseIterable {
    case report, wish, suggestion, claim, release, complete, verify, escalate, register, query, chitchat
}

/// The sixteen report categories of LABELING.md; raw values are the corpus labels.
public enum Category: String, Sendable, Codable, CaseIterable {
    case manhole, garbage, drainage, greenery
    case fireLane = "fire_lane"
    case clutter, sanitation, streetlight, road, parking
    case ebikeCharging = "ebike_charging"
    case building, utilities, noise
    case publicOrder = "public_order"
    case other
}

/// What a `query` asks for.
public enum QueryKind: String, Sendable, Codable, CaseIterable {
    case points, leaderboard, todo
    case itemStatus = "item_status"
    case help
    /// "周报": last week's 研判 report, asked by the secretary.
    case weekReport = "week_report"
    /// "我的年度任务": how the member's yearly duty (两个至少1次) stands.
    case yearlyDuty = "yearly_duty"
}

/// The secretary's decision on submitted work.
public enum Verdict: String, Sendable, Codable {
    case pass, reject
}

/// A part of the place a report still lacks.
public enum MissingField: String, Sendable, Codable {
    case estate, building, place
}

/// Where a report, wish or suggestion is: the one place value the board stores too.
public typealias Place = Location
