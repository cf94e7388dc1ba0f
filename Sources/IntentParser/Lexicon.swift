/// The parser's vocabulary as data (config/lexicon.yaml): every word the parser
/// looks for lives here, so the secretary's team can add a new way of saying
/// "认领" or a new category keyword without touching Swift.
///
/// Every list is optional in the file (missing means empty), so a partial
/// lexicon still loads; `Lexicon.empty` is a valid lexicon that recognises nothing.
public struct Lexicon: Sendable, Decodable, Equatable {
    /// Text clean-up before anything is looked up.
    @OrEmpty public var normalization: Normalization
    /// How item numbers are written (#12, 编号12, 第12单 …).
    @OrEmpty public var itemRefs: ItemRefs
    /// Board commands (claim, release, complete, verify, escalate, register).
    @OrEmpty public var commands: Commands
    /// Questions to the bot (points, leaderboard, todo, item status, help).
    @OrEmpty public var queries: Queries
    /// 微心愿 cues.
    @OrEmpty public var wish: Wish
    /// Proposal cues.
    @OrEmpty public var suggestion: Suggestion
    /// Cues that make a message chat even when it names a place or a problem.
    @OrEmpty public var chitchat: Chitchat
    /// Problem evidence and thresholds for reports.
    @OrEmpty public var report: Report
    /// Category keywords, weights and tie-breaks.
    @OrEmpty public var categories: Categories
    /// Place vocabulary: estate forms, position words, building markers, spellings.
    @OrEmpty public var place: PlaceVocabulary

    /// A lexicon that recognises nothing; useful as a base in tests.
    public static let empty = Lexicon(
        normalization: .init(), itemRefs: .init(), commands: .init(), queries: .init(), wish: .init(),
        suggestion: .init(), chitchat: .init(), report: .init(), categories: .init(), place: .init())

    /// Builds a lexicon in code (tests); the server decodes config/lexicon.yaml instead.
    public init(
        normalization: Normalization, itemRefs: ItemRefs, commands: Commands, queries: Queries, wish: Wish,
        suggestion: Suggestion, chitchat: Chitchat, report: Report, categories: Categories, place: PlaceVocabulary
    ) {
        self.normalization = normalization
        self.itemRefs = itemRefs
        self.commands = commands
        self.queries = queries
        self.wish = wish
        self.suggestion = suggestion
        self.chitchat = chitchat
        self.report = report
        self.categories = categories
        self.place = place
    }

    enum CodingKeys: String, CodingKey {
        case normalization, commands, queries, wish, suggestion, chitchat, report, categories, place
        case itemRefs = "item_refs"
    }

    /// Text clean-up vocabulary.
    public struct Normalization: Sendable, Decodable, Equatable {
        /// Traditional → simplified, character by character ("區": "区").
        @OrEmpty public var traditional: [String: String]
        /// Misspellings and variant words rewritten before matching ("垃级": "垃圾").
        @OrEmpty public var variants: [String: String]
        /// Voice-transcription fillers dropped anywhere (嗯, 呃).
        @OrEmpty public var fillers: [String]
        /// Fillers dropped only at the start of the message (那个, 就是).
        @OrEmpty public var leadingFillers: [String]
        /// Words after which a Chinese numeral is a number (栋, 号, 单 …).
        @OrEmpty public var numeralCounters: [String]
        /// Characters before which a lone numeral stays a word (这一单, 统一).
        @OrEmpty public var numeralBlockers: [String]
        /// Item prefixes after which a Chinese numeral is a number (编号二十三 → 编号23).
        @OrEmpty public var numeralPrefixes: [String]
        /// Emoji that mean "done" right after an item number.
        @OrEmpty public var doneEmoji: [String]

        /// An empty section.
        public init() {}

        enum CodingKeys: String, CodingKey {
            case traditional, variants, fillers
            case leadingFillers = "leading_fillers"
            case numeralCounters = "numeral_counters"
            case numeralBlockers = "numeral_blockers"
            case numeralPrefixes = "numeral_prefixes"
            case doneEmoji = "done_emoji"
        }
    }

