/// One step of the story the page suggests; tapping it fills in the message to send.
struct SimScriptStep: Sendable, Decodable, Equatable {
    /// A persona id.
    var persona: String
    /// A group id.
    var group: String
    var text: String
    /// A sample photo's file name.
    var photo: String?
    /// A location preset id.
    var location: String?
}
