extension AppConfig {
    /// The simulator posts as any persona, the secretary included, into the real board: it is open
    /// without a login only for a demo on this machine — loopback, and no inbound platform at all
    /// (no channel, no generic secret, no outbound URL, no proxy). Anywhere else it needs the secretary's login.
    var simIsOpen: Bool {
        sim.enabled && !isExposed && channels.isEmpty && webhooks.generic.secret.isEmpty
            && outbound.generic.url.isEmpty
    }

    /// The simulator's groups mirror the groups configured for the generic webhook (riders-1,
    /// members-1 by default), with their roles, so a simulated message is handled exactly like a
    /// real one from that group. Replies stay on the simulator's channel (no `reply_via`). A group
    /// named on the board for the simulator's own channel (one of its unconfigured chats) joins them.
    var simGroups: [GroupConfig] {
        guard sim.enabled else { return [] }
        var seen = Set<String>()
        return groups.filter {
            ($0.channel == "generic" || $0.channel == SimChannel.id) && $0.id != "*" && seen.insert($0.id).inserted
        }
        .map { GroupConfig(id: $0.id, role: $0.role, channel: SimChannel.id) }
    }
}
