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

extension Data {
    /// Nil for odd length or a non-hex character.
    init?(hex: String) {
        let chars = Array(hex.utf8)
        guard chars.count % 2 == 0 else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(chars.count / 2)
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var i = 0
        while i < chars.count {
            guard let hi = nibble(chars[i]), let lo = nibble(chars[i + 1]) else { return nil }
            bytes.append(hi << 4 | lo)
            i += 2
        }
        self.init(bytes)
    }

    var hexString: String { map { String(format: "%02x", $0) }.joined() }
}
