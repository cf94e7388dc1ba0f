import Crypto
import Foundation

/// Checks a OneBot 12 webhook's access token and protocol version.
///
/// v12 has no body signature: the only proof is `Authorization: Bearer <access_token>`, or the
/// `access_token` query parameter for implementations that cannot set headers. Tokens are compared as
/// SHA-256 digests, whose equality is constant-time and hides the token's length; several tokens may be
/// valid at once so one can be rotated.
struct OneBot12Auth: Sendable {
    /// The header every v12 webhook carries.
    static let versionHeaderName = "X-OneBot-Version"

    /// Accepted tokens; empty ones are ignored, and none at all turns the token check off.
    var accessTokens: [String]

    /// False when no non-empty token is configured.
    var isEnabled: Bool { accessTokens.contains { !$0.isEmpty } }

    /// Nil when the request may be processed, otherwise why not (with the status to answer).
    ///
    /// The header wins over the query parameter; the token is taken exactly as sent, without trimming.
    /// The version is checked after the token so an unauthenticated caller learns nothing.
    func refusal(authorization: String?, accessTokenQuery: String?, oneBotVersion: String?) -> OneBot12AuthFailure? {
        if isEnabled {
            let presented: String?
            if let authorization {
                let scheme = "Bearer "
                // The scheme is case-insensitive (RFC 9110); the token is not.
                presented =
                    authorization.prefix(scheme.count).lowercased() == scheme.lowercased()
                    ? String(authorization.dropFirst(scheme.count)) : nil
                if presented == nil { return .wrongToken }
            } else {
                presented = accessTokenQuery
            }
            guard let presented, !presented.isEmpty else { return .missingToken }
            let digest = SHA256.hash(data: Data(presented.utf8))
            // Check every token rather than stopping at the first match, so timing says nothing about which.
            let matches = accessTokens.filter { !$0.isEmpty }.map { SHA256.hash(data: Data($0.utf8)) == digest }
            guard matches.contains(true) else { return .wrongToken }
        }
        guard oneBotVersion?.trimmingCharacters(in: .whitespaces) == "12" else {
            return .wrongVersion(oneBotVersion)
        }
        return nil
    }
}

/// Why a v12 webhook was refused.
enum OneBot12AuthFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// A token is configured and the request carries none.
    case missingToken
    /// The request carries a token that matches none configured, or another auth scheme.
    case wrongToken
    /// `X-OneBot-Version` missing or not 12: the body would not be in the format we decode.
    case wrongVersion(String?)

    /// 401 for token problems (the vectors' `unauthorized`), 400 for a version we do not speak.
    var httpStatus: Int {
        switch self {
        case .missingToken, .wrongToken: 401
        case .wrongVersion: 400
        }
    }

    var description: String {
        switch self {
        case .missingToken: "missing access token"
        case .wrongToken: "wrong access token"
        case .wrongVersion(let version): "X-OneBot-Version must be 12, got \(version ?? "none")"
        }
    }
}
