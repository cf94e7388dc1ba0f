import Foundation
import Testing

@testable import BotServer

/// One interop vector from `Fixtures/onebot/` (a copy of shared/vectors/onebot), read as plain JSON.
///
/// Expectations are derived from each vector's own `event` object wherever possible, so the tests check
/// the mapping rules rather than the literal ids of this developer set.
struct OneBotVector: Sendable {
    let name: String
    let json: JSONValue

    /// Found from this file's path, never from the working directory.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/onebot")

    /// Vector names (without `.json`) starting with `prefix`, sorted; read when tests are discovered.
    static func names(prefix: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }
            .map { String($0.dropLast(".json".count)) }
            .sorted()
    }

    init(_ name: String) throws {
        self.name = name
        let data = try Data(contentsOf: Self.directory.appendingPathComponent(name + ".json"))
        json = try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// Names containing `bad`, `wrong`, `tampered` or `corrupt` are negatives (vectors README).
    static func isNegative(_ name: String) -> Bool {
        ["bad", "wrong", "tampered", "corrupt"].contains { name.contains($0) }
    }

    /// The request body exactly as the implementation sent it.
    var bodyRaw: Data { Data((json["http"]?["body_raw"]?.string ?? "").utf8) }
    func header(_ name: String) -> String? { json["http"]?["headers"]?[name]?.string }
    var isValid: Bool { json["expected"]?["valid"] == .bool(true) }
    var event: JSONValue { json["event"] ?? .null }
    var secret: String { json["secret"]?.string ?? "" }
    var accessToken: String { json["access_token"]?.string ?? "" }
}

/// Decodes any JSON bytes to a comparable value, so request bodies are compared as JSON, not as strings.
func oneBotJSON(_ data: Data) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: data)
}

/// Every OneBot vector, run through the same steps the HTTP layer takes.
@Suite struct OneBotVectorTests {
    static let v11Inbound: [String] = OneBotVector.names(prefix: "onebot_v11_group_")
    static let v12Inbound: [String] = OneBotVector.names(prefix: "onebot_v12_group_")

    /// Argument lists read from disk would silently run zero cases if the copies went missing.
    @Test func fixturesArePresent() {
        #expect(Self.v11Inbound.contains("onebot_v11_group_text_bad_signature"))
        #expect(Self.v11Inbound.contains { OneBotVector.isNegative($0) == false })
        #expect(Self.v12Inbound.contains("onebot_v12_group_text_bad_token"))
        #expect(Self.v12Inbound.contains { OneBotVector.isNegative($0) == false })
    }

    /// The README's naming rule for negatives, checked against each file's own `expected.valid`.
    @Test(arguments: OneBotVector.names(prefix: "onebot_v11_group_") + OneBotVector.names(prefix: "onebot_v12_group_"))
    func negativeNamesMatchExpectedValid(name: String) throws {
        #expect(try OneBotVector(name).isValid == !OneBotVector.isNegative(name))
    }

    // MARK: OneBot 11 inbound

