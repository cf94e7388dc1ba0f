import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BotServer
@testable import TaskBoard

/// Issue 11, item 10 (rest): wrong passwords are limited per client address too, so one client can
/// neither guess across many names nor lock out one name after another.
@Suite struct LoginPerAddressTests {
    @Test func anAddressIsLockedAcrossNames() async throws {
        let throttle = LoginThrottle(maxFailures: 5, lockoutMinutes: 15, maxFailuresPerAddress: 3)
        for name in ["a", "b", "c"] {
            try await throttle.begin(name, address: "203.0.113.9")
            await throttle.finish(name, address: "203.0.113.9", succeeded: false)
        }
        await #expect(throws: LoginThrottle.Refusal.self) { try await throttle.begin("d", address: "203.0.113.9") }
        #expect(await throttle.lockedUntil(address: "203.0.113.9") != nil)
        #expect(await throttle.lockedUntil("d") == nil, "the name itself is not locked")
        try await throttle.begin("d", address: "203.0.113.10")
        await throttle.finish("d", address: "203.0.113.10", succeeded: true)
    }

    /// Over HTTP from loopback with no proxy header, no address is counted: behind an unannounced proxy
    /// every client shares 127.0.0.1, so wrong passwords for other names never lock out the secretary,
    /// while the guessed name's own limit still holds.
    @Test func aLoopbackPeerWithoutAHeaderLocksOnlyTheName() async throws {
        try await withLiveServer(configure: {
            $0.board.maxFailedLoginsPerAddress = 3
            $0.board.maxFailedLogins = 3
        }) { client in
            for name in ["x", "y", "z", "w"] {
                let status = try await login(client, user: name, password: "wrong")
                #expect(status == .unauthorized)
            }
            #expect(try await login(client, user: "secretary", password: "fengchao") == .seeOther)
            for _ in 0..<3 { _ = try await login(client, user: "grid", password: "wrong") }
            #expect(try await login(client, user: "grid", password: "fengchao") == .tooManyRequests)
        }
    }

    /// Behind a proxy on this machine the configured header names the client; each counts apart.
    @Test func aProxysHeaderNamesTheClient() async throws {
        try await withLiveServer(configure: {
            $0.board.maxFailedLoginsPerAddress = 2
            $0.board.clientAddressHeader = "X-Forwarded-For"
        }) { client in
            let first: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: "10.9.9.9, 203.0.113.1"]
            for name in ["x", "y"] {
                let status = try await login(client, user: name, password: "wrong", headers: first)
                #expect(status == .unauthorized)
            }
            let status = try await login(client, user: "x2", password: "wrong", headers: first)
            #expect(status == .tooManyRequests)
            let second: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: "203.0.113.2"]
            let fromAnother = try await login(client, user: "secretary", password: "fengchao", headers: second)
            #expect(fromAnother == .seeOther)
        }
        #expect(ClientAddress.isLoopback("127.0.0.1") && ClientAddress.isLoopback("::1"))
        #expect(ClientAddress.isLoopback("::ffff:127.0.0.1"))
        #expect(!ClientAddress.isLoopback("203.0.113.1") && !ClientAddress.isLoopback("::ffff:10.0.0.1"))
    }

    /// A proxy header says people beyond this machine come in: the exposed server's refusals apply
    /// on loopback too, and the simulator is no longer open.
    @Test func aProxyHeaderMeansTheServerIsExposed() {
        var config = AppConfig()
        #expect(config.simIsOpen)
        config.board.clientAddressHeader = "X-Forwarded-For"
        #expect(!config.simIsOpen)
        #expect {
            try config.validate()
        } throws: { error in
            "\(error)".contains("board.users") && "\(error)".contains("proxy")
        }
    }

    private func withLiveServer(
        configure: @Sendable (inout AppConfig) -> Void,
        _ body: @Sendable @escaping (any TestClientProtocol) async throws -> Void
    ) async throws {
        var config = testConfig()
        configure(&config)
        let app = try await buildApplication(
            config: config, dependencies: AppDependencies(logger: quietLogger(), store: try BoardStore.inMemory()))
        try await app.test(.live) { client in try await body(client) }
    }

    /// Posts the login form with a fresh CSRF token; the answer's status.
    private func login(
        _ client: any TestClientProtocol, user: String, password: String, headers: HTTPFields = [:]
    ) async throws -> HTTPResponse.Status {
        let (token, cookie) = try await client.execute(uri: "/board/login", method: .get) { response in
            (
                firstCapture(#"name="csrf" value="([0-9a-f]+)""#, in: String(buffer: response.body)),
                response.headers[values: .setCookie].first { $0.hasPrefix("fc_login=") }?.split(separator: ";").first
            )
        }
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        headers[.cookie] = cookie.map(String.init) ?? ""
        return try await client.execute(
            uri: "/board/login", method: .post, headers: headers,
            body: ByteBuffer(string: "csrf=\(token ?? "")&next=%2Fboard&username=\(user)&password=\(password)")
        ) { $0.status }
    }
}
