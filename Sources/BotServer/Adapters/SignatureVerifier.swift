import Crypto
import Foundation

/// Checks `X-Fengchao-Signature: sha256=<hex>` over the raw body, in constant time.
struct SignatureVerifier: Sendable {
    /// Several secrets may be valid at once so a secret can be rotated without downtime.
    var secrets: [String]

    var isEnabled: Bool { secrets.contains { !$0.isEmpty } }

    func isValid(signatureHeader: String?, body: some DataProtocol) -> Bool {
        guard isEnabled else { return true }
        guard let header = signatureHeader?.trimmingCharacters(in: .whitespaces),
            header.lowercased().hasPrefix("sha256="),
            let mac = Data(hex: String(header.dropFirst("sha256=".count)))
        else { return false }
        return secrets.filter { !$0.isEmpty }.contains { secret in
            HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: body, using: SymmetricKey(data: Data(secret.utf8)))
        }
    }

    /// The header value a sender computes; tests and README use it.
    static func signature(secret: String, body: some DataProtocol) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + Data(mac).hexString
    }
}
