import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The address a login attempt counts against: the peer's IP, or — only when the peer is a proxy on
/// this machine and a header is configured for it — the client address the proxy wrote there. A
/// loopback peer without the header counts against no address: behind an unannounced proxy every
/// client would share 127.0.0.1, and one guesser would lock everyone out (the name's own limit holds).
enum ClientAddress {
    static func of(_ request: Request, peer: SocketAddress?, header: String) -> String? {
        let direct = peer?.ipAddress
        guard let direct, isLoopback(direct) else { return direct }
        guard !header.isEmpty, let name = HTTPField.Name(header) else { return nil }
        // A proxy appends the address it saw, so the last entry is the one the proxy vouches for.
        let forwarded = request.headers[values: name].joined(separator: ",").split(separator: ",")
            .last?.trimmingCharacters(in: .whitespaces)
        guard let forwarded, !forwarded.isEmpty else { return direct }
        return forwarded
    }

    static func isLoopback(_ address: String) -> Bool {
        IPAddress(address)?.isLoopback ?? false
    }
}
