import Crypto
import CryptoExtras
import Foundation

/// The message encryption shared by Official Account compat/safe mode and WeCom apps
/// (protocols.md §1.6): SHA-1 signatures, AES-256-CBC with a 32-byte PKCS#7 block, and the
/// `random ‖ length ‖ message ‖ receive id` layout.
struct WeChatCrypto: Sendable {
    /// The console's Token; it signs every request.
    let token: String
    /// The AppID (Official Account) or CorpID (WeCom app) that must trail every plaintext.
    let receiveID: String
    private let key: SymmetricKey
    private let iv: AES._CBC.IV

    /// WeChat pads to 32 bytes, not to the AES block size (protocols.md §1.6).
    static let blockSize = 32

    /// Throws `WeChatCryptoError.badKey` (saying what is wrong, never echoing the key) for
    /// anything but 43 Base64 characters that decode to 32 bytes.
    init(token: String, encodingAESKey: String, receiveID: String) throws {
        guard !token.isEmpty else { throw WeChatCryptoError.missingToken }
        guard encodingAESKey.utf8.count == 43 else {
            throw WeChatCryptoError.badKey("expected 43 characters, got \(encodingAESKey.utf8.count)")
        }
        // The 43rd character carries two surplus bits that WeChat leaves non-zero; Foundation
        // accepts that once the "=" is there, and returns nil without it.
        guard let bytes = Data(base64Encoded: encodingAESKey + "="), bytes.count == 32 else {
            throw WeChatCryptoError.badKey("not Base64 of 32 bytes")
        }
        self.token = token
        self.receiveID = receiveID
        self.key = SymmetricKey(data: bytes)
        do {
            self.iv = try AES._CBC.IV(ivBytes: bytes.prefix(16))
        } catch {
            throw WeChatCryptoError.badKey("cannot derive the IV")
        }
    }

    // MARK: Signatures

    /// The OA `signature` parameter: covers token, timestamp and nonce only.
    func signature(timestamp: String, nonce: String) -> String {
        WeChatSignature.compute([token, timestamp, nonce])
    }

    /// The `msg_signature` parameter or `MsgSignature` element: also covers the Base64 ciphertext.
    func signature(timestamp: String, nonce: String, encrypted: String) -> String {
        WeChatSignature.compute([token, timestamp, nonce, encrypted])
    }

    /// Constant-time check of an OA `signature` parameter.
    func isValidSignature(_ given: String, timestamp: String, nonce: String) -> Bool {
        WeChatSignature.isValid(given, parts: [token, timestamp, nonce])
    }

    /// Constant-time check of a `msg_signature`; do this before decrypting anything.
    func isValidSignature(_ given: String, timestamp: String, nonce: String, encrypted: String) -> Bool {
        WeChatSignature.isValid(given, parts: [token, timestamp, nonce, encrypted])
    }

    // MARK: Decryption

    /// The message inside `base64`, refused unless every rule of protocols.md §1.6 holds and the
    /// trailing id is exactly `receiveID`. The caller must have checked the signature first.
    func decrypt(_ base64: String) throws -> String {
        let parts = try openBytes(base64)
        // Bytes, not Strings: Unicode-equivalent but different ids must not match.
        guard parts.receiveID.elementsEqual(receiveID.utf8) else { throw WeChatCryptoError.wrongReceiveID }
        guard let message = String(validating: parts.message, as: UTF8.self) else { throw WeChatCryptoError.badUTF8 }
        return message
    }

    /// All parts of the plaintext without judging the receive id; for tests and diagnostics.
    func open(_ base64: String) throws -> WeChatDecryptedPayload {
        let parts = try openBytes(base64)
        guard let message = String(validating: parts.message, as: UTF8.self) else { throw WeChatCryptoError.badUTF8 }
        return WeChatDecryptedPayload(
            randomPrefix: Array(parts.random), messageLength: parts.message.count, message: message,
            receiveID: String(decoding: parts.receiveID, as: UTF8.self), paddingLength: parts.padding)
    }

