/// The simulator's channel: messages typed on `/sim` come in on it, and its replies go out on it.
enum SimChannel {
    static let id = "sim"
    /// Every simulated sender's id starts with this, and no real channel's may: a persona can never
    /// be, or act as, a real member.
    static let memberPrefix = "sim:"

    /// The board member a persona with sender id `senderID` is.
    static func memberID(_ senderID: String) -> String { memberPrefix + senderID }
}
