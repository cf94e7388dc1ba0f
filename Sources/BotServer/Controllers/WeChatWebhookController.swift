import Foundation
import Hummingbird
import Logging
import TaskBoard

/// `GET/POST /webhook/wechat/{channel}` (Official Account) and `/webhook/wecom/{channel}` (WeCom app).
///
/// Both are 1:1 chats whose reply travels in the HTTP answer: after storing the message the handler
/// waits, within `passive_reply_budget_ms` (well inside WeChat's 5 s), for the inbox worker to handle
/// it, then answers with the reply XML (encrypted when the push was). Past the budget it answers
/// `success` and the reply is marked failed, visibly, in the outbox.
struct WeChatWebhookController: Sendable {
    let config: AppConfig
    let inbox: WebhookController
    let store: any OutboxQueue
    let waiters: ProcessingWaiters
    /// Welcomes a new follower with the help text.
    let welcome: String
    let officialAccounts: [String: OfficialAccountEndpoint]
    let wecomApps: [String: WeComAppEndpoint]
    /// Channels whose timestamps are checked, by id; their (timestamp, nonce) pairs are remembered.
    let maxSkew: [String: Int64]
    let replays: ReplayGuard

    /// Builds every endpoint at start-up, so a bad EncodingAESKey stops the server with its channel named.
    init(
        config: AppConfig, inbox: WebhookController, store: any OutboxQueue, waiters: ProcessingWaiters, welcome: String
    )
        throws
    {
        self.welcome = welcome
        self.config = config
        self.inbox = inbox
        self.store = store
        self.waiters = waiters
        var accounts: [String: OfficialAccountEndpoint] = [:]
        var apps: [String: WeComAppEndpoint] = [:]
        for channel in config.channels {
            do {
                switch channel.kind {
                case .wechatOfficialAccount:
                    accounts[channel.id] = try OfficialAccountEndpoint(
                        config: .init(
                            tokens: channel.tokens, encodingAESKey: channel.encodingAESKey, appID: channel.appID,
                            maxClockSkew: channel.maxClockSkewSeconds,
                            requireEncryption: !channel.encodingAESKey.isEmpty && !channel.allowPlain))
                case .wecomApp:
                    apps[channel.id] = try WeComAppEndpoint(
                        config: .init(
                            tokens: channel.tokens, encodingAESKey: channel.encodingAESKey, corpID: channel.corpID,
                            maxClockSkew: channel.maxClockSkewSeconds))
                default:
                    continue
                }
            } catch {
                throw ConfigError.invalidValue(key: "channels[\(channel.id)]", reason: "\(error)")
            }
        }
        officialAccounts = accounts
        wecomApps = apps
        maxSkew = Dictionary(
            uniqueKeysWithValues: config.channels.compactMap { channel in
                channel.maxClockSkewSeconds.map { (channel.id, $0) }
            })
        replays = ReplayGuard(windowSeconds: maxSkew.values.max() ?? 300)
    }

    var routes: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        add(officialAccounts, platform: "wechat", to: routes)
        add(wecomApps, platform: "wecom", to: routes)
        return routes
    }

    /// `GET` (the URL check) and `POST` (a message) at `/webhook/<platform>/{channel}`.
    private func add<Endpoint: WeChatEndpoint>(
        _ endpoints: [String: Endpoint], platform: String, to routes: RouteCollection<AppRequestContext>
    ) {
        let path = RouterPath("webhook/\(platform)/{channel}")
        routes.get(path) { request, context in
            guard let endpoint = endpoints[context.parameters.get("channel") ?? ""] else {
                return Response(status: .notFound)
            }
            let check = endpoint.urlCheck(query: query(request), now: WeChatRequestSteps.currentTime())
            return answer(check, channel: platform, context: context)
        }
        routes.post(path) { request, context in
            let id = context.parameters.get("channel") ?? ""
            guard let endpoint = endpoints[id] else { return Response(status: .notFound) }
            var request = request
            let body = Data(try await request.collectBody(upTo: config.webhooks.maxBodyBytes).readableBytesView)
            let query = query(request)
            let now = WeChatRequestSteps.currentTime()
            var message = endpoint.message(query: query, body: body, now: now)
            if case .success = message, maxSkew[id] != nil,
                await !replays.admit(
                    channel: id, timestamp: query["timestamp"] ?? "", nonce: query["nonce"] ?? "", body: body, now: now)
            {
                message = .failure(.replayed)
            }
            return try await handle(message, channel: id, context: context) { message, text in
                try endpoint.replyBody(to: message, text: text, now: WeChatRequestSteps.currentTime(), query: query)
            }
        }
    }

    private func query(_ request: Request) -> [String: String] {
        var values: [String: String] = [:]
        for (key, value) in request.uri.queryParameters { values[String(key)] = String(value) }
        return values
    }

    private func answer(_ result: Result<String, WeChatRequestError>, channel: String, context: AppRequestContext)
        -> Response
    {
        switch result {
        case .success(let body):
            return Response(
                status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: body)))
        case .failure(let error):
            context.logger.warning(
                "webhook.refused", metadata: ["webhook.channel": "\(channel)", "reason": "\(error)"])
            return Response(status: .init(code: error.httpStatus))
        }
    }

    private func handle(
        _ result: Result<WeChatMessage, WeChatRequestError>, channel: String, context: AppRequestContext,
        reply: (WeChatMessage, String) throws -> String
    ) async throws -> Response {
        let message: WeChatMessage
        switch result {
        case .success(let decoded): message = decoded
        case .failure(let error):
            context.logger.warning(
                "webhook.refused", metadata: ["webhook.channel": "\(channel)", "reason": "\(error)"])
            return Response(status: .init(code: error.httpStatus))
        }
        if message.isSubscribe { return try xml(reply(message, welcome)) }
        guard let inbound = message.inbound(channel: channel) else {
            context.logger.debug(
                "webhook.ignored", metadata: ["webhook.channel": "\(channel)", "type": "\(message.type)"])
            return Self.success
        }
        let stored = try await inbox.store(inbound, logger: context.logger)
        let budget = Duration.milliseconds(config.passiveReplyBudgetMilliseconds)
        guard await waiters.wait(for: stored.inboxID, timeout: budget) else {
            context.logger.warning(
                "wechat.reply_late",
                metadata: [
                    "webhook.channel": "\(channel)", "inbox.id": "\(stored.inboxID)", "reason": "budget exceeded",
                ])
            return Self.success
        }
        // Our own outbox writes these payloads: one that does not decode is a fault, failed loudly.
        let texts = try await store.claimPassiveReplies(inboxID: stored.inboxID).map {
            try JSONDecoder().decode(OutboundReply.self, from: Data($0.payload.utf8)).text
        }
        guard !texts.isEmpty else { return Self.success }
        return xml(try reply(message, texts.joined(separator: "\n\n")))
    }

    private func xml(_ body: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/xml; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// WeChat's "received, nothing to say" answer.
    static var success: Response {
        Response(
            status: .ok, headers: [.contentType: "text/plain"], body: .init(byteBuffer: ByteBuffer(string: "success")))
    }
}
