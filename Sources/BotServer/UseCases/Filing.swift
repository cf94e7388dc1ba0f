import TaskBoard

/// A report, wish or suggestion to file: from a chat message, a review decision or the board's form.
struct Filing: Sendable {
    var kind: ItemKind
    /// The category code of an issue; nil for a wish or suggestion.
    var category: String?
    var location: Location
    var text: String
    var photoURLs: [String]
    /// The message it came from; nil when filed on the board for someone who phoned.
    var source: ItemSource?
    /// Filed by the community itself (the board): a wish needs no further approval.
    var approved = false
}
