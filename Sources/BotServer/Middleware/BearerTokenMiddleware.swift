import Crypto
import Foundation
import Hummingbird
import Logging

/// Guards `/api` with `Authorization: Bearer <admin.token>`, compared in constant time.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let tokens: [String]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer "),
            Self.matches(String(header.dropFirst("Bearer ".count)), any: tokens)
        else {
            context.logger.warning("api.unauthorized")
            var response = JSONResponse.error(.unauthorized, "missing or wrong bearer token")
            response.headers[.wwwAuthenticate] = "Bearer"
            return response
        }
        return try await next(request, context)
    }

    /// Compares digests so the time taken does not depend on how much of the token was right.
    static func matches(_ candidate: String, any tokens: [String]) -> Bool {
        let digest = SHA256.hash(data: Data(candidate.utf8))
        var found = false
        for token in tokens where !token.isEmpty {
            if SHA256.hash(data: Data(token.utf8)) == digest { found = true }
        }
        return found
    }
}
