import Foundation
import Testing

@testable import BotServer

@Suite struct SignatureVerifierTests {
    let body = Data(#"{"message_id":"m-1"}"#.utf8)

    /// The documented form: hex HMAC-SHA256 of the raw body.
    @Test func knownVector() {
        // python3 -c "import hmac,hashlib;print(hmac.new(b'key',b'{\"message_id\":\"m-1\"}',hashlib.sha256).hexdigest())"
        let expected = "sha256=ac0fc02fabb4cbc1765fa1fec163ebe13df52f189de14bb9741cb0787dbbe84f"
        #expect(SignatureVerifier.signature(secret: "key", body: body) == expected)
        #expect(SignatureVerifier(secrets: ["key"]).isValid(signatureHeader: expected, body: body))
    }

    @Test func acceptsAnyConfiguredSecretSoSecretsRotate() {
        let verifier = SignatureVerifier(secrets: ["old", "new"])
        #expect(verifier.isValid(signatureHeader: SignatureVerifier.signature(secret: "old", body: body), body: body))
        #expect(verifier.isValid(signatureHeader: SignatureVerifier.signature(secret: "new", body: body), body: body))
        #expect(!verifier.isValid(signatureHeader: SignatureVerifier.signature(secret: "x", body: body), body: body))
    }

    @Test func refusesMalformedHeaders() {
        let verifier = SignatureVerifier(secrets: ["k"])
        for header in [nil, "", "sha256=", "sha256=zz", "md5=abcd", "sha256=abc"] {
            #expect(!verifier.isValid(signatureHeader: header, body: body))
        }
    }

    @Test func anEmptySecretMeansNoSignatureRequired() {
        #expect(SignatureVerifier(secrets: [""]).isValid(signatureHeader: nil, body: body))
    }
}