    /// Signature first, over the raw bytes: valid vectors pass, the edited body does not, even with rotation.
    @Test(arguments: OneBotVector.names(prefix: "onebot_v11_group_")) func v11SignatureDecidesBeforeParsing(
        name: String
    ) throws {
        let vector = try OneBotVector(name)
        let header = vector.header(OneBot11Verifier.headerName)
        let verifier = OneBot11Verifier(secrets: ["rotated-out-secret", vector.secret])
        #expect(verifier.isValid(signatureHeader: header, body: vector.bodyRaw) == vector.isValid)
        #expect(
            !OneBot11Verifier(secrets: ["some-other-secret"]).isValid(signatureHeader: header, body: vector.bodyRaw))
        if vector.isValid {
            #expect(OneBot11Verifier.signature(secret: vector.secret, body: vector.bodyRaw) == header)
        } else {
            #expect(vector.json["expected"]?["error"]?.string == "invalid_signature")
        }
    }

    /// Every accepted v11 message maps ids, chat, sender and time from the event as the rules say.
    @Test(arguments: OneBotVector.names(prefix: "onebot_v11_group_")) func v11EventMapsIdentityFields(
        name: String
    ) throws {
        let vector = try OneBotVector(name)
        let event = try JSONDecoder().decode(OneBot11Event.self, from: vector.bodyRaw)
        let expected = vector.event
        let selfID = try #require(expected["self_id"]?.int64)
        let messageID = try #require(expected["message_id"]?.int64)
        let time = try #require(expected["time"]?.int64)
        #expect(event.selfID == selfID)
        #expect(event.groupID == expected["group_id"]?.int64)
        #expect(event.userID == expected["user_id"]?.int64)

        let inbound = try #require(event.outcome(channel: "qq").inbound)
        #expect(inbound.message.channel == "qq")
        #expect(inbound.message.messageID == "\(selfID)-\(messageID)-\(time)")
        #expect(inbound.message.groupID == expected["group_id"]?.int64.map { String($0) })
        #expect(inbound.message.senderID == expected["user_id"]?.int64.map { String($0) })
        #expect(inbound.message.senderName == expected["sender"]?["card"]?.string)
        #expect(inbound.message.timestamp == Double(time))
        #expect(event.inbound(channel: "qq") == inbound.message)
    }

    @Test func v11TextReport() throws {
        let vector = try OneBotVector("onebot_v11_group_text")
        let inbound = try v11Inbound(vector)
        #expect(inbound.message.text == vector.event["message"]?.array?.first?["data"]?["text"]?.string)
        #expect(inbound.message.imageURLs.isEmpty)
        #expect(inbound.message.location == nil)
        #expect(inbound.mentionedIDs.isEmpty)
    }

    @Test func v11ImageAndText() throws {
        let vector = try OneBotVector("onebot_v11_group_image_text")
        let inbound = try v11Inbound(vector)
        let segments = try #require(vector.event["message"]?.array)
        #expect(inbound.message.text == segments[0]["data"]?["text"]?.string)
        #expect(inbound.message.imageURLs == [try #require(segments[1]["data"]?["url"]?.string)])
        #expect(inbound.imageFileIDs.isEmpty)
    }

    /// The CQ-code string form of the same message maps to the same message (its message_id differs).
    @Test func v11StringFormatEqualsArrayFormat() throws {
        let array = try v11Inbound(try OneBotVector("onebot_v11_group_image_text"))
        let stringVector = try OneBotVector("onebot_v11_group_image_text_string_format")
        #expect(stringVector.event["message"]?.string != nil)
        var string = try v11Inbound(stringVector)
        #expect(string.message.messageID != array.message.messageID)
        string.message.messageID = array.message.messageID
        #expect(string == array)
        // And the decoded segments are identical, not just the mapping.
        let arrayEvent = try JSONDecoder().decode(
            OneBot11Event.self, from: try OneBotVector("onebot_v11_group_image_text").bodyRaw)
        let stringEvent = try JSONDecoder().decode(OneBot11Event.self, from: stringVector.bodyRaw)
        #expect(stringEvent.message == arrayEvent.message)
    }

    @Test func v11LocationWithStringCoordinates() throws {
        let vector = try OneBotVector("onebot_v11_group_location")
        let inbound = try v11Inbound(vector)
        let data = try #require(vector.event["message"]?.array?.first?["data"])
        let location = try #require(inbound.message.location)
        #expect(location.lat == data["lat"]?.string.flatMap { Double($0) })
        #expect(location.lon == data["lon"]?.string.flatMap { Double($0) })
        #expect(location.label == data["title"]?.string)
        #expect(inbound.message.text.isEmpty)
    }

    /// The leading @bot is a mention, not text; the space after it is trimmed.
    @Test func v11MentionOfTheBot() throws {
        let vector = try OneBotVector("onebot_v11_group_mention")
        let inbound = try v11Inbound(vector)
        let segments = try #require(vector.event["message"]?.array)
        let qq = try #require(segments[0]["data"]?["qq"]?.string)
        #expect(qq == vector.event["self_id"]?.int64.map { String($0) })
        #expect(inbound.mentionedIDs == [qq])
        #expect(inbound.mentionsSelf)
        let text = try #require(segments[1]["data"]?["text"]?.string)
        #expect(text.hasPrefix(" "))
        #expect(inbound.message.text == text.trimmingCharacters(in: .whitespaces))
        #expect(inbound.message.senderName == vector.event["sender"]?["card"]?.string)
    }

    /// Our quick operation has the vector's shape, `at_sender: false` written out.
    @Test func v11QuickOperationMatchesExample() throws {
        let vector = try OneBotVector("onebot_v11_group_mention")
        let example = try #require(vector.json["expected"]?["example_quick_operation_response"])
        let text = try #require(example["reply"]?.array?.first?["data"]?["text"]?.string)
        let ours = try oneBotJSON(JSONEncoder().encode(OneBot11QuickOperation(text: text)))
        #expect(ours == example)
    }

    /// Our `send_group_msg` for the same reply equals the vector's request: path, and body as JSON.
    @Test func v11SendGroupMsgMatchesVector() throws {
        let vector = try OneBotVector("onebot_v11_send_group_msg_request")
        let body = try #require(vector.json["http"]?["body"])
        let segments = try #require(body["message"]?.array)
        let mention = try #require(segments[0]["data"]?["qq"]?.string)
        let text = try #require(segments[1]["data"]?["text"]?.string)
        let groupID = try #require(body["group_id"]?.int64)
        // The stored reply text has no leading space; the builder adds it after the mention.
        let reply = OutboundReply(
            channel: "qq", groupID: String(groupID), text: String(text.drop { $0 == " " }), mentions: [mention],
            inReplyTo: nil)
        let request = try OneBot11SendMessage(reply: reply)
        #expect("/" + request.action == vector.json["http"]?["path"]?.string)
        #expect(try oneBotJSON(request.jsonBody()) == body)
        #expect(vector.header("Authorization") == "Bearer \(vector.accessToken)")
    }

    // MARK: OneBot 12 inbound

    /// The bearer token decides; the stale token of the negative vector is refused with 401.
    @Test(arguments: OneBotVector.names(prefix: "onebot_v12_group_")) func v12TokenDecides(name: String) throws {
        let vector = try OneBotVector(name)
        let auth = OneBot12Auth(accessTokens: ["rotated-out-token", vector.accessToken])
        let refusal = auth.refusal(
            authorization: vector.header("Authorization"), accessTokenQuery: nil,
            oneBotVersion: vector.header(OneBot12Auth.versionHeaderName))
        if vector.isValid {
            #expect(refusal == nil)
        } else {
            #expect(refusal == .wrongToken)
            #expect(refusal?.httpStatus == 401)
            #expect(vector.json["expected"]?["error"]?.string == "unauthorized")
        }
    }

    /// Every v12 message maps ids, chat, sender and time from the event.
    @Test(arguments: OneBotVector.names(prefix: "onebot_v12_group_")) func v12EventMapsIdentityFields(
        name: String
    ) throws {
        let vector = try OneBotVector(name)
        let event = try JSONDecoder().decode(OneBot12Event.self, from: vector.bodyRaw)
        let expected = vector.event
        #expect(event.id == expected["id"]?.string)
        #expect(event.bot?.userID == expected["self"]?["user_id"]?.string)
        #expect(event.bot?.platform == expected["self"]?["platform"]?.string)
        let inbound = try #require(event.outcome(channel: "wechat").inbound)
        #expect(inbound.message.messageID == expected["message_id"]?.string)
        #expect(inbound.message.groupID == expected["group_id"]?.string)
        #expect(inbound.message.senderID == expected["user_id"]?.string)
        #expect(inbound.message.timestamp == expected["time"]?.double)
        #expect(inbound.message.imageURLs.isEmpty)
    }

    @Test func v12TextReport() throws {
        let vector = try OneBotVector("onebot_v12_group_text")
        let inbound = try v12Inbound(vector)
        #expect(inbound.message.text == vector.event["message"]?.array?.first?["data"]?["text"]?.string)
        #expect(inbound.imageFileIDs.isEmpty)
    }

    /// v12 images are file ids to resolve, never URLs.
    @Test func v12ImageIsAFileID() throws {
        let vector = try OneBotVector("onebot_v12_group_image_text")
        let inbound = try v12Inbound(vector)
        let segments = try #require(vector.event["message"]?.array)
        #expect(inbound.message.text == segments[0]["data"]?["text"]?.string)
        #expect(inbound.imageFileIDs == [try #require(segments[1]["data"]?["file_id"]?.string)])
        #expect(inbound.message.imageURLs.isEmpty)
        #expect(inbound.withResolvedImages(["http://bridge/f.jpg"]).imageURLs == ["http://bridge/f.jpg"])
    }

    @Test func v12LocationWithFloatCoordinates() throws {
        let vector = try OneBotVector("onebot_v12_group_location")
        let inbound = try v12Inbound(vector)
        let data = try #require(vector.event["message"]?.array?.first?["data"])
        #expect(
            inbound.message.location
                == SharedLocation(
                    lat: try #require(data["latitude"]?.double),
                    lon: try #require(data["longitude"]?.double), label: data["title"]?.string))
    }

    /// A quoted report plus @bot: the quote's id and the mention come out, the text is trimmed.
    @Test func v12MentionAndReply() throws {
        let vector = try OneBotVector("onebot_v12_group_mention_reply")
        let inbound = try v12Inbound(vector)
        let segments = try #require(vector.event["message"]?.array)
        #expect(inbound.replyToMessageID == segments[0]["data"]?["message_id"]?.string)
        #expect(inbound.mentionedIDs == [try #require(segments[1]["data"]?["user_id"]?.string)])
        #expect(inbound.mentionsSelf)
        let text = try #require(segments[2]["data"]?["text"]?.string)
        #expect(inbound.message.text == text.trimmingCharacters(in: .whitespaces))
    }

    /// Our `send_message` for the same reply equals the vector's action request as JSON.
    @Test func v12SendMessageMatchesVector() throws {
        let vector = try OneBotVector("onebot_v12_send_message_action")
        let expected = try #require(vector.json["action_request"])
        let params = try #require(expected["params"])
        let segments = try #require(params["message"]?.array)
        let reply = OutboundReply(
            channel: "wechat", groupID: try #require(params["group_id"]?.string),
            text: String(try #require(segments[1]["data"]?["text"]?.string).drop { $0 == " " }),
            mentions: [try #require(segments[0]["data"]?["user_id"]?.string)], inReplyTo: nil)
        let action = OneBot12Action.sendMessage(reply: reply, echo: expected["echo"]?.string)
        #expect(try oneBotJSON(action.jsonBody()) == expected)
        #expect(vector.json["http"]?["path"]?.string == "/")
    }

    /// The webhook response example is a list of actions our type reads and writes back unchanged.
    @Test func v12WebhookResponseBodyRoundTrips() throws {
        let vector = try OneBotVector("onebot_v12_send_message_action")
        let example = try #require(vector.json["webhook_response_body_example"])
        let actions = try JSONDecoder().decode([OneBot12Action].self, from: JSONEncoder().encode(example))
        #expect(actions.map(\.action) == ["send_message"])
        #expect(try oneBotJSON(OneBot12Action.webhookResponseBody(actions)) == example)
    }

    /// The example action response reads as success.
    @Test func v12ExampleActionResponseIsOK() throws {
        let vector = try OneBotVector("onebot_v12_send_message_action")
        let example = try #require(vector.json["example_action_response"])
        let response = try JSONDecoder().decode(OneBotActionResponse.self, from: JSONEncoder().encode(example))
        #expect(response.status == "ok" && response.retcode == 0)
        #expect(response.echo == "fc-0001")
    }

    // MARK: helpers

    private func v11Inbound(_ vector: OneBotVector) throws -> OneBotInbound {
        #expect(
            OneBot11Verifier(secrets: [vector.secret]).isValid(
                signatureHeader: vector.header(OneBot11Verifier.headerName), body: vector.bodyRaw))
        let event = try JSONDecoder().decode(OneBot11Event.self, from: vector.bodyRaw)
        return try #require(event.outcome(channel: "qq").inbound)
    }

    private func v12Inbound(_ vector: OneBotVector) throws -> OneBotInbound {
        let event = try JSONDecoder().decode(OneBot12Event.self, from: vector.bodyRaw)
        return try #require(event.outcome(channel: "wechat").inbound)
    }
}
