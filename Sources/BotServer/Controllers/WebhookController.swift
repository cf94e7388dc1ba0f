import Foundation
import HTTPTypes
import Hummingbird
import Logging
import TaskBoard

/// `POST /webhook/generic`: verify, decode, store once, answer — processing happens after the answer.
struct WebhookController: Sendable {
    /// Stores arrivals by group commit: each answer waits for the commit that holds its message.
    let inbox: GroupCommit
    let inboxSignal: WorkSignal
    let verifier: SignatureVerifier
    let maxBodyBytes: Int

    static let signatureHeader = HTTPField.Name("X-Fengchao-Signature")!

    var routes: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.post("generic", use: generic)
        return routes
    }

    struct Ack: Encodable {
        var ok: Bool
        var duplicate: Bool
    }

    @Sendable func generic(request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        // Over the bound this throws NIOTooManyBytesError, which Hummingbird answers with 413.
        let body = try await request.collectBody(upTo: maxBodyBytes)
        let bytes = Data(body.readableBytesView)
        guard verifier.isValid(signatureHeader: request.headers[Self.signatureHeader], body: bytes) else {
            context.logger.warning(
                "webhook.refused", metadata: ["webhook.channel": "generic", "reason": "bad signature"])
            return JSONResponse.error(.unauthorized, "bad or missing X-Fengchao-Signature")
        }
        let inbound: InboundMessage
        do {
            inbound = try JSONDecoder().decode(GenericWebhookMessage.self, from: bytes).inbound(channel: "generic")
        } catch let error as DecodingError {
            context.logger.warning(
                "webhook.refused", metadata: ["webhook.channel": "generic", "reason": "\(error.readableDescription)"])
            return JSONResponse.error(.badRequest, "malformed body: \(error.readableDescription)")
        } catch {
            context.logger.warning("webhook.refused", metadata: ["webhook.channel": "generic", "reason": "\(error)"])
            return JSONResponse.error(.badRequest, "malformed body: \(error)")
        }
        return try await accept(inbound, logger: context.logger)
    }

    /// Stores the message in the inbox; a platform retry of a stored id is acknowledged as a duplicate.
    func accept(_ inbound: InboundMessage, logger: Logger) async throws -> Response {
        let stored = try await store(inbound, logger: logger)
        return try JSONResponse.make(Ack(ok: true, duplicate: stored.duplicate))
    }

    /// The inbox row a message landed in, and whether it was there already (a platform's retry).
    struct Stored: Sendable {
        var inboxID: Int64
        var duplicate: Bool
    }

    /// The only work before a webhook answers: one insert, deduplicated by (channel, message id),
    /// committed together with the requests that arrived meanwhile.
    func store(_ inbound: InboundMessage, logger: Logger) async throws -> Stored {
        guard inbound.channel == SimChannel.id || !inbound.senderID.hasPrefix(SimChannel.memberPrefix) else {
            logger.warning(
                "webhook.refused", metadata: ["webhook.channel": "\(inbound.channel)", "reason": "reserved sender id"])
            throw HTTPError(
                .badRequest, message: "sender ids starting with \(SimChannel.memberPrefix) are the simulator's")
        }
        let payload = String(decoding: try JSONResponse.encoder.encode(inbound), as: UTF8.self)
        let row = try await inbox.store(
            InboxArrival(
                channel: inbound.channel, platformMessageID: inbound.messageID, groupID: inbound.groupID,
                senderID: inbound.senderID, payload: payload))
        let stored = Stored(inboxID: row.id, duplicate: row.duplicate)
        logger.info(
            "inbox.stored",
            metadata: [
                "inbox.channel": "\(inbound.channel)", "inbox.message_id": "\(inbound.messageID)",
                "inbox.duplicate": "\(stored.duplicate)",
            ])
        if !stored.duplicate { await inboxSignal.notify() }
        return stored
    }
}