    private func openBytes(
        _ base64: String
    ) throws -> (random: ArraySlice<UInt8>, message: ArraySlice<UInt8>, receiveID: ArraySlice<UInt8>, padding: Int) {
        guard let ciphertext = Data(base64Encoded: base64), !ciphertext.isEmpty,
            ciphertext.count % Self.blockSize == 0
        else { throw WeChatCryptoError.badBase64 }
        let plain: [UInt8]
        do {
            // The library's unpadder assumes 16-byte blocks and would refuse pads of 17…32.
            plain = Array(try AES._CBC.decrypt(ciphertext, using: key, iv: iv, noPadding: true))
        } catch {
            throw WeChatCryptoError.cipherFailure
        }
        guard let last = plain.last, (1...Self.blockSize).contains(Int(last)), plain.count >= Int(last),
            plain.suffix(Int(last)).allSatisfy({ $0 == last })
        else { throw WeChatCryptoError.badPadding }
        let content = plain.prefix(plain.count - Int(last))
        guard content.count >= 20 else { throw WeChatCryptoError.badLength }
        let lengthBytes = content[content.startIndex + 16..<content.startIndex + 20]
        let length = lengthBytes.reduce(0) { $0 << 8 | Int($1) }
        let messageStart = content.startIndex + 20
        guard length <= content.endIndex - messageStart else { throw WeChatCryptoError.badLength }
        let messageEnd = messageStart + length
        return (
            content[content.startIndex..<content.startIndex + 16], content[messageStart..<messageEnd],
            content[messageEnd...], Int(last)
        )
    }

    // MARK: Encryption

    /// Base64 `msg_encrypt` for `plaintext`. Tests inject `randomPrefix` to reproduce a known
    /// ciphertext byte for byte; production leaves it nil and gets 16 fresh random bytes.
    func encrypt(_ plaintext: String, randomPrefix: [UInt8]? = nil) throws -> String {
        let prefix = randomPrefix ?? Self.randomBytes(16)
        guard prefix.count == 16 else { throw WeChatCryptoError.badRandomPrefix }
        let message = Array(plaintext.utf8)
        guard let length = UInt32(exactly: message.count) else { throw WeChatCryptoError.badLength }
        var bytes = prefix
        bytes += [
            UInt8(length >> 24 & 0xff), UInt8(length >> 16 & 0xff), UInt8(length >> 8 & 0xff), UInt8(length & 0xff),
        ]
        bytes += message
        bytes += Array(receiveID.utf8)
        let pad = Self.blockSize - bytes.count % Self.blockSize
        bytes += [UInt8](repeating: UInt8(pad), count: pad)
        return try encryptBlocks(bytes)
    }

    /// AES-CBC over `bytes` as given, with no layout and no padding: lets tests build the
    /// malformed plaintexts (bad pad, bad length) that `encrypt` never produces.
    func encryptBlocks(_ bytes: [UInt8]) throws -> String {
        do {
            return try AES._CBC.encrypt(bytes, using: key, iv: iv, noPadding: true).base64EncodedString()
        } catch {
            throw WeChatCryptoError.cipherFailure
        }
    }

    /// The encrypted passive-reply body of protocols.md §1.6, signed with `MsgSignature`.
    ///
    /// Reusing the request's timestamp and nonce is allowed, and what callers normally do.
    func replyEnvelope(
        plaintextXML: String, timestamp: String, nonce: String, randomPrefix: [UInt8]? = nil
    ) throws -> String {
        let encrypted = try encrypt(plaintextXML, randomPrefix: randomPrefix)
        return WeChatXML.build([
            ("Encrypt", .text(encrypted)),
            ("MsgSignature", .text(signature(timestamp: timestamp, nonce: nonce, encrypted: encrypted))),
            ("TimeStamp", WeChatXML.Value.numberOrText(timestamp)),
            ("Nonce", .text(nonce)),
        ])
    }

    private static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
