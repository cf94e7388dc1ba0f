/// What a sequence of messages amounts to for the board: one parsed message
/// plus the photo- and location-only messages that belong to it.
public struct ThreadRecord: Sendable, Equatable {
    /// The parse of the record's text message (or report/other for a lone photo),
    /// with the joined photos in `photoURLs` and a joined location in `place`.
    public var result: ParseResult
    /// Who sent it.
    public var sender: String
    /// Number of photos: those on the text message plus those joined to it.
    public var photoCount: Int
    /// Indices (into the input array) of the messages this record consumed, ascending.
    public var messageIndices: [Int]

    /// Builds a record.
    public init(result: ParseResult, sender: String, photoCount: Int, messageIndices: [Int]) {
        self.result = result
        self.sender = sender
        self.photoCount = photoCount
        self.messageIndices = messageIndices
    }
}
