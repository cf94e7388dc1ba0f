import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Synchronization
import Testing

@testable import BotServer

/// Issue 11, item 12 (SSRF): a download connects to the address the policy checked. The name is
/// looked up once, so a DNS server cannot answer the check with one address and the connection with
/// another (DNS rebinding); the URL's host still goes out in the Host header.
@Suite struct PinnedAddressTests {
    /// A name only the policy's resolver knows: reaching the server proves the connection used the
    /// checked address, not a lookup of its own; the resolver was asked once.
    @Test func theDownloadConnectsToTheCheckedAddressKeepingTheHost() async throws {
        let lookups = Mutex(0)
        var policy = AddressPolicy(allowPrivateAddresses: false)
        policy.isAllowed = { $0 == IPAddress("127.0.0.1") }
        policy.resolve = { host throws(PhotoDownloadError) in
            lookups.withLock { $0 += 1 }
            guard host == "photos.rebind.invalid" else { throw .unresolvableHost(host) }
            return [IPAddress("127.0.0.1")!]
        }
        try await withHostEchoServer { [policy] port in
            let data = try await ImageDownload.fetch(
                URL(string: "http://photos.rebind.invalid:\(port)/echo")!, policy: policy, maxBytes: 1_000,
                timeout: 60)
            #expect(String(decoding: data, as: UTF8.self) == "photos.rebind.invalid:\(port)")
        }
        #expect(lookups.withLock { $0 } == 1)
    }

    /// The check refuses before any connection when one of the name's addresses is local, whichever
    /// comes first.
    @Test func aNameWithAnyLocalAddressIsRefused() async {
        var policy = AddressPolicy(allowPrivateAddresses: false)
        policy.resolve = { _ throws(PhotoDownloadError) in [IPAddress("8.8.8.8")!, IPAddress("127.0.0.1")!] }
        await #expect(throws: PhotoDownloadError.privateAddress(host: "mixed.invalid")) {
            try await ImageDownload.fetch(
                URL(string: "http://mixed.invalid/x.jpg")!, policy: policy, maxBytes: 1_000, timeout: 5)
        }
    }

    /// A loopback server answering every GET with its request's Host header, as an "image".
    private func withHostEchoServer(_ body: @Sendable (_ port: Int) async throws -> Void) async throws {
        let router = Router()
        router.get("echo") { request, _ -> Response in
            let host = request.head.authority ?? ""
            return Response(
                status: .ok, headers: [.contentType: "image/png"], body: .init(byteBuffer: ByteBuffer(string: host)))
        }
        var logger = Logger(label: "host-echo")
        logger.logLevel = .critical
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
        try await app.test(.live) { client in
            guard let port = client.port else { throw WaitTimeout(description: "echo server has no port") }
            try await body(port)
        }
    }
}