    /// How item numbers are written.
    public struct ItemRefs: Sendable, Decodable, Equatable {
        /// Words directly before a number that make it an item (编号, 单号).
        @OrEmpty public var prefixes: [String]
        /// Ordinal word before a number (第) — an item only with a suffix after it.
        @OrEmpty public var ordinals: [String]
        /// Words directly after a number that make it an item (号, 号单, 单).
        @OrEmpty public var suffixes: [String]
        /// Words right after "N号" that make it a building, gate or station, not an item (楼, 栋, 门 …).
        @OrEmpty public var blockersAfter: [String]
        /// Characters right before a number that make it an address or a date (路, 街, 月 …).
        @OrEmpty public var blockersBefore: [String]

        /// An empty section.
        public init() {}

        enum CodingKeys: String, CodingKey {
            case prefixes, ordinals, suffixes
            case blockersAfter = "blockers_after"
            case blockersBefore = "blockers_before"
        }
    }

    /// Board command vocabulary.
    public struct Commands: Sendable, Decodable, Equatable {
        /// Words that take an item on their own (认领, 接单).
        @OrEmpty public var claimStrong: [String]
        /// Words that take an item only next to an item number or a deictic (我来, 我去).
        @OrEmpty public var claimWeak: [String]
        /// First-person offers that also take an item named by its object ("12号楼那个井盖我来弄").
        @OrEmpty public var claimSelf: [String]
        /// Words that take an item only when an item number follows right after (领 #6).
        @OrEmpty public var claimBeforeRef: [String]
        /// Giving an item back (放弃, 退单, 去不了).
        @OrEmpty public var release: [String]
        /// Saying the work is done (完成, 搞定, 办结).
        @OrEmpty public var complete: [String]
        /// Resultative endings that mean done after a verb (…完了, …好了).
        @OrEmpty public var completeSuffixes: [String]
        /// Words before a completion word that make it a promise, not a report (保证完成).
        @OrEmpty public var futureMarkers: [String]
        /// The secretary accepting or checking work (验收, 通过, 合格).
        @OrEmpty public var verify: [String]
        /// Words that turn a verification into a rejection (不通过, 退回).
        @OrEmpty public var verifyReject: [String]
        /// A claimer asking for verification (请验收) — a completion, not a verification.
        @OrEmpty public var verifyRequest: [String]
        /// Sending an item beyond the community (吹哨, 上报).
        @OrEmpty public var escalate: [String]
        /// Where escalations go (街道, 城管, 供电所 …).
        @OrEmpty public var escalationTargets: [String]
        /// Pressing the department an escalated item waits on (催办).
        @OrEmpty public var chase: [String]
        /// The secretary striking off an escalated item (销号).
        @OrEmpty public var closeOut: [String]
        /// Right after a department's name: the department answered ("城管回复：…").
        @OrEmpty public var departmentAnswer: [String]
        /// Checking in (报到 and its typos).
        @OrEmpty public var register: [String]
        /// Words around a check-in that are not the person's name (党员, 在职, 骑手 …).
        @OrEmpty public var registerNoise: [String]
        /// Endings that make a token an organisation, not a name (局, 公司, 医院 …).
        @OrEmpty public var organisationSuffixes: [String]
        /// Common surnames, one character each, to pick the name out of a check-in.
        @OrEmpty public var surnames: String
        /// Words pointing at "this item" when no number is given (这个, 这单).
        @OrEmpty public var deictics: [String]
        /// Negations that cancel a command word right after them (不, 没, 未).
        @OrEmpty public var negations: [String]
        /// The secretary adopting a suggestion, opening the message (采纳 #15).
        @OrEmpty public var adopt: [String]
        /// Booking what a member's points buy, opening the message (兑换 @叶强 洗衣液).
        @OrEmpty public var exchange: [String]
        /// Giving points to the 信用银行, opening the message before the amount (捐赠 20).
        @OrEmpty public var donate: [String]
        /// What may follow a donation's amount (20分, 20 积分); a bare number always counts.
        @OrEmpty public var donateUnits: [String]
        /// The secretary publishing the approved, unclaimed wishes now (发布心愿).
        @OrEmpty public var publishWishes: [String]

        /// An empty section.
        public init() {}

        enum CodingKeys: String, CodingKey {
            case release, complete, verify, escalate, register, surnames, deictics, negations
            case adopt, exchange, donate
            case donateUnits = "donate_units"
            case claimStrong = "claim_strong"
            case claimWeak = "claim_weak"
            case claimSelf = "claim_self"
            case claimBeforeRef = "claim_before_ref"
            case completeSuffixes = "complete_suffixes"
            case futureMarkers = "future_markers"
            case verifyReject = "verify_reject"
            case verifyRequest = "verify_request"
            case escalationTargets = "escalation_targets"
            case chase
            case closeOut = "close_out"
            case departmentAnswer = "department_answer"
            case registerNoise = "register_noise"
            case organisationSuffixes = "organisation_suffixes"
            case publishWishes = "publish_wishes"
        }
    }

