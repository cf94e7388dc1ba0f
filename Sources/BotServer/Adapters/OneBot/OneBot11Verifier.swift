import Crypto
import Foundation

/// Checks OneBot 11's `X-Signature: sha1=<hex HMAC-SHA1(secret, raw body)>` before anything parses the body.
///
/// The HMAC is over the bytes received, so the check must run on the raw body: re-serialised JSON would
/// differ in key order and escapes. Several secrets may be valid at once so one can be rotated without
/// downtime; the comparison is swift-crypto's constant-time one.
struct OneBot11Verifier: Sendable {
    /// The header OneBot 11 implementations send when a secret is configured.
    static let headerName = "X-Signature"

    /// Accepted secrets; empty ones are ignored, and none at all turns the check off (spec: no secret, no header).
    var secrets: [String]

    /// False when no non-empty secret is configured, so every body is accepted.
    var isEnabled: Bool { secrets.contains { !$0.isEmpty } }

    /// True when the header holds the HMAC of `body` under any configured secret (or the check is off).
    func isValid(signatureHeader: String?, body: some DataProtocol) -> Bool {
        guard isEnabled else { return true }
        guard let header = signatureHeader?.trimmingCharacters(in: .whitespaces),
            header.lowercased().hasPrefix("sha1="),
            let mac = Data(hex: String(header.dropFirst("sha1=".count))),
            mac.count == Insecure.SHA1.byteCount
        else { return false }
        return secrets.filter { !$0.isEmpty }.contains { secret in
            HMAC<Insecure.SHA1>.isValidAuthenticationCode(
                mac, authenticating: body, using: SymmetricKey(data: Data(secret.utf8)))
        }
    }

    /// The header value an implementation computes; tests and fakes use it to sign bodies.
    static func signature(secret: String, body: some DataProtocol) -> String {
        let mac = HMAC<Insecure.SHA1>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha1=" + Data(mac).hexString
    }
}
