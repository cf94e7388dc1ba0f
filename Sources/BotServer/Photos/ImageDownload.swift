import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One HTTP download of an image, streamed through a delegate so the limits hold while bytes arrive:
/// a too-large Content-Length, a wrong Content-Type or an error status stop it at the headers, a body
/// without a length stops at the size limit, and each redirect's target passes the address policy.
///
/// Task cancellation is not wired into URLSession (see `URLSession.perform`): a cancelled caller
/// returns at once and the transfer ends by itself within the timeout. Cancelling from the delegate's
/// own callbacks, as done here, is safe.
final class ImageDownload: NSObject, URLSessionDataDelegate, Sendable {
    /// Redirects followed at most; a longer chain is refused.
    static let maxRedirects = 5

    private struct State {
        var body = Data()
        var failure: PhotoDownloadError?
        var redirects = 0
    }

    private let policy: AddressPolicy
    private let maxBytes: Int
    private let state = Mutex(State())
    private let outcome = Waiter<Result<Data, PhotoDownloadError>>()

    private init(policy: AddressPolicy, maxBytes: Int) {
        self.policy = policy
        self.maxBytes = maxBytes
    }

    /// Downloads `url` within the limits; the bytes are not yet checked to be an image.
    static func fetch(_ url: URL, policy: AddressPolicy, maxBytes: Int, timeout: Double)
        async throws(PhotoDownloadError) -> Data
    {
        try await policy.check(url)
        let download = ImageDownload(policy: policy, maxBytes: maxBytes)
        let configuration = HTTPClient.configuration(timeout: timeout)
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        // The session keeps its delegate until invalidated; invalidating after the one task lets both go.
        let session = URLSession(configuration: configuration, delegate: download, delegateQueue: nil)
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.setValue("image/*", forHTTPHeaderField: "Accept")
        // Already cancelled: nothing is started.
        if Task.isCancelled {
            session.invalidateAndCancel()
            throw .cancelled
        }
        session.dataTask(with: request).resume()
        session.finishTasksAndInvalidate()
        return try await download.outcome.value(whenCancelled: .failure(.cancelled)).get()
    }

    /// Resumes the caller once; later results are dropped.
    private func finish(_ result: Result<Data, PhotoDownloadError>) {
        outcome.resume(returning: result)
    }

    /// Records the first refusal and stops the transfer; its completion then reports the refusal.
    private func refuse(_ error: PhotoDownloadError, _ task: URLSessionTask) {
        state.withLock { state in
            if state.failure == nil { state.failure = error }
        }
        task.cancel()
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        let count = state.withLock { state in
            state.redirects += 1
            return state.redirects
        }
        guard count <= Self.maxRedirects, let url = request.url else {
            state.withLock { $0.failure = $0.failure ?? (count > Self.maxRedirects ? .tooManyRedirects : .invalidURL) }
            completionHandler(nil)
            return
        }
        let policy = policy
        Task {
            do throws(PhotoDownloadError) {
                try await policy.check(url)
                completionHandler(request)
            } catch {
                // Not followed: URLSession then delivers the redirect itself, which the refusal overrides.
                self.state.withLock { $0.failure = $0.failure ?? error }
                completionHandler(nil)
            }
        }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        // Linux's URLSession ignores the disposition, so a refusal cancels the task itself.
        completionHandler(.allow)
        if state.withLock({ $0.failure }) != nil { return dataTask.cancel() }
        guard let http = response as? HTTPURLResponse else { return refuse(.network("not an HTTP response"), dataTask) }
        guard (200..<300).contains(http.statusCode) else { return refuse(.httpStatus(http.statusCode), dataTask) }
        if response.expectedContentLength > Int64(maxBytes) { return refuse(.tooLarge(limit: maxBytes), dataTask) }
        let declared = http.value(forHTTPHeaderField: "Content-Type") ?? ""
        let mediaType = declared.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard let mediaType, mediaType.hasPrefix("image/") else {
            return refuse(.notAnImage(declared.isEmpty ? "no content type" : declared), dataTask)
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let over = state.withLock { state -> Bool in
            guard state.failure == nil else { return false }
            state.body.append(data)
            return state.body.count > maxBytes
        }
        if over { refuse(.tooLarge(limit: maxBytes), dataTask) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let (failure, body) = state.withLock { state in
            defer { state.body = Data() }
            return (state.failure, state.body)
        }
        if let failure {
            finish(.failure(failure))
        } else if let error {
            finish(.failure(Self.describe(error, host: (task.currentRequest ?? task.originalRequest)?.url?.host ?? "")))
        } else {
            finish(.success(body))
        }
    }

    private static func describe(_ error: any Error, host: String) -> PhotoDownloadError {
        guard let urlError = error as? URLError else { return .network("\(error)") }
        switch urlError.code {
        case .timedOut: return .timedOut
        case .cannotFindHost, .dnsLookupFailed: return .unresolvableHost(host)
        case .httpTooManyRedirects: return .tooManyRedirects
        case .cannotConnectToHost: return .network("connection refused")
        case .networkConnectionLost: return .network("connection lost")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            return .network("TLS failed")
        default: return .network("URL error \(urlError.code.rawValue)")
        }
    }
}
