/// The `schedule:` section: when each job runs (`JobTime`), in the community's time zone, and the
/// rules the jobs apply.
struct ScheduleSettings: Sendable, Decodable, Equatable {
    /// Reminders at three quarters of an item's time and notices when its deadline passes.
    var deadlines = "every 10m"
    /// The list of overdue items, to the secretary.
    var overdueDigest = "09:00"
    /// Claims with no progress: a nudge after `stallDays`, the claim released a day later.
    var stalledClaims = "every 1h"
    var stallDays = 3
    /// Last week's 研判 report, to the secretaries, and each champion's line to their group.
    var weeklyReport = "MON 09:00"
    /// 两个至少1次: members who have not met the year's duty are reminded in October and December.
    var yearlyDuty = "10-01 12-01 09:00"
    /// The approved, unclaimed wishes (微心愿), in one message to the members' groups.
    var wishPublication = "MON 09:00"

    enum CodingKeys: String, CodingKey {
        case deadlines
        case overdueDigest = "overdue_digest"
        case stalledClaims = "stalled_claims"
        case stallDays = "stall_days"
        case weeklyReport = "weekly_report"
        case yearlyDuty = "yearly_duty"
        case wishPublication = "wish_publication"
    }

    init() {}

    init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try c.update(&deadlines, .deadlines)
        try c.update(&overdueDigest, .overdueDigest)
        try c.update(&stalledClaims, .stalledClaims)
        try c.update(&stallDays, .stallDays)
        try c.update(&weeklyReport, .weeklyReport)
        try c.update(&yearlyDuty, .yearlyDuty)
        try c.update(&wishPublication, .wishPublication)
    }

    /// Each job's time, checked at start-up so a typo names its key.
    func time(of job: Job) throws -> JobTime {
        let text =
            switch job {
            case .deadlines: deadlines
            case .overdueDigest: overdueDigest
            case .stalledClaims: stalledClaims
            case .weeklyReport: weeklyReport
            case .yearlyDuty: yearlyDuty
            case .wishPublication: wishPublication
            }
        guard let time = JobTime(text) else {
            throw ConfigError.invalidValue(
                key: "schedule.\(job.rawValue)",
                reason:
                    "\"\(text)\" is not a time: write \"09:00\", \"MON 09:00\", \"10-01 12-01 09:00\", \"every 10m\" or \"off\""
            )
        }
        return time
    }

    func validate() throws {
        for job in Job.allCases { _ = try time(of: job) }
        guard stallDays >= 0 else {
            throw ConfigError.invalidValue(key: "schedule.stall_days", reason: "must be 0 (off) or more days")
        }
    }
}

/// The community's calendar jobs.
enum Job: String, CaseIterable, Sendable {
    case deadlines
    case overdueDigest = "overdue_digest"
    case stalledClaims = "stalled_claims"
    case weeklyReport = "weekly_report"
    case yearlyDuty = "yearly_duty"
    case wishPublication = "wish_publication"
}
