import Foundation
import Testing

@testable import BotServer

/// The one HMAC verifier under both schemes it serves: the generic webhook's `sha256=` and OneBot 11's
/// `sha1=` (the OneBot vectors cover more in `OneBotVectorTests`).
@Suite struct HMACVerifierTests {
    /// The generic webhook's documented form: hex HMAC-SHA256 of the raw body.
    @Test func genericWebhookKnownVector() {
        let body = Data(#"{"message_id":"m-1"}"#.utf8)
        // python3 -c "import hmac,hashlib;print(hmac.new(b'key',b'{\"message_id\":\"m-1\"}',hashlib.sha256).hexdigest())"
        let expected = "sha256=ac0fc02fabb4cbc1765fa1fec163ebe13df52f189de14bb9741cb0787dbbe84f"
        #expect(SignatureVerifier.signature(secret: "key", body: body) == expected)
        #expect(SignatureVerifier(secrets: ["key"]).isValid(signatureHeader: expected, body: body))
    }

    /// OneBot 11's `X-Signature`, a known HMAC-SHA1 value computed independently.
    @Test func oneBot11KnownValue() {
        let body = Data(#"{"post_type":"message"}"#.utf8)
        // python3 -c "import hmac,hashlib;print(hmac.new(b'key',b'{\"post_type\":\"message\"}',hashlib.sha1).hexdigest())"
        let expected = "sha1=90e9633c7a9382d3058175775c8669cc4f5c2f3a"
        #expect(OneBot11Verifier.signature(secret: "key", body: body) == expected)
        #expect(OneBot11Verifier(secrets: ["key"]).isValid(signatureHeader: expected, body: body))
        // Hex case and surrounding blanks are not part of the MAC.
        #expect(OneBot11Verifier(secrets: ["key"]).isValid(signatureHeader: " " + expected.uppercased(), body: body))
    }

    @Test func rotationAcceptsEitherSecret() {
        expectRotation(GenericWebhookSignature.self)
        expectRotation(OneBot11Signature.self)
    }

    @Test func malformedHeadersAreRefused() {
        expectMalformedRefused(GenericWebhookSignature.self, otherPrefix: "sha1=")
        expectMalformedRefused(OneBot11Signature.self, otherPrefix: "sha256=")
    }

    @Test func noSecretMeansNoCheck() {
        expectNoSecretNoCheck(GenericWebhookSignature.self)
        expectNoSecretNoCheck(OneBot11Signature.self)
    }

    private let body = Data(#"{"post_type":"message","message_id":"m-1"}"#.utf8)

    private func expectRotation<Scheme: HMACScheme>(_: Scheme.Type) {
        let verifier = HMACVerifier<Scheme>(secrets: ["old", "new"])
        for (secret, valid) in [("old", true), ("new", true), ("other", false)] {
            let header = HMACVerifier<Scheme>.signature(secret: secret, body: body)
            #expect(verifier.isValid(signatureHeader: header, body: body) == valid, "\(Scheme.prefix) \(secret)")
        }
    }

    private func expectMalformedRefused<Scheme: HMACScheme>(_: Scheme.Type, otherPrefix: String) {
        let verifier = HMACVerifier<Scheme>(secrets: ["k"])
        let valid = HMACVerifier<Scheme>.signature(secret: "k", body: body)
        let digest = valid.dropFirst(Scheme.prefix.count)
        for header in [
            nil, "", Scheme.prefix, Scheme.prefix + "zz", Scheme.prefix + "abc", "md5=abcd", otherPrefix + digest,
            String(valid.dropLast(2)), valid + "00",
        ] {
            #expect(!verifier.isValid(signatureHeader: header, body: body), "\(header ?? "nil")")
        }
    }

    private func expectNoSecretNoCheck<Scheme: HMACScheme>(_: Scheme.Type) {
        #expect(HMACVerifier<Scheme>(secrets: []).isValid(signatureHeader: nil, body: body))
        #expect(HMACVerifier<Scheme>(secrets: [""]).isValid(signatureHeader: Scheme.prefix + "00", body: body))
        #expect(!HMACVerifier<Scheme>(secrets: ["", "k"]).isValid(signatureHeader: nil, body: body))
    }
}