    /// Questions to the bot.
    public struct Queries: Sendable, Decodable, Equatable {
        /// Own points (我的积分, 多少分).
        public var points: [String] = []
        /// Point words that ask only as (almost) the whole message (积分？).
        public var pointsShort: [String] = []
        /// Ranking (排行榜, 积分榜, 谁第一).
        public var leaderboard: [String] = []
        /// Open items (待办, 有啥任务).
        public var todo: [String] = []
        /// Status words that ask about an item on their own (进度, 修了没).
        public var itemStatus: [String] = []
        /// Status words that ask about an item only next to an item number (啥情况).
        public var itemStatusWithRef: [String] = []
        /// Help words that always ask for help (怎么用, 菜单).
        public var help: [String] = []
        /// Help words that ask for help only as (almost) the whole message (帮助).
        public var helpShort: [String] = []
        /// The weekly 研判 report, asked for as (almost) the whole message (周报).
        public var weekReport: [String] = []
        /// The member's yearly duty (我的年度任务, 两个至少).
        public var yearlyDuty: [String] = []
        /// Marks of a question (吗, 多少, ?).
        public var questionMarkers: [String] = []
        /// Words that make the message about the sender's own earlier report (我报的).
        public var ownReport: [String] = []
        /// Words naming the 社情民意 board in a leaderboard question (社情民意积分榜).
        public var reportsBoard: [String] = []
        /// Words naming the 志愿服务 board in a leaderboard question (志愿服务积分榜).
        public var serviceBoard: [String] = []
        /// A message at most this long (in characters) counts as a bare query.
        public var shortLength: Int = 8

        /// An empty section.
        public init() {}

        /// Every list is optional.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            points = try c.list(.points)
            pointsShort = try c.list(.pointsShort)
            leaderboard = try c.list(.leaderboard)
            todo = try c.list(.todo)
            itemStatus = try c.list(.itemStatus)
            itemStatusWithRef = try c.list(.itemStatusWithRef)
            help = try c.list(.help)
            helpShort = try c.list(.helpShort)
            weekReport = try c.list(.weekReport)
            yearlyDuty = try c.list(.yearlyDuty)
            questionMarkers = try c.list(.questionMarkers)
            ownReport = try c.list(.ownReport)
            reportsBoard = try c.list(.reportsBoard)
            serviceBoard = try c.list(.serviceBoard)
            shortLength = try c.decodeIfPresent(Int.self, forKey: .shortLength) ?? 8
        }

