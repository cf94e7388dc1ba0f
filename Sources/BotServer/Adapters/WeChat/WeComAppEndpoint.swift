import Foundation

/// The request logic of a WeCom (企业微信) self-built app callback URL, free of HTTP types:
/// encrypted URL check, encrypted messages and encrypted passive replies (protocols.md §2.1).
struct WeComAppEndpoint: Sendable {
    /// What the app's 接收消息 settings hold.
    struct Config: Sendable {
        /// Accepted tokens; the first is the current one and signs replies.
        var tokens: [String]
        /// WeCom apps are always encrypted, so the key is required.
        var encodingAESKey: String
        /// The CorpID that must trail every decrypted message (ReceiveId of a self-built app).
        var corpID: String
        /// How far a signed timestamp may be from now, in seconds; nil disables the check.
        var maxClockSkew: Int64? = 300

        /// One token, the usual case.
        init(token: String, encodingAESKey: String, corpID: String, maxClockSkew: Int64? = 300) {
            self.init(tokens: [token], encodingAESKey: encodingAESKey, corpID: corpID, maxClockSkew: maxClockSkew)
        }

        /// Several tokens while one is being rotated out.
        init(tokens: [String], encodingAESKey: String, corpID: String, maxClockSkew: Int64? = 300) {
            self.tokens = tokens
            self.encodingAESKey = encodingAESKey
            self.corpID = corpID
            self.maxClockSkew = maxClockSkew
        }
    }

    let config: Config
    private let cryptos: [WeChatCrypto]

    /// Throws `WeChatCryptoError` for an unusable key or when no token is configured.
    init(config: Config) throws {
        let tokens = config.tokens.filter { !$0.isEmpty }
        guard !tokens.isEmpty else { throw WeChatCryptoError.missingToken }
        self.config = config
        cryptos = try tokens.map {
            try WeChatCrypto(token: $0, encodingAESKey: config.encodingAESKey, receiveID: config.corpID)
        }
    }

    /// The callback URL check (GET): verify `msg_signature` over the encrypted `echostr`,
    /// decrypt it, and answer the plaintext alone. WeCom waits only 1 s for this.
    ///
    /// `query` must be percent-decoded already. A space in `echostr` is read as `+`: Base64
    /// has no spaces, and form-style decoders turn an unescaped `+` into one.
    func urlCheck(
        query: [String: String], now: Int64 = WeChatRequestSteps.currentTime()
    ) -> Result<String, WeChatRequestError> {
        Result { () throws(WeChatRequestError) -> String in
            let msgSignature = try WeChatRequestSteps.require("msg_signature", in: query)
            let echostr = try WeChatRequestSteps.require("echostr", in: query)
                .replacingOccurrences(of: " ", with: "+")
            let (timestamp, nonce) = try WeChatRequestSteps.stamp(in: query, now: now, maxSkew: config.maxClockSkew)
            return try WeChatRequestSteps.verifiedDecrypt(
                echostr, msgSignature: msgSignature, timestamp: timestamp, nonce: nonce, cryptos: cryptos)
        }
    }

    /// A callback message (POST): verify `msg_signature` over `<Encrypt>`, decrypt, check the
    /// CorpID, then parse. The outer `ToUserName`/`AgentID` are unsigned and not trusted.
    func message(
        query: [String: String], body: Data, now: Int64 = WeChatRequestSteps.currentTime()
    ) -> Result<WeChatMessage, WeChatRequestError> {
        Result { () throws(WeChatRequestError) -> WeChatMessage in
            let msgSignature = try WeChatRequestSteps.require("msg_signature", in: query)
            let (timestamp, nonce) = try WeChatRequestSteps.stamp(in: query, now: now, maxSkew: config.maxClockSkew)
            let encrypted = try WeChatRequestSteps.encryptedField(body)
            let xml = try WeChatRequestSteps.verifiedDecrypt(
                encrypted, msgSignature: msgSignature, timestamp: timestamp, nonce: nonce, cryptos: cryptos)
            return try WeChatRequestSteps.parseMessage(xml)
        }
    }

    /// The plain reply XML (with AgentID) before encryption; WeCom only accepts it encrypted.
    func passiveReply(to message: WeChatMessage, text: String, now: Int64) -> String {
        message.textReply(text, now: now)
    }

    /// The encrypted passive reply body, signed with the first token; pass the request's
    /// `timestamp` and `nonce`.
    func encryptedPassiveReply(
        to message: WeChatMessage, text: String, now: Int64, timestamp: String, nonce: String
    ) throws -> String {
        try cryptos[0].replyEnvelope(
            plaintextXML: message.textReply(text, now: now), timestamp: timestamp, nonce: nonce)
    }

    /// The reply body: always encrypted, with the request's `timestamp` and `nonce`.
    func replyBody(to message: WeChatMessage, text: String, now: Int64, query: [String: String]) throws -> String {
        try encryptedPassiveReply(
            to: message, text: text, now: now, timestamp: query["timestamp"] ?? String(now),
            nonce: query["nonce"] ?? "")
    }
}
