import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The address a login attempt counts against: the peer's IP, or — only when the peer is a proxy on
/// this machine and a header is configured for it — the client address the proxy wrote there.
enum ClientAddress {
    static func of(_ request: Request, peer: SocketAddress?, header: String) -> String? {
        let direct = peer?.ipAddress
        guard !header.isEmpty, let direct, isLoopback(direct), let name = HTTPField.Name(header) else { return direct }
        // A proxy appends the address it saw, so the last entry is the one the proxy vouches for.
        let forwarded = request.headers[values: name].joined(separator: ",").split(separator: ",")
            .last?.trimmingCharacters(in: .whitespaces)
        guard let forwarded, !forwarded.isEmpty else { return direct }
        return forwarded
    }

    static func isLoopback(_ address: String) -> Bool {
        guard let ip = IPAddress(address) else { return false }
        switch ip {
        case .v4(let a): return a >> 24 == 127
        case .v6(let b): return b == [UInt8](repeating: 0, count: 15) + [1] || address.hasPrefix("::ffff:127.")
        }
    }
}
