import Crypto

/// Checks OneBot 11's `X-Signature: sha1=<hex HMAC-SHA1(secret, raw body)>` before anything parses the body.
/// With no secret configured the check is off (spec: no secret, no header).
typealias OneBot11Verifier = HMACVerifier<OneBot11Signature>

/// OneBot 11's signature: HMAC-SHA1, written `sha1=<hex>`.
enum OneBot11Signature: HMACScheme {
    typealias Hash = Insecure.SHA1
    static let prefix = "sha1="
}

extension HMACVerifier where Scheme == OneBot11Signature {
    /// The header OneBot 11 implementations send when a secret is configured.
    static var headerName: String { "X-Signature" }
}
