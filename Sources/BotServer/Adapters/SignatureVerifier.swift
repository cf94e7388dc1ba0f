import Crypto

/// Checks the generic webhook's `X-Fengchao-Signature: sha256=<hex>` over the raw body.
typealias SignatureVerifier = HMACVerifier<GenericWebhookSignature>

/// The generic webhook's signature: HMAC-SHA256, written `sha256=<hex>`.
enum GenericWebhookSignature: HMACScheme {
    typealias Hash = SHA256
    static let prefix = "sha256="
}
