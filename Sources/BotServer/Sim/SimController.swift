import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import TaskBoard

/// `GET /sim` (the page), `GET /sim/messages` (the chat, polled) and `POST /sim/messages` (send).
struct SimController: Sendable {
    let site: SimSite

    @Sendable func page(request: Request, context: SimRequestContext) async throws -> Response {
        try site.pages.page(.simChat, site.pageView(csrf: context.csrf ?? ""))
    }

    /// `?group=riders-1&after=<cursor>&wait=15`: the bubbles after the cursor (none: the recent ones).
    ///
    /// With `wait` the answer is held until something new is there or the seconds are up (long
    /// polling): a reply shows a fraction of a second after it is sent, and an idle page costs one
    /// request (and one request log line) every few seconds instead of one a second.
    @Sendable func transcript(request: Request, context: SimRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        guard let group = query.get("group"), site.knows(group: group) else {
            return refuse("unknown or missing group", context: context)
        }
        var after: TranscriptCursor?
        if let raw = query.get("after"), !raw.isEmpty {
            guard let cursor = TranscriptCursor(raw) else { return refuse("malformed cursor", context: context) }
            after = cursor
        }
        var wait = 0
        if let raw = query.get("wait"), !raw.isEmpty {
            guard let seconds = Int(raw), seconds >= 0 else { return refuse("malformed wait", context: context) }
            wait = min(seconds, SimSite.maxWaitSeconds)
        }
        var body = try await site.transcript(group: group, after: after)
        let deadline = ContinuousClock.now + .seconds(wait)
        while after != nil, body.entries.isEmpty, !body.more, ContinuousClock.now < deadline {
            do {
                // A shutdown must not wait for idle pages: they simply ask again.
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: SimSite.waitStep) }
            } catch {
                break
            }
            body = try await site.transcript(group: group, after: TranscriptCursor(body.cursor))
        }
        var response = try JSONResponse.make(body)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// Stores the message through the webhook's own path; the inbox worker takes it from there.
    @Sendable func post(request: Request, context: SimRequestContext) async throws -> Response {
        var request = request
        // JSON only: a cross-site form cannot send it without the browser asking first (CORS preflight).
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true else {
            context.logger.warning("sim.refused", metadata: ["reason": "not JSON"])
            return JSONResponse.error(.unsupportedMediaType, "send application/json")
        }
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: SimSite.maxBodyBytes)
        } catch is NIOTooManyBytesError {
            context.logger.warning("sim.refused", metadata: ["reason": "body over \(SimSite.maxBodyBytes) bytes"])
            return JSONResponse.error(.contentTooLarge, "body over \(SimSite.maxBodyBytes) bytes")
        }
        let posted: SimPostedMessage
        do {
            posted = try JSONDecoder().decode(SimPostedMessage.self, from: Data(body.readableBytesView))
        } catch let error as DecodingError {
            return refuse("malformed body: \(error.readableDescription)", context: context)
        } catch {
            return refuse("malformed body: \(error)", context: context)
        }
        let inbound: InboundMessage
        do {
            inbound = try site.inbound(posted, at: site.time?.clock?.now() ?? Date())
        } catch {
            return refuse(error.description, context: context)
        }
        try await site.introduceConfiguredPeople()
        let stored = try await site.webhooks.store(inbound, logger: context.logger)
        context.logger.info(
            "sim.posted",
            metadata: [
                "sim.persona": "\(posted.persona)", "sim.group": "\(posted.group)", "inbox.id": "\(stored.inboxID)",
            ])
        return try JSONResponse.make(SimPostAck(ok: true, messageID: inbound.messageID, inboxID: stored.inboxID))
    }

    /// `POST /sim/time` `{"job": "weekly_report"}` or `{"advance": "1d"}`: the 时间 control.
    @Sendable func time(request: Request, context: SimRequestContext) async throws -> Response {
        guard let time = site.time else { return JSONResponse.error(.notFound, "no calendar") }
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true else {
            return JSONResponse.error(.unsupportedMediaType, "send application/json")
        }
        var request = request
        let body = try await request.collectBody(upTo: SimSite.maxBodyBytes)
        do {
            let asked = try JSONDecoder().decode(SimTime.Request.self, from: Data(body.readableBytesView))
            let queued = try await time.perform(asked)
            context.logger.info(
                "sim.time", metadata: ["job": "\(asked.job ?? "-")", "advance": "\(asked.advance ?? "-")"])
            let now = time.clock?.now() ?? Date()
            return try JSONResponse.make(
                SimTime.Answer(
                    ok: true, queued: queued, now: site.config.format(now, pattern: site.labels.word(.dueFormat))))
        } catch let refusal as SimTime.Refusal {
            return refuse(refusal.description, context: context)
        } catch is DecodingError {
            return refuse(SimTime.Refusal.nothingAsked.description, context: context)
        }
    }

    private func refuse(_ reason: String, context: SimRequestContext) -> Response {
        context.logger.warning("sim.refused", metadata: ["reason": "\(reason)"])
        return JSONResponse.error(.badRequest, reason)
    }
}
