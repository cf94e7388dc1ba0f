/// Why an Official Account or WeCom request was refused, with the HTTP status to answer.
///
/// Every case means "do not parse further, store, de-duplicate-record or reply" (vectors README).
enum WeChatRequestError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A query parameter the mode requires is absent.
    case missingParameter(String)
    /// `signature` / `msg_signature` matches no configured token.
    case badSignature
    /// The signed timestamp is outside the allowed clock skew: a replay or a broken clock.
    case staleTimestamp
    /// The request is encrypted but no EncodingAESKey is configured, or plain while one is.
    case modeMismatch(String)
    /// The body is not WeChat XML, or lacks `<Encrypt>`.
    case malformedBody(String)
    /// The ciphertext did not decrypt by the rules of protocols.md §1.6.
    case decryptionFailed(WeChatCryptoError)
    /// It decrypted, but for another AppID/CorpID.
    case wrongReceiveID
    /// The XML parsed but is not a usable message.
    case invalidMessage(String)
    /// A (timestamp, nonce) already accepted, now with another body: a replayed push URL.
    case replayed

    /// The status the HTTP layer should answer: 401 for authentication, 403 for a message meant
    /// for another account, 400 for anything malformed.
    var httpStatus: Int {
        switch self {
        case .badSignature, .staleTimestamp, .replayed: 401
        case .wrongReceiveID: 403
        case .missingParameter, .modeMismatch, .malformedBody, .decryptionFailed, .invalidMessage: 400
        }
    }

    var description: String {
        switch self {
        case .missingParameter(let name): "missing query parameter \(name)"
        case .badSignature: "signature does not match any configured token"
        case .staleTimestamp: "timestamp outside the allowed clock skew"
        case .modeMismatch(let reason): "encryption mode mismatch: \(reason)"
        case .malformedBody(let reason): "malformed body: \(reason)"
        case .decryptionFailed(let error): "decryption failed: \(error)"
        case .wrongReceiveID: "message is for another AppID/CorpID"
        case .invalidMessage(let reason): "invalid message: \(reason)"
        case .replayed: "timestamp and nonce already used with another body"
        }
    }
}
