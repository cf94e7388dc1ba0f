/// Why WeChat/WeCom key material or a ciphertext was refused, precise enough for a log line.
///
/// The cases never carry the key, the token or the plaintext, so they are safe to log.
enum WeChatCryptoError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The EncodingAESKey is not 43 Base64 characters decoding to 32 bytes.
    case badKey(String)
    /// An empty token would make every signature forgeable.
    case missingToken
    /// A signature did not match any configured token.
    case badSignature
    /// The ciphertext is not Base64, or its byte length is not a non-zero multiple of 32.
    case badBase64
    /// The AES primitive itself failed (key or block size mismatch).
    case cipherFailure
    /// The last byte is not 1…32 or the padding bytes disagree with it.
    case badPadding
    /// The embedded message length points past the end of the plaintext.
    case badLength
    /// The message bytes are not UTF-8.
    case badUTF8
    /// The trailing AppID/CorpID is not the configured one: the message was meant for someone else.
    case wrongReceiveID
    /// An injected random prefix must be exactly 16 bytes, or the layout shifts.
    case badRandomPrefix

    var description: String {
        switch self {
        case .badKey(let reason): "invalid EncodingAESKey: \(reason)"
        case .missingToken: "the WeChat token is empty"
        case .badSignature: "signature does not match the configured token"
        case .badBase64: "ciphertext is not Base64 of a non-zero multiple of 32 bytes"
        case .cipherFailure: "AES-256-CBC failed"
        case .badPadding: "PKCS#7 padding (1…32) is invalid"
        case .badLength: "embedded message length is out of bounds"
        case .badUTF8: "decrypted message is not UTF-8"
        case .wrongReceiveID: "trailing AppID/CorpID does not match the configured one"
        case .badRandomPrefix: "random prefix must be 16 bytes"
        }
    }
}
