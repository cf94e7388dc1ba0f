import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension URLSession {
    /// Runs a request without wiring task cancellation into URLSession.
    ///
    /// On Linux, cancelling a task that awaits `data(for:)` can deadlock inside
    /// `URLSessionTask.cancel()` (seen here during graceful shutdown). A request always ends by
    /// itself within the session's timeout, so letting it finish is safe.
    func perform(_ request: URLRequest) async throws -> (Data, URLResponse) {
        try await withCheckedThrowingContinuation { continuation in
            let task = dataTask(with: request) { data, response, error in
                if let error {
                    continuation.resume(throwing: error)
                } else if let response {
                    continuation.resume(returning: (data ?? Data(), response))
                } else {
                    continuation.resume(throwing: URLError(.badServerResponse))
                }
            }
            task.resume()
        }
    }
}
