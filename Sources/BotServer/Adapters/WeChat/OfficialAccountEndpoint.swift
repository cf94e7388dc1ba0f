import Foundation

/// The request logic of an Official Account (公众号) push URL, free of HTTP types so it can be
/// tested against the wechatpy vectors directly: URL check, plain / compat / safe-mode messages,
/// and passive replies (protocols.md §1).
struct OfficialAccountEndpoint: Sendable {
    /// What the console holds for one account.
    struct Config: Sendable {
        /// Accepted tokens; the first is the current one and signs encrypted replies. Several
        /// may be listed while the console's token is being changed.
        var tokens: [String]
        /// Empty means plain mode only; set for compat or safe mode.
        var encodingAESKey: String = ""
        /// The AppID that must trail every decrypted message.
        var appID: String
        /// How far a signed timestamp may be from now, in seconds; nil disables the check.
        var maxClockSkew: Int64? = 300
        /// Refuse unencrypted pushes even with a valid `signature`. Plain mode signs only
        /// token/timestamp/nonce, never the body, so a safe-mode account should set this.
        var requireEncryption = false
    }

    let config: Config
    /// One per token, all with the same key; empty in plain mode.
    private let cryptos: [WeChatCrypto]

    /// Throws `WeChatCryptoError` for an unusable key or when no token is configured.
    init(config: Config) throws {
        guard config.tokens.contains(where: { !$0.isEmpty }) else { throw WeChatCryptoError.missingToken }
        self.config = config
        if config.encodingAESKey.isEmpty {
            cryptos = []
        } else {
            cryptos = try config.tokens.filter { !$0.isEmpty }.map {
                try WeChatCrypto(token: $0, encodingAESKey: config.encodingAESKey, receiveID: config.appID)
            }
        }
    }

    /// Whether compat/safe-mode messages can be decrypted.
    var isEncryptionConfigured: Bool { !cryptos.isEmpty }

    /// The server-configuration check (GET): the body to answer is `echostr` itself. Identical
    /// in every mode; `echostr` is never encrypted for Official Accounts.
    func urlCheck(
        query: [String: String], now: Int64 = WeChatRequestSteps.currentTime()
    ) -> Result<String, WeChatRequestError> {
        Result { () throws(WeChatRequestError) -> String in
            let signature = try WeChatRequestSteps.require("signature", in: query)
            let echostr = try WeChatRequestSteps.require("echostr", in: query)
            let (timestamp, nonce) = try WeChatRequestSteps.stamp(in: query, now: now, maxSkew: config.maxClockSkew)
            guard WeChatSignature.isValid(signature, tokens: config.tokens, parts: [timestamp, nonce]) else {
                throw .badSignature
            }
            return echostr
        }
    }

    /// A pushed message (POST). With `encrypt_type=aes` (compat and safe mode) `msg_signature`
    /// is verified over `<Encrypt>` and only the decrypted message is used — compat mode's
    /// plaintext copy is unsigned and ignored. Otherwise (plain mode) `signature` is verified.
    func message(
        query: [String: String], body: Data, now: Int64 = WeChatRequestSteps.currentTime()
    ) -> Result<WeChatMessage, WeChatRequestError> {
        Result { () throws(WeChatRequestError) -> WeChatMessage in
            let (timestamp, nonce) = try WeChatRequestSteps.stamp(in: query, now: now, maxSkew: config.maxClockSkew)
            switch query["encrypt_type"] ?? "raw" {
            case "raw", "":
                guard !config.requireEncryption else { throw .modeMismatch("plain push, but encryption is required") }
                let signature = try WeChatRequestSteps.require("signature", in: query)
                guard WeChatSignature.isValid(signature, tokens: config.tokens, parts: [timestamp, nonce]) else {
                    throw .badSignature
                }
                guard let xml = String(data: body, encoding: .utf8) else { throw .malformedBody("not UTF-8") }
                return try WeChatRequestSteps.parseMessage(xml)
            case "aes":
                guard isEncryptionConfigured else {
                    throw .modeMismatch("encrypted push, but no EncodingAESKey is configured")
                }
                let msgSignature = try WeChatRequestSteps.require("msg_signature", in: query)
                // `signature` is still sent in encrypted modes; when present it must hold too.
                if let signature = query["signature"],
                    !WeChatSignature.isValid(signature, tokens: config.tokens, parts: [timestamp, nonce])
                {
                    throw .badSignature
                }
                let encrypted = try WeChatRequestSteps.encryptedField(body)
                let xml = try WeChatRequestSteps.verifiedDecrypt(
                    encrypted, msgSignature: msgSignature, timestamp: timestamp, nonce: nonce, cryptos: cryptos)
                return try WeChatRequestSteps.parseMessage(xml)
            case let other:
                throw .modeMismatch("unknown encrypt_type \(other)")
            }
        }
    }

    /// The plain passive text reply (plain and compat mode).
    func passiveReply(to message: WeChatMessage, text: String, now: Int64) -> String {
        message.textReply(text, now: now)
    }

    /// The encrypted passive reply (required in safe mode), signed with the first token and
    /// echoing the request's `timestamp` and `nonce`.
    func encryptedPassiveReply(
        to message: WeChatMessage, text: String, now: Int64, timestamp: String, nonce: String
    ) throws -> String {
        guard let crypto = cryptos.first else { throw WeChatRequestError.modeMismatch("no EncodingAESKey configured") }
        return try crypto.replyEnvelope(
            plaintextXML: message.textReply(text, now: now), timestamp: timestamp, nonce: nonce)
    }

    /// The reply body in the request's own mode: encrypted when it came with `encrypt_type=aes`,
    /// plain otherwise. What the HTTP layer returns when it answers with text.
    func replyBody(to message: WeChatMessage, text: String, now: Int64, query: [String: String]) throws -> String {
        guard query["encrypt_type"] == "aes" else { return passiveReply(to: message, text: text, now: now) }
        return try encryptedPassiveReply(
            to: message, text: text, now: now, timestamp: query["timestamp"] ?? String(now),
            nonce: query["nonce"] ?? "")
    }
}
