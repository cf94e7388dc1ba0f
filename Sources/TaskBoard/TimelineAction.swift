import GRDB

/// What happened to an item, one per timeline event, so the board can show the item's history
/// (shown publicly) and the weekly review can see who did what.
public enum TimelineAction: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// The report became an item.
    case created
    /// A member took it.
    case claimed
    /// The holder, or the community, gave it back to the open list.
    case released
    /// The holder reported it done.
    case submitted
    /// The community accepted the work and closed it.
    case verified
    /// The community sent the work back to the holder.
    case returned
    /// Handed to the street office or a department (chuishao, "blowing the whistle").
    case escalated
    /// An escalated item was solved and closed.
    case resolved
    /// Marked a duplicate of another item.
    case merged
    /// Withdrawn by the community.
    case cancelled
    /// Dispatched by the community to a member (paidan); the note names the member.
    case assigned
    /// Photos were attached after the report; the note counts them.
    case photoAdded = "photo_added"
    /// The place was completed after the report (the reporter answered the bot's question).
    case located
    /// A suggestion was adopted (采纳) and closed; its reporter was paid for it.
    case adopted
    /// The department an escalated item waits on answered ("城管回复：已安排"); the note is the answer.
    case departmentAnswered = "department_answered"
    /// The community chased the department an escalated item waits on (催办).
    case chased
    /// Someone reported the same thing again; their report was joined to this item (the note names them).
    case joined
    /// A report joined by mistake was split off into an item of its own (the note names it).
    case split
    /// A closed item broke again ("#3 又坏了") and went back to the open list.
    case reopened
    /// The secretary approved a wish on the board: published to the members, claimable from now on.
    case approved
}
