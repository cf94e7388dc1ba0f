import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// `POST /webhook/onebot11/{channel}` and `POST /webhook/onebot12/{channel}`: verify, decode, store once.
///
/// Replies never ride on the HTTP answer here: the receipt comes later through the bridge's HTTP API
/// (`send_group_msg` / `send_message`), so every event is answered 204 as soon as it is stored.
struct OneBotWebhookController: Sendable {
    let config: AppConfig
    let inbox: WebhookController

    static let signatureHeader = HTTPField.Name("X-Signature")!
    static let versionHeader = HTTPField.Name(OneBot12Auth.versionHeaderName)!

    func register(on router: Router<BasicRequestContext>) {
        router.post("webhook/onebot11/{channel}") { request, context in try await onebot11(request, context) }
        router.post("webhook/onebot12/{channel}") { request, context in try await onebot12(request, context) }
    }

    private func channel(_ context: BasicRequestContext, kind: ChannelKind) -> ChannelConfig? {
        guard let id = context.parameters.get("channel"), let channel = config.channel(id), channel.kind == kind
        else { return nil }
        return channel
    }

    func onebot11(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        guard let channel = channel(context, kind: .onebot11) else {
            return JSONResponse.error(.notFound, "no onebot11 channel with that id")
        }
        var request = request
        let body = Data(try await request.collectBody(upTo: config.webhooks.maxBodyBytes).readableBytesView)
        guard
            OneBot11Verifier(secrets: [channel.secret]).isValid(
                signatureHeader: request.headers[Self.signatureHeader], body: body)
        else {
            context.logger.warning(
                "webhook.refused", metadata: ["webhook.channel": "\(channel.id)", "reason": "bad X-Signature"])
            return JSONResponse.error(.unauthorized, "bad or missing X-Signature")
        }
        let event: OneBot11Event
        do {
            event = try JSONDecoder().decode(OneBot11Event.self, from: body)
        } catch {
            context.logger.warning(
                "webhook.refused", metadata: ["webhook.channel": "\(channel.id)", "reason": "\(error)"])
            return JSONResponse.error(.badRequest, "malformed OneBot 11 event")
        }
        return try await store(event.outcome(channel: channel.id), channel: channel, context: context)
    }

    func onebot12(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        guard let channel = channel(context, kind: .onebot12) else {
            return JSONResponse.error(.notFound, "no onebot12 channel with that id")
        }
        var request = request
        let body = Data(try await request.collectBody(upTo: config.webhooks.maxBodyBytes).readableBytesView)
        if let refusal = OneBot12Auth(accessTokens: channel.accessTokens).refusal(
            authorization: request.headers[.authorization],
            accessTokenQuery: request.uri.queryParameters.get("access_token"),
            oneBotVersion: request.headers[Self.versionHeader])
        {
            context.logger.warning(
                "webhook.refused", metadata: ["webhook.channel": "\(channel.id)", "reason": "\(refusal)"])
            return JSONResponse.error(.init(code: refusal.httpStatus), refusal.description)
        }
        let event: OneBot12Event
        do {
            event = try JSONDecoder().decode(OneBot12Event.self, from: body)
        } catch {
            context.logger.warning(
                "webhook.refused", metadata: ["webhook.channel": "\(channel.id)", "reason": "\(error)"])
            return JSONResponse.error(.badRequest, "malformed OneBot 12 event")
        }
        return try await store(event.outcome(channel: channel.id), channel: channel, context: context)
    }

    /// Stores a message (v12 file ids kept as `onebot12-file:` references, resolved after the answer).
    private func store(_ outcome: OneBotEventOutcome, channel: ChannelConfig, context: BasicRequestContext)
        async throws -> Response
    {
        guard case .message(let inbound) = outcome else {
            if case .ignored(let reason) = outcome {
                context.logger.debug(
                    "webhook.ignored", metadata: ["webhook.channel": "\(channel.id)", "reason": "\(reason)"])
            }
            return Response(status: .noContent)
        }
        var message = inbound.message
        // Only v12 has get_file; a v11 image without a url (rare: go-cqhttp always sends one) is dropped.
        if channel.kind == .onebot12 {
            message.imageURLs += inbound.imageFileIDs.map { OneBotFileReference.prefix + $0 }
        }
        _ = try await inbox.accept(message, logger: context.logger)
        return Response(status: .noContent)
    }
}

/// An image the bridge holds, named by file id until `get_file` turns it into a URL.
enum OneBotFileReference {
    static let prefix = "onebot12-file:"
}