        enum CodingKeys: String, CodingKey {
            case points, leaderboard, todo, help
            case itemStatus = "item_status"
            case pointsShort = "points_short"
            case itemStatusWithRef = "item_status_with_ref"
            case helpShort = "help_short"
            case weekReport = "week_report"
            case yearlyDuty = "yearly_duty"
            case questionMarkers = "question_markers"
            case ownReport = "own_report"
            case reportsBoard = "reports_board"
            case serviceBoard = "service_board"
            case shortLength = "short_length"
        }
    }

    /// 微心愿 vocabulary.
    public struct Wish: Sendable, Decodable, Equatable {
        /// Explicit tags (微心愿).
        @OrEmpty public var tags: [String]
        /// People a wish is for (老人, 奶奶, 孩子, 独居 …).
        @OrEmpty public var beneficiaries: [String]
        /// Asking someone to help (想请人, 谁能, 有没有人 …).
        @OrEmpty public var requests: [String]
        /// Inside a private home (家里, 我家).
        @OrEmpty public var homeMarkers: [String]
        /// Forms of address a group sees after the beneficiary's surname (张桂英奶奶 → 张奶奶).
        @OrEmpty public var titles: [String]
        /// Words after a number that say it counts something (a floor, money, a year), so it is no room
        /// to hide; the building and unit markers of `place` count too.
        @OrEmpty public var counted: [String]

        /// An empty section.
        public init() {}

        enum CodingKeys: String, CodingKey {
            case tags, beneficiaries, requests, titles, counted
            case homeMarkers = "home_markers"
        }
    }

    /// Proposal vocabulary.
    public struct Suggestion: Sendable, Decodable, Equatable {
        /// Words that make a proposal on their own (建议).
        @OrEmpty public var cues: [String]
        /// Modal words that make a proposal together with a "new thing" verb (能不能, 可不可以).
        @OrEmpty public var modals: [String]
        /// Verbs that introduce something new (装, 加, 放, 搞 …).
        @OrEmpty public var proposalVerbs: [String]
        /// Wishful endings that make a proposal with a modal (就好了).
        @OrEmpty public var wishfulEndings: [String]
        /// Words after which a problem is hypothetical, not present (就不用, 就不会).
        @OrEmpty public var hypotheticals: [String]

        /// An empty section.
        public init() {}

        enum CodingKeys: String, CodingKey {
            case cues, modals, hypotheticals
            case proposalVerbs = "proposal_verbs"
            case wishfulEndings = "wishful_endings"
        }
    }

    /// Chat vocabulary.
    public struct Chitchat: Sendable, Decodable, Equatable {
        /// A problem already solved (修好了, 换了新的, 已经通了).
        @OrEmpty public var solved: [String]
        /// Words right after a solved cue that mean it broke again (又坏).
        @OrEmpty public var relapse: [String]
        /// Confirming someone else's report (我也看到了).
        @OrEmpty public var confirm: [String]
        /// Thanks and praise (谢谢, 辛苦, 点赞).
        @OrEmpty public var thanks: [String]
        /// Notices and announcements (通知, 演练, 讲座).
        @OrEmpty public var notices: [String]
        /// Personal requests and small talk between riders (打气筒, 带个餐, 帮我看看).
        @OrEmpty public var personal: [String]
        /// "我也遇到了 #3": the sender has the same problem as a numbered item (directive me_too).
        @OrEmpty public var meToo: [String]
        /// "#3 又坏了", "还没修好": a numbered item broke again (directive reopen).
        @OrEmpty public var reopen: [String]

        /// An empty section.
        public init() {}

        enum CodingKeys: String, CodingKey {
            case solved, relapse, confirm, thanks, notices, personal
            case meToo = "me_too"
            case reopen
        }
    }

    /// Report evidence.
    public struct Report: Sendable, Decodable, Equatable {
        /// Words describing a fault, with weights (坏了: 2, 危险: 1).
        public var faultCues: [String: Int] = [:]
        /// Text that only points at a photo (这里, 看下这个).
        public var photoPointers: [String] = []
        /// Minimum category-keyword score for a text-only report.
        public var minCategoryScore: Int = 3
        /// Minimum total evidence (category + fault + place + photo) for a report.
        public var minEvidence: Int = 5
        /// Confidence below which the server should queue the message for review.
        public var reviewBelow: Double = 0.5
        /// Radius in metres within which a shared location resolves to a gazetteer place.
        public var locationRadiusMeters: Double = 300

        /// An empty section.
        public init() {}

        /// Every field is optional.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            faultCues = try c.decodeIfPresent([String: Int].self, forKey: .faultCues) ?? [:]
            photoPointers = try c.list(.photoPointers)
            minCategoryScore = try c.decodeIfPresent(Int.self, forKey: .minCategoryScore) ?? 3
            minEvidence = try c.decodeIfPresent(Int.self, forKey: .minEvidence) ?? 5
            reviewBelow = try c.decodeIfPresent(Double.self, forKey: .reviewBelow) ?? 0.5
            locationRadiusMeters = try c.decodeIfPresent(Double.self, forKey: .locationRadiusMeters) ?? 300
        }

        enum CodingKeys: String, CodingKey {
            case faultCues = "fault_cues"
            case photoPointers = "photo_pointers"
            case minCategoryScore = "min_category_score"
            case minEvidence = "min_evidence"
            case reviewBelow = "review_below"
            case locationRadiusMeters = "location_radius_meters"
        }
    }

    /// Category vocabulary.
    public struct Categories: Sendable, Decodable, Equatable {
        /// Category label (corpus raw value) → keyword → weight.
        public var keywords: [String: [String: Int]] = [:]
        /// Words that belong to no category but must win over shorter keywords inside them (电线杆, 消防演练).
        public var neutral: [String] = []
        /// Words right after a problem word that make it the place of the problem (上, 里, 旁): no first-mention bonus.
        public var locativeAfter: [String] = []
        /// Words that open a second problem (还有, 另外): the category comes from the text before them when it names one.
        public var secondProblemMarkers: [String] = []
        /// Tie-break order for equal scores, first wins.
        public var priority: [String] = []
        /// Extra weight for the category mentioned first (the "main problem" convention).
        public var firstMentionBonus: Int = 1
        /// Rules that move a report from one category to another when a phrase appears.
        public var overrides: [Override] = []
        /// Categories whose reports usually need a building to be actionable.
        public var needBuilding: [String] = []

        /// An empty section.
        public init() {}

        /// Every field is optional.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            keywords = try c.decodeIfPresent([String: [String: Int]].self, forKey: .keywords) ?? [:]
            neutral = try c.list(.neutral)
            locativeAfter = try c.list(.locativeAfter)
            secondProblemMarkers = try c.list(.secondProblemMarkers)
            priority = try c.list(.priority)
            firstMentionBonus = try c.decodeIfPresent(Int.self, forKey: .firstMentionBonus) ?? 1
            overrides = try c.decodeIfPresent([Override].self, forKey: .overrides) ?? []
            needBuilding = try c.list(.needBuilding)
        }

        enum CodingKeys: String, CodingKey {
            case keywords, neutral, priority, overrides
            case locativeAfter = "locative_after"
            case secondProblemMarkers = "second_problem_markers"
            case firstMentionBonus = "first_mention_bonus"
            case needBuilding = "need_building"
        }

        /// "If the winner is `from` and any of `any` appears, it is `to`" (e.g. a hole next to an intact manhole cover is road).
        public struct Override: Sendable, Decodable, Equatable {
            /// Category the rule applies to.
            public var from: String
            /// Category it becomes.
            public var to: String
            /// Phrases that trigger it.
            public var any: [String]

            /// Builds a rule in code.
            public init(from: String, to: String, any: [String]) {
                self.from = from
                self.to = to
                self.any = any
            }
        }
    }

    /// Place vocabulary.
    public struct PlaceVocabulary: Sendable, Decodable, Equatable {
        /// Endings of estate names, for estates not in the gazetteer (小区, 花园, 苑 …).
        @OrEmpty public var estateSuffixes: [String]
        /// Characters that cannot be part of an estate name (在, 的, 是 …); they end the name on the left.
        @OrEmpty public var nameStopChars: String
        /// Words that look like an estate name but are not (这个小区 → 这个).
        @OrEmpty public var notEstateNames: [String]
        /// Position words after a landmark or estate spot (门口, 背后, 旁边).
        @OrEmpty public var positionWords: [String]
        /// Gate words inside an estate (东门, 后门).
        @OrEmpty public var gateWords: [String]
        /// Spots inside an estate that count as its landmark (车棚, 垃圾站).
        @OrEmpty public var spotWords: [String]
        /// Building markers after a number (栋, 幢, 号楼, #楼).
        @OrEmpty public var buildingMarkers: [String]
        /// Unit markers after a number (单元).
        @OrEmpty public var unitMarkers: [String]
        /// Room markers after a number (室, 号房).
        @OrEmpty public var roomMarkers: [String]
        /// Misspellings and homophones of gazetteer estates → canonical name (龙溪: 龙西小区).
        @OrEmpty public var estateVariants: [String: String]
        /// Endings of street names, for addresses in street-number form (创业路132号).
        @OrEmpty public var streetSuffixes: [String]
        /// Last characters of administrative units (市, 区, 县, 镇): "荷塘区银基小区" is 银基小区 in 荷塘区.
        @OrEmpty public var adminUnitChars: String

        /// An empty section.
        public init() {}

        enum CodingKeys: String, CodingKey {
            case estateSuffixes = "estate_suffixes"
            case nameStopChars = "name_stop_chars"
            case notEstateNames = "not_estate_names"
            case positionWords = "position_words"
            case gateWords = "gate_words"
            case spotWords = "spot_words"
            case buildingMarkers = "building_markers"
            case unitMarkers = "unit_markers"
            case roomMarkers = "room_markers"
            case estateVariants = "estate_variants"
            case streetSuffixes = "street_suffixes"
            case adminUnitChars = "admin_unit_chars"
        }
    }
}

extension KeyedDecodingContainer {
    /// A string list that may be missing.
    fileprivate func list(_ key: Key) throws -> [String] {
        try decodeIfPresent([String].self, forKey: key) ?? []
    }
}
