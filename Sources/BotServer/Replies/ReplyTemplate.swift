/// Every reply template the server renders, so start-up can check they all exist.
enum ReplyTemplate: String, CaseIterable, Sendable {
    case receipt
    case receiptWish = "receipt_wish"
    case receiptSuggestion = "receipt_suggestion"
    case claimed, released, submitted, verified, returned, escalated, registered
    case points, leaderboard, todo
    case itemStatus = "item_status"
    case help
    case needItemRef = "need_item_ref"
    case unconfiguredGroup = "unconfigured_group"
    case refusedNoSuchItem = "refused_no_such_item"
    case refusedNoSuchMember = "refused_no_such_member"
    case refusedAlreadyClaimed = "refused_already_claimed"
    case refusedAlreadyYours = "refused_already_yours"
    case refusedNotClaimant = "refused_not_claimant"
    case refusedNotAllowed = "refused_not_allowed"
    case refusedWrongState = "refused_wrong_state"
    case refusedTooManyClaims = "refused_too_many_claims"
    case refusedOwnItem = "refused_own_item"
    case refusedInsufficientBalance = "refused_insufficient_balance"
    case refusedInvalidMerge = "refused_invalid_merge"
    case resolved, assigned, cancelled, merged, adopted
    case place, located
    case photosAdded = "photos_added"
    case reviewQueued = "review_queued"
    case dueSoon = "due_soon"
    case overdue
    case overdueDigest = "overdue_digest"
    case stalled, expired, reopened
    case weekReport = "week_report"
    case yearlyDuty = "yearly_duty"
    case dutyReminder = "duty_reminder"
    case champion
    case announcement
    case reporterClaimed = "reporter_claimed"
    case reporterReturned = "reporter_returned"
    case reporterClosed = "reporter_closed"
    case refusedNotRegistered = "refused_not_registered"
    case noReportFound = "no_report_found"
    case registrationApproved = "registration_approved"
    case departmentAnswered = "department_answered"
    case departmentRequest = "department_request"
    case chased
    case chaseSent = "chase_sent"
    case unknownDepartment = "unknown_department"
    case joined
    case brokenAgain = "broken_again"
    case splitOff = "split_off"
    case joinedClosed = "joined_closed"
    case refusedStillOpen = "refused_still_open"
    case refusedReopenTooLate = "refused_reopen_too_late"
    case donated
    case exchangeCatalog = "exchange_catalog"
    case unknownMember = "unknown_member"
    case wishApproved = "wish_approved"
    case refusedNotApproved = "refused_not_approved"
    case wishFulfilled = "wish_fulfilled"
    case wishList = "wish_list"
    case wishPublication = "wish_publication"

    var path: String { "replies/" + rawValue }
}
