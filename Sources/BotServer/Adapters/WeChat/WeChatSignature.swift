import Crypto
import Foundation

/// The SHA-1 signature WeChat and WeCom put in `signature` / `msg_signature` (protocols.md §1.1, §1.6).
///
/// It lives apart from `WeChatCrypto` because plain-mode Official Accounts sign requests without
/// having any AES key.
enum WeChatSignature {
    /// Lowercase hex SHA-1 over the parts sorted byte-wise and concatenated: what WeChat sends.
    static func compute(_ parts: [String]) -> String {
        digest(parts).map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `given` is the signature of `parts`, comparing digests in constant time.
    ///
    /// A non-hex or wrong-length `given` is simply invalid; uppercase hex is tolerated because
    /// the digest, not the spelling, is what WeChat vouches for.
    static func isValid(_ given: String, parts: [String]) -> Bool {
        guard let bytes = Data(hex: given), bytes.count == Insecure.SHA1.byteCount else { return false }
        return digest(parts) == bytes
    }

    /// Whether `given` signs `parts` under any of `tokens`, so a token can be rotated without downtime.
    ///
    /// Every token is tried, so the time taken does not reveal which one matched.
    static func isValid(_ given: String, tokens: [String], parts: [String]) -> Bool {
        var valid = false
        for token in tokens where !token.isEmpty {
            if isValid(given, parts: [token] + parts) { valid = true }
        }
        return valid
    }

    private static func digest(_ parts: [String]) -> Insecure.SHA1Digest {
        // WeChat sorts the strings as bytes (Python's and PHP's sort), not by Unicode collation.
        let sorted = parts.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return Insecure.SHA1.hash(data: Data(sorted.joined().utf8))
    }
}
