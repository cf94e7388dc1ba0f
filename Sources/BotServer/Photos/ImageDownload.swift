import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// One HTTP download of an image, streamed so the limits hold while bytes arrive: a too-large
/// Content-Length, a wrong Content-Type or an error status stop it at the headers, a body without a
/// length stops at the size limit, and each redirect's target passes the address policy.
///
/// The connection goes to the address the policy checked, never to a second lookup of the name:
/// a DNS server that answers a public address to the check and a private one to the connection
/// (DNS rebinding) gets nowhere. The URL's host still goes in the Host header and as the TLS
/// server name, so virtual hosts and certificates work as before.
enum ImageDownload {
    /// Redirects followed at most; a longer chain is refused.
    static let maxRedirects = 5

    /// Downloads `url` within the limits; the bytes are not yet checked to be an image.
    static func fetch(_ url: URL, policy: AddressPolicy, maxBytes: Int, timeout: Double)
        async throws(PhotoDownloadError) -> Data
    {
        let deadline = NIODeadline.now() + .milliseconds(Int64(timeout * 1000))
        var url = url
        for hop in 0...maxRedirects {
            let (host, addresses) = try await policy.check(url)
            switch try await get(url, host: host, at: addresses, maxBytes: maxBytes, deadline: deadline) {
            case .body(let data):
                return data
            case .redirect(let location):
                guard hop < maxRedirects else { throw .tooManyRedirects }
                guard let next = URL(string: location, relativeTo: url)?.absoluteURL else { throw .invalidURL }
                url = next
            }
        }
        throw .tooManyRedirects
    }

    private enum Answer {
        case body(Data)
        case redirect(String)
    }

    /// One request for `url`, to the first of the checked `addresses` that takes the connection.
    private static func get(
        _ url: URL, host: String, at addresses: [IPAddress], maxBytes: Int, deadline: NIODeadline
    ) async throws(PhotoDownloadError) -> Answer {
        var refused = PhotoDownloadError.unresolvableHost(host)
        for address in addresses {
            do {
                return try await get(url, host: host, at: address, maxBytes: maxBytes, deadline: deadline)
            } catch .network("connection refused") {
                refused = .network("connection refused")
            }
        }
        throw refused
    }

    /// One request, to `address`, for `url`. A client per request: its one pinned name is all it knows.
    private static func get(_ url: URL, host: String, at address: IPAddress, maxBytes: Int, deadline: NIODeadline)
        async throws(PhotoDownloadError) -> Answer
    {
        // The whole download is bounded by `deadline`; connecting and each read may take all of what is left.
        let left = max(deadline - NIODeadline.now(), .milliseconds(1))
        var configuration = AsyncHTTPClient.HTTPClient.Configuration(
            redirectConfiguration: .disallow, timeout: .init(connect: left, read: left))
        // Keyed as the client reads the URL's host, whatever its case.
        configuration.dnsOverride[host] = address.description
        configuration.dnsOverride[host.lowercased()] = address.description
        let client = AsyncHTTPClient.HTTPClient(
            eventLoopGroup: AsyncHTTPClient.HTTPClient.defaultEventLoopGroup, configuration: configuration)
        let result: Result<Answer, PhotoDownloadError>
        do {
            result = .success(try await read(url, client: client, maxBytes: maxBytes, deadline: deadline))
        } catch let refusal as PhotoDownloadError {
            result = .failure(refusal)
        } catch {
            result = .failure(Task.isCancelled ? .cancelled : describe(error))
        }
        try? await client.shutdown()
        return try result.get()
    }

    private static func read(_ url: URL, client: AsyncHTTPClient.HTTPClient, maxBytes: Int, deadline: NIODeadline)
        async throws -> Answer
    {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.headers.add(name: "Accept", value: "image/*")
        let response = try await client.execute(request, deadline: deadline)
        let status = Int(response.status.code)
        if (300..<400).contains(status), let location = response.headers.first(name: "Location") {
            return .redirect(location)
        }
        guard (200..<300).contains(status) else { throw PhotoDownloadError.httpStatus(status) }
        if let length = response.headers.first(name: "Content-Length").flatMap(Int.init), length > maxBytes {
            throw PhotoDownloadError.tooLarge(limit: maxBytes)
        }
        let declared = response.headers.first(name: "Content-Type") ?? ""
        let mediaType = declared.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard let mediaType, mediaType.hasPrefix("image/") else {
            throw PhotoDownloadError.notAnImage(declared.isEmpty ? "no content type" : declared)
        }
        var body = Data()
        for try await chunk in response.body {
            body.append(contentsOf: chunk.readableBytesView)
            if body.count > maxBytes { throw PhotoDownloadError.tooLarge(limit: maxBytes) }
        }
        return .body(body)
    }

    /// A transport error in words that never repeat the URL (it may carry a platform's token).
    private static func describe(_ error: any Error) -> PhotoDownloadError {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout: return .timedOut
            case .remoteConnectionClosed: return .network("connection lost")
            default: return .network("HTTP client error")
            }
        }
        // NIO's connect failures (NIOConnectionError and the like) by name: their module is not imported here.
        let name = String(describing: type(of: error))
        if error is ChannelError || name.contains("Connect") { return .network("connection refused") }
        return .network(name.contains("SSL") || name.contains("TLS") ? "TLS failed" : "connection failed")
    }
}
