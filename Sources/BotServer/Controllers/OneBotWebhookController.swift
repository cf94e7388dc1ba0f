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

    var routes: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.post("webhook/onebot11/{channel}") { request, context in try await onebot11(request, context) }
        routes.post("webhook/onebot12/{channel}") { request, context in try await onebot12(request, context) }
        return routes
    }

    private func channel(_ context: AppRequestContext, kind: ChannelKind) -> ChannelConfig? {
        guard let id = context.parameters.get("channel"), let channel = config.channel(id), channel.kind == kind
        else { return nil }
        return channel
    }

    func onebot11(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await receive(OneBot11Event.self, request, context) { channel, request, body in
            OneBot11Verifier(secrets: [channel.secret]).isValid(
                signatureHeader: request.headers[Self.signatureHeader], body: body)
                ? nil : Refusal(status: .unauthorized, answer: "bad or missing X-Signature", reason: "bad X-Signature")
        }
    }

    func onebot12(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await receive(OneBot12Event.self, request, context) { channel, request, _ in
            OneBot12Auth(accessTokens: channel.accessTokens).refusal(
                authorization: request.headers[.authorization],
                accessTokenQuery: request.uri.queryParameters.get("access_token"),
                oneBotVersion: request.headers[Self.versionHeader]
            ).map { Refusal(status: .init(code: $0.httpStatus), answer: $0.description, reason: "\($0)") }
        }
    }

    /// Why a request is turned away: the HTTP answer, and for the log the reason.
    private struct Refusal {
        var status: HTTPResponse.Status
        var answer: String
        var reason: String
    }

    /// The steps both versions share: find the channel, read the body, let `check` authenticate it,
    /// decode the event and store what it carries.
    private func receive<Event: OneBotEvent>(
        _: Event.Type, _ request: Request, _ context: AppRequestContext,
        check: (ChannelConfig, Request, Data) -> Refusal?
    ) async throws -> Response {
        guard let channel = channel(context, kind: Event.kind) else {
            return JSONResponse.error(.notFound, "no \(Event.kind.rawValue) channel with that id")
        }
        var request = request
        let body = Data(try await request.collectBody(upTo: config.webhooks.maxBodyBytes).readableBytesView)
        if let refusal = check(channel, request, body) {
            return refuse(refusal, channel: channel, context: context)
        }
        let event: Event
        do {
            event = try JSONDecoder().decode(Event.self, from: body)
        } catch {
            let refusal = Refusal(
                status: .badRequest, answer: "malformed \(Event.protocolName) event", reason: "\(error)")
            return refuse(refusal, channel: channel, context: context)
        }
        return try await store(event.outcome(channel: channel.id), channel: channel, context: context)
    }

    private func refuse(_ refusal: Refusal, channel: ChannelConfig, context: AppRequestContext) -> Response {
        context.logger.warning(
            "webhook.refused", metadata: ["webhook.channel": "\(channel.id)", "reason": "\(refusal.reason)"])
        return JSONResponse.error(refusal.status, refusal.answer)
    }

    /// Stores a message (v12 file ids kept as `onebot12-file:` references, resolved after the answer).
    private func store(_ outcome: OneBotEventOutcome, channel: ChannelConfig, context: AppRequestContext)
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

/// What the controller needs of either version's event.
protocol OneBotEvent: Decodable {
    /// The channel kind whose webhook carries it.
    static var kind: ChannelKind { get }
    /// "OneBot 11", for refusals.
    static var protocolName: String { get }
    func outcome(channel: String) -> OneBotEventOutcome
}

extension OneBot11Event: OneBotEvent {
    static let kind = ChannelKind.onebot11
    static let protocolName = "OneBot 11"
}

extension OneBot12Event: OneBotEvent {
    static let kind = ChannelKind.onebot12
    static let protocolName = "OneBot 12"
}

/// An image the bridge holds, named by file id until `get_file` turns it into a URL.
enum OneBotFileReference {
    static let prefix = "onebot12-file:"
}
