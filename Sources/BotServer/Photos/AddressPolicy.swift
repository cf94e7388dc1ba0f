import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which URLs the downloader may fetch: http(s) only, and unless configured otherwise only hosts
/// whose every address is public, so that a message cannot make the server read its own network
/// (a router page, a cloud metadata service). Applied to the first URL and to every redirect; the
/// download then connects to the address checked here, so the name is looked up once.
struct AddressPolicy: Sendable {
    var allowPrivateAddresses: Bool
    /// Name to addresses; tests replace it to give a made-up name the test server's address.
    var resolve: @Sendable (String) async throws(PhotoDownloadError) -> [IPAddress] = AddressPolicy.systemResolve
    /// Which resolved addresses may be connected to; tests widen it to their loopback server.
    var isAllowed: @Sendable (IPAddress) -> Bool = { $0.isPublic }

    /// The URL's host and the addresses to connect to for it, in the resolver's order, or why the
    /// URL may not be fetched.
    func check(_ url: URL) async throws(PhotoDownloadError) -> (host: String, addresses: [IPAddress]) {
        guard let scheme = url.scheme?.lowercased() else { throw .invalidURL }
        guard scheme == "http" || scheme == "https" else { throw .unsupportedScheme(scheme) }
        guard let host = url.host, !host.isEmpty else { throw .invalidURL }
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let addresses = try await resolve(bare)
        guard !addresses.isEmpty else { throw .unresolvableHost(bare) }
        if !allowPrivateAddresses, addresses.contains(where: { !isAllowed($0) }) {
            throw .privateAddress(host: bare)
        }
        return (bare, addresses)
    }

    /// The system resolver (getaddrinfo, like the connection itself); it blocks, so it runs off
    /// the cooperative pool, and a shutdown does not wait for it.
    static let systemResolve: @Sendable (String) async throws(PhotoDownloadError) -> [IPAddress] = {
        (host: String) async throws(PhotoDownloadError) -> [IPAddress] in
        let addresses = await offloaded(whenCancelled: [IPAddress]?.none) { lookUp(host) }
        if Task.isCancelled { throw .cancelled }
        guard let addresses else { throw .unresolvableHost(host) }
        return addresses
    }

    private static func lookUp(_ host: String) -> [IPAddress]? {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0, let first = list else { return nil }
        defer { freeaddrinfo(list) }
        var addresses: [IPAddress] = []
        for entry in sequence(first: first, next: { $0.pointee.ai_next }) {
            guard let address = entry.pointee.ai_addr else { continue }
            switch Int32(address.pointee.sa_family) {
            case AF_INET:
                address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                    addresses.append(.v4(UInt32(bigEndian: $0.pointee.sin_addr.s_addr)))
                }
            case AF_INET6:
                address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                    var bytes = $0.pointee.sin6_addr
                    addresses.append(.v6(withUnsafeBytes(of: &bytes) { Array($0) }))
                }
            default:
                continue
            }
        }
        return addresses
    }
}
