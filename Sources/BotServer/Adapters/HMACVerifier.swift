import Crypto
import Foundation

/// Checks a `<prefix><hex HMAC(secret, raw body)>` signature header, in constant time, for any of the
/// platforms that sign webhooks this way; `Scheme` names the hash and the prefix.
///
/// The HMAC is over the bytes received, so the check must run on the raw body: re-serialised JSON would
/// differ in key order and escapes. Several secrets may be valid at once so one can be rotated without
/// downtime; the comparison is swift-crypto's constant-time one.
struct HMACVerifier<Scheme: HMACScheme>: Sendable {
    /// Accepted secrets; empty ones are ignored, and none at all turns the check off.
    var secrets: [String]

    /// False when no non-empty secret is configured, so every body is accepted.
    var isEnabled: Bool { secrets.contains { !$0.isEmpty } }

    /// True when the header holds the HMAC of `body` under any configured secret (or the check is off).
    func isValid(signatureHeader: String?, body: some DataProtocol) -> Bool {
        guard isEnabled else { return true }
        guard let header = signatureHeader?.trimmingCharacters(in: .whitespaces),
            header.lowercased().hasPrefix(Scheme.prefix),
            let mac = Data(hex: String(header.dropFirst(Scheme.prefix.count))),
            mac.count == Scheme.Hash.Digest.byteCount
        else { return false }
        return secrets.filter { !$0.isEmpty }.contains { secret in
            HMAC<Scheme.Hash>.isValidAuthenticationCode(
                mac, authenticating: body, using: SymmetricKey(data: Data(secret.utf8)))
        }
    }

    /// The header value a sender computes; tests, fakes and the README use it to sign bodies.
    static func signature(secret: String, body: some DataProtocol) -> String {
        let mac = HMAC<Scheme.Hash>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
        return Scheme.prefix + Data(mac).hexString
    }
}
