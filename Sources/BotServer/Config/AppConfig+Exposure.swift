import Foundation

extension AppConfig {
    /// Whether the server listens only on this machine (127.0.0.0/8, ::1, localhost).
    var listensOnLoopback: Bool {
        let host = server.host.lowercased()
        return host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    /// Whether people beyond this machine reach the server: it listens beyond loopback, or a reverse
    /// proxy passes them in (`board.client_address_header` says one is there).
    var isExposed: Bool { !listensOnLoopback || !board.clientAddressHeader.isEmpty }

    /// Exposed, nothing insecure may start: no demo board accounts, no default admin token,
    /// and no channel with groups that takes unsigned bodies (anyone could speak as the secretary).
    /// Each refusal names the key to set.
    func validateExposure() throws {
        guard isExposed else { return }
        let reach =
            listensOnLoopback
            ? "the server is behind a proxy (board.client_address_header)"
            : "the server listens on \(server.host), beyond loopback"
        if board.users.isEmpty {
            throw ConfigError.invalidValue(
                key: "board.users", reason: "\(reach): configure board accounts instead of the demo ones")
        }
        if admin.token == Admin().token || admin.token.isEmpty {
            throw ConfigError.invalidValue(key: "admin.token", reason: "\(reach): set a long random token")
        }
        let channelsWithGroups = Set(groups.map(\.channel))
        if channelsWithGroups.contains("generic") && webhooks.generic.secret.isEmpty {
            throw ConfigError.invalidValue(
                key: "webhooks.generic.secret", reason: "\(reach) and generic groups are configured: sign the bodies")
        }
        for channel in channels where channelsWithGroups.contains(channel.id) {
            switch channel.kind {
            case .onebot11 where channel.secret.isEmpty:
                throw ConfigError.invalidValue(
                    key: "channels.\(channel.id).secret", reason: "\(reach): OneBot 11 bodies must be signed")
            case .onebot12 where channel.accessToken.isEmpty:
                throw ConfigError.invalidValue(
                    key: "channels.\(channel.id).access_token", reason: "\(reach): OneBot 12 needs an access token")
            default:
                continue
            }
        }
    }
}
