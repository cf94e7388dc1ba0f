/// What a member can be refused besides an item's own actions: the stable codes `BoardError.notAllowed`
/// carries for the ledger, registrations, activities, the review queue and filing from the board.
public enum BoardAction: String, Sendable, CaseIterable {
    case exchange, adjust, approve, review, file
    case recordActivity = "record_activity"
    /// Reading the weekly 研判 report in chat ("周报"): the secretary's and grid workers' view.
    case weekReport = "week_report"
}
