/// Every part of a decrypted `msg_encrypt`, before the receive id is checked.
///
/// Kept as a value so tests can check the layout of protocols.md §1.6 piece by piece against the
/// vectors, and so a wrong receive id can be reported with what was actually found.
struct WeChatDecryptedPayload: Sendable, Equatable {
    /// The 16 bytes the sender chose at random; they make equal messages encrypt differently.
    var randomPrefix: [UInt8]
    /// The big-endian length field: UTF-8 bytes of `message`.
    var messageLength: Int
    /// The message XML (or, for a WeCom URL check, the echo string).
    var message: String
    /// The AppID or CorpID that trails the message.
    var receiveID: String
    /// How many PKCS#7 bytes were stripped: 1…32.
    var paddingLength: Int
}
