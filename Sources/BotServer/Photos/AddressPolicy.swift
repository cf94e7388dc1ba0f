import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which URLs the downloader may fetch: http(s) only, and unless configured otherwise only hosts
/// whose every address is public, so that a message cannot make the server read its own network
/// (a router page, a cloud metadata service). Applied to the first URL and to every redirect.
///
/// URLSession resolves the name again when it connects, so a DNS server that answers differently
/// the second time could still slip through; the check stops the plain cases, which are the common ones.
struct AddressPolicy: Sendable {
    var allowPrivateAddresses: Bool
    /// Name to addresses; tests replace it to make a loopback server look public.
    var resolve: @Sendable (String) async throws(PhotoDownloadError) -> [IPAddress] = AddressPolicy.systemResolve

    /// Throws unless the URL may be fetched.
    func check(_ url: URL) async throws(PhotoDownloadError) {
        guard let scheme = url.scheme?.lowercased() else { throw .invalidURL }
        guard scheme == "http" || scheme == "https" else { throw .unsupportedScheme(scheme) }
        guard var host = url.host, !host.isEmpty else { throw .invalidURL }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if allowPrivateAddresses { return }
        let addresses = try await resolve(host)
        guard !addresses.isEmpty else { throw .unresolvableHost(host) }
        if addresses.contains(where: { !$0.isPublic }) { throw .privateAddress(host: host) }
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
