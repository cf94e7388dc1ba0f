import Crypto

/// How a platform signs its webhook bodies: the hash under the HMAC and the lowercase prefix before the
/// hex digest in the header, so one `HMACVerifier` serves every such platform.
protocol HMACScheme: Sendable {
    associatedtype Hash: HashFunction
    /// What the header value starts with, such as `sha256=`.
    static var prefix: String { get }
}
