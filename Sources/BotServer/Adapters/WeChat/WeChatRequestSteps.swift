import Foundation

/// The checks both endpoints run in the same order: required parameters, clock skew, signature,
/// then decryption and parsing (no XML parser sees a byte before the signature holds). Kept in one place so the order cannot drift between platforms.
enum WeChatRequestSteps {
    /// Unix seconds now; the default clock of the endpoints.
    static func currentTime() -> Int64 {
        Int64(Date().timeIntervalSince1970)
    }

    /// A query parameter that must be present and non-empty.
    static func require(_ name: String, in query: [String: String]) throws(WeChatRequestError) -> String {
        guard let value = query[name], !value.isEmpty else { throw .missingParameter(name) }
        return value
    }

    /// The `timestamp` and `nonce` every signed request carries, the timestamp checked against `maxSkew`.
    static func stamp(in query: [String: String], now: Int64, maxSkew: Int64?) throws(WeChatRequestError) -> (
        timestamp: String, nonce: String
    ) {
        let timestamp = try require("timestamp", in: query)
        let nonce = try require("nonce", in: query)
        try checkFreshness(timestamp, now: now, maxSkew: maxSkew)
        return (timestamp, nonce)
    }

    /// Refuses a signed timestamp further than `maxSkew` seconds from `now` either way.
    /// A nil `maxSkew` turns the check off (replaying recorded vectors).
    static func checkFreshness(_ timestamp: String, now: Int64, maxSkew: Int64?) throws(WeChatRequestError) {
        guard let maxSkew else { return }
        guard let sent = Int64(timestamp) else { throw .staleTimestamp }
        // Subtraction of two Int64 could overflow for hostile input; compare in a wide type.
        guard abs(Double(now) - Double(sent)) <= Double(maxSkew) else { throw .staleTimestamp }
    }

    /// The `<Encrypt>` text of an encrypted push, read without an XML parser: nothing the signature
    /// has not covered yet is parsed.
    static func encryptedField(_ body: Data) throws(WeChatRequestError) -> String {
        do {
            return try WeChatXML.encryptedField(body)
        } catch {
            throw .malformedBody("\(error)")
        }
    }

    /// Verifies `msgSignature` over `encrypted` under any of `cryptos` (one per token) and
    /// decrypts with the one that matched. Nothing is decrypted unless the signature holds.
    static func verifiedDecrypt(
        _ encrypted: String, msgSignature: String, timestamp: String, nonce: String, cryptos: [WeChatCrypto]
    ) throws(WeChatRequestError) -> String {
        var matched: WeChatCrypto?
        // Every token is tried so timing does not say which one matched.
        for crypto in cryptos
        where crypto.isValidSignature(msgSignature, timestamp: timestamp, nonce: nonce, encrypted: encrypted) {
            matched = crypto
        }
        guard let crypto = matched else { throw .badSignature }
        do {
            return try crypto.decrypt(encrypted)
        } catch WeChatCryptoError.wrongReceiveID {
            throw .wrongReceiveID
        } catch let error as WeChatCryptoError {
            throw .decryptionFailed(error)
        } catch {
            throw .decryptionFailed(.cipherFailure)
        }
    }

    /// The typed message in a decrypted or plain XML document.
    static func parseMessage(_ xml: String) throws(WeChatRequestError) -> WeChatMessage {
        let fields: [String: String]
        do {
            fields = try WeChatXML.parse(xml)
        } catch {
            throw .invalidMessage("\(error)")
        }
        do {
            return try WeChatMessage(fields: fields)
        } catch {
            throw .invalidMessage("\(error)")
        }
    }
}
