import Foundation
import Testing

@testable import BotServer

@Suite struct WeChatCryptoTests {
    // A made-up key (43 characters, non-zero surplus bits in the last one) and AppID.
    let key = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
    let appID = "wx0123456789abcdef"

    var crypto: WeChatCrypto { get throws { try WeChatCrypto(token: "tok", encodingAESKey: key, receiveID: appID) } }

    /// The layout `random ‖ length ‖ message ‖ id ‖ pad`, laid out by hand for malformed cases.
    func layout(
        message: [UInt8], length: Int? = nil, receiveID: String? = nil, pad: [UInt8]? = nil
    ) -> [UInt8] {
        let declared = UInt32(length ?? message.count)
        var bytes = [UInt8](repeating: 7, count: 16)
        bytes += [
            UInt8(declared >> 24), UInt8(declared >> 16 & 0xff), UInt8(declared >> 8 & 0xff), UInt8(declared & 0xff),
        ]
        bytes += message + Array((receiveID ?? appID).utf8)
        let n = 32 - bytes.count % 32
        return bytes + (pad ?? [UInt8](repeating: UInt8(n), count: n))
    }

    @Test func roundTripsUnicodeAndReportsTheLayout() throws {
        let text = "<xml><Content><![CDATA[井盖 🚧 \"a\" & <b>\n第二行]]></Content></xml>"
        let prefix = [UInt8](0..<16)
        let sealed = try crypto.encrypt(text, randomPrefix: prefix)
        let payload = try crypto.open(sealed)
        #expect(payload.randomPrefix == prefix)
        #expect(payload.message == text)
        #expect(payload.messageLength == text.utf8.count)
        #expect(payload.receiveID == appID)
        #expect(try crypto.decrypt(sealed) == text)
    }

    @Test func freshRandomPrefixesMakeCiphertextsDiffer() throws {
        let crypto = try crypto
        #expect(try crypto.encrypt("same") != crypto.encrypt("same"))
    }

    /// 20 + message + id a multiple of 32 needs a whole block of 0x20: a 16-byte unpadder
    /// (CommonCrypto's PKCS7 option, the library's default) would refuse it.
    @Test func aFullThirtyTwoBytePadRoundTrips() throws {
        let message = String(repeating: "x", count: 64 - 20 - appID.utf8.count)
        let sealed = try crypto.encrypt(message)
        #expect(Data(base64Encoded: sealed)?.count == 96)
        let payload = try crypto.open(sealed)
        #expect(payload.paddingLength == 32)
        #expect(payload.message == message)
    }

    /// Every padding length 1…32 occurs and each is stripped.
    @Test func everyPadLengthRoundTrips() throws {
        let crypto = try crypto
        var seen = Set<Int>()
        for count in 0..<32 {
            let message = String(repeating: "a", count: count)
            let payload = try crypto.open(try crypto.encrypt(message))
            #expect(payload.message == message)
            seen.insert(payload.paddingLength)
        }
        #expect(seen == Set(1...32))
    }

    @Test func refusesBadPadding() throws {
        let crypto = try crypto
        let message = Array("hello".utf8)
        let good = layout(message: message)
        let n = Int(good.last!)
        var zero = good
        zero[zero.count - 1] = 0
        var tooLong = good
        tooLong[tooLong.count - 1] = 33
        var inconsistent = good
        inconsistent[inconsistent.count - n] = UInt8(n + 1)
        for bytes in [zero, tooLong, inconsistent] {
            #expect(throws: WeChatCryptoError.badPadding) { try crypto.decrypt(try crypto.encryptBlocks(bytes)) }
        }
        #expect(try crypto.decrypt(try crypto.encryptBlocks(good)) == "hello")
    }

    @Test func refusesALengthPastTheEnd() throws {
        let crypto = try crypto
        let bytes = layout(message: Array("hello".utf8), length: 5 + appID.utf8.count + 1)
        #expect(throws: WeChatCryptoError.badLength) { try crypto.decrypt(try crypto.encryptBlocks(bytes)) }
        let huge = layout(message: Array("hello".utf8), length: Int(UInt32.max))
        #expect(throws: WeChatCryptoError.badLength) { try crypto.decrypt(try crypto.encryptBlocks(huge)) }
    }

