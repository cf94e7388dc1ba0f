import Foundation
import TaskBoard

extension SimSite {
    /// The platform-neutral message a post stands for, exactly what a webhook adapter would produce.
    func inbound(_ posted: SimPostedMessage, at now: Date) throws(SimRefusal) -> InboundMessage {
        guard let persona = cast.persona(posted.persona) else {
            throw SimRefusal(description: "unknown persona \(posted.persona)")
        }
        guard knows(group: posted.group) else {
            throw SimRefusal(description: "unknown group \(posted.group)")
        }
        guard persona.groups.contains(posted.group) else {
            throw SimRefusal(description: "persona \(persona.id) is not in group \(posted.group)")
        }
        let text = (posted.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= Self.maxTextLength else {
            throw SimRefusal(description: "text longer than \(Self.maxTextLength) characters")
        }
        var images: [String] = []
        if let photo = posted.photo, !photo.isEmpty {
            guard samples.contains(photo) else { throw SimRefusal(description: "unknown sample photo \(photo)") }
            images.append(SimSamples.url(photo))
        }
        var location: SharedLocation?
        if let id = posted.location, !id.isEmpty {
            guard let preset = cast.location(id), let lat = preset.lat, let lon = preset.lon else {
                throw SimRefusal(description: "unknown location \(id)")
            }
            location = SharedLocation(lat: lat, lon: lon, label: preset.label)
        }
        guard !text.isEmpty || !images.isEmpty || location != nil else {
            throw SimRefusal(description: "empty message: give text, a photo or a location")
        }
        return InboundMessage(
            channel: SimChannel.id, messageID: UUID().uuidString, groupID: posted.group, senderID: persona.memberID,
            senderName: persona.name, text: text, imageURLs: images, location: location,
            timestamp: now.timeIntervalSince1970)
    }

    /// The configured people the cast plays (the secretary, grid workers) get their names on the
    /// board before they first speak, both the persona (`sim:gw-1`) and the configured person it plays
    /// (`gw-1`, to whom places are routed): a receipt names the grid worker, who would otherwise show
    /// as a bare sender id. Someone already known keeps the name the board has.
    func introduceConfiguredPeople() async throws {
        let people = cast.personas.compactMap { persona -> (SimPersona, Identity)? in
            guard let group = homeGroup(of: persona) else { return nil }
            let identity = config.identity(of: persona.memberID, existing: nil, group: group)
            return identity.role == .secretary || identity.role == .gridWorker ? (persona, identity) : nil
        }
        guard !people.isEmpty else { return }
        try await store.write { tx in
            for (persona, identity) in people {
                for id in [persona.memberID, persona.senderID] where try tx.member(platformID: id) == nil {
                    _ = try tx.upsertMember(
                        platformID: id, name: persona.name, role: identity.role, grid: identity.grid)
                }
            }
        }
    }

    /// A group's bubbles after `after` (nil: a newly opened chat, from its recent talk).
    func transcript(group: String, after: TranscriptCursor?) async throws -> SimTranscriptBody {
        let start: TranscriptCursor
        if let after {
            start = after
        } else {
            start = try await transcripts.transcriptStart(
                channel: SimChannel.id, groupID: group, recentMessages: Self.recentMessages)
        }
        let page = try await transcripts.transcript(
            channel: SimChannel.id, groupID: group, after: start, limit: Self.pageLimit)
        return try await store.read { tx in
            var names: [String: String] = [:]
            // Board names first: 报到 may have renamed someone since the cast was written.
            func name(of senderID: String) throws -> String {
                if let known = names[senderID] { return known }
                let found =
                    try tx.member(platformID: senderID)?.name ?? cast.persona(senderID: senderID)?.name ?? senderID
                names[senderID] = found
                return found
            }
            let entries = try page.lines.compactMap { line in try entry(line, name: name) }
            return SimTranscriptBody(group: group, entries: entries, cursor: page.cursor.description, more: page.more)
        }
    }

    /// One stored line as a bubble; a payload this server cannot read is left out rather than shown wrong.
    private func entry(_ line: TranscriptLine, name: (String) throws -> String) throws -> SimEntry? {
        let data = Data(line.payload.utf8)
        switch line.kind {
        case .message:
            guard let message = try? JSONDecoder().decode(InboundMessage.self, from: data) else { return nil }
            return SimEntry(
                id: "m\(line.rowID)", kind: .user, sender: try message.senderName ?? name(message.senderID),
                senderID: message.senderID, text: message.text,
                photos: message.imageURLs.compactMap(SimSamples.name(inURL:)),
                location: message.location.map { $0.label ?? String(format: "%.4f, %.4f", $0.lat, $0.lon) },
                mentions: [], time: line.at, clock: clock(line.at))
        case .reply:
            guard let reply = try? JSONDecoder().decode(OutboundReply.self, from: data) else { return nil }
            return SimEntry(
                id: "r\(line.rowID)", kind: .bot, sender: labels.word(.simBotName), senderID: nil, text: reply.text,
                photos: [], location: nil, mentions: try reply.mentions.map(name), time: line.at, clock: clock(line.at))
        }
    }

    /// `HH:mm` in the community's zone, like a chat app's time stamp.
    private func clock(_ date: Date) -> String {
        let parts = config.calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }
}