    @Test func refusesAnotherReceiveIDEvenAPrefixOfOurs() throws {
        let crypto = try crypto
        for other in ["wx0000000000000000", String(appID.dropLast()), appID + "x", ""] {
            let sealed = try crypto.encryptBlocks(layout(message: Array("hi".utf8), receiveID: other))
            #expect(throws: WeChatCryptoError.wrongReceiveID) { try crypto.decrypt(sealed) }
            #expect(try crypto.open(sealed).receiveID == other)
        }
    }

    @Test func refusesNonUTF8Messages() throws {
        let crypto = try crypto
        let sealed = try crypto.encryptBlocks(layout(message: [0xff, 0xfe, 0x41]))
        #expect(throws: WeChatCryptoError.badUTF8) { try crypto.decrypt(sealed) }
    }

    @Test func refusesCiphertextsThatAreNotWholeBlocks() throws {
        let crypto = try crypto
        let sealed = try crypto.encrypt("hello")
        let bytes = try #require(Data(base64Encoded: sealed))
        for bad in [
            "", "not base64!", Data(bytes.prefix(16)).base64EncodedString(), Data(bytes + [1]).base64EncodedString(),
        ] {
            #expect(throws: WeChatCryptoError.badBase64) { try crypto.decrypt(bad) }
        }
    }

    @Test func refusesAnInjectedPrefixOfTheWrongSize() throws {
        #expect(throws: WeChatCryptoError.badRandomPrefix) { try crypto.encrypt("x", randomPrefix: [1, 2, 3]) }
    }

    @Test func refusesBadKeysWithAClearError() {
        for bad in ["", String(key.dropLast()), key + "A", "!" + key.dropFirst(), String(repeating: "=", count: 43)] {
            #expect {
                try WeChatCrypto(token: "tok", encodingAESKey: bad, receiveID: appID)
            } throws: { error in
                guard case .badKey(let reason) = error as? WeChatCryptoError else { return false }
                // The message says what is wrong without echoing the secret.
                return !reason.contains(bad) || bad.isEmpty
            }
        }
        #expect(throws: WeChatCryptoError.missingToken) {
            try WeChatCrypto(token: "", encodingAESKey: key, receiveID: appID)
        }
    }

    /// Keys whose last character has non-zero surplus bits (almost all real ones) are accepted.
    @Test func acceptsNonZeroSurplusBits() throws {
        for last in ["B", "C", "D", "Z", "9"] {
            _ = try WeChatCrypto(token: "t", encodingAESKey: String(key.dropLast()) + last, receiveID: appID)
        }
    }

    @Test func signaturesSortPartsBytewiseAndCompareTheDigest() throws {
        let crypto = try crypto
        let expected = WeChatTestHelpers.signature(["tok", "1718092800", "nonce", "AbC+/="])
        #expect(crypto.signature(timestamp: "1718092800", nonce: "nonce", encrypted: "AbC+/=") == expected)
        #expect(crypto.isValidSignature(expected, timestamp: "1718092800", nonce: "nonce", encrypted: "AbC+/="))
        #expect(
            crypto.isValidSignature(expected.uppercased(), timestamp: "1718092800", nonce: "nonce", encrypted: "AbC+/=")
        )
        #expect(!crypto.isValidSignature(expected, timestamp: "1718092801", nonce: "nonce", encrypted: "AbC+/="))
        for bad in ["", "zz", String(expected.dropLast()), expected + "00", String(expected.dropLast()) + "g"] {
            #expect(!crypto.isValidSignature(bad, timestamp: "1718092800", nonce: "nonce", encrypted: "AbC+/="))
        }
        let plain = WeChatTestHelpers.signature(["tok", "1", "n"])
        #expect(crypto.signature(timestamp: "1", nonce: "n") == plain)
        #expect(crypto.isValidSignature(plain, timestamp: "1", nonce: "n"))
    }

    @Test func tokenListsAcceptAnyConfiguredToken() {
        let old = WeChatTestHelpers.signature(["old", "1", "n"])
        let new = WeChatTestHelpers.signature(["new", "1", "n"])
        #expect(WeChatSignature.isValid(old, tokens: ["new", "old"], parts: ["1", "n"]))
        #expect(WeChatSignature.isValid(new, tokens: ["new", "old"], parts: ["1", "n"]))
        #expect(!WeChatSignature.isValid(old, tokens: ["new"], parts: ["1", "n"]))
        // An empty token is never a valid key, even if someone signs with it.
        #expect(
            !WeChatSignature.isValid(WeChatTestHelpers.signature(["", "1", "n"]), tokens: [""], parts: ["1", "n"]))
    }
}
