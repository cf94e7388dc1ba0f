import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BotServer
@testable import TaskBoard

/// The simulator's page, where `/` leads, and who may use it.
@Suite struct SimPageTests {
    @Test func thePageShowsGroupsPersonasPhotosLocationsAndTheStory() async throws {
        try await withSimServer { client, _ in
            try await client.execute(uri: "/sim", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(
                    response.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("script-src 'self'") == true)
                let html = String(buffer: response.body)
                for id in [
                    "persona", "message", "photo", "location", "send", "chat", "group-riders-1", "group-members-1",
                ] {
                    #expect(html.contains("id=\"\(id)\""), "missing #\(id)")
                }
                #expect(html.contains(">蜂巢驿站<"))
                #expect(html.contains(">在职党员群<"))
                #expect(html.contains("叶强 · 小蜜蜂"))
                #expect(html.contains("张三 · 在职党员"))
                #expect(html.contains("王书记 · 书记"))
                #expect(html.contains("王芳 · 网格员"))
                #expect(html.contains("value=\"manhole.jpg\">井盖破损<"))
                #expect(html.contains("value=\"market\">龙西农贸市场<"))
                #expect(html.contains("data-text=\"龙西小区12栋门口井盖坏了\""))
                #expect(html.contains("src=\"/static/sim.js\""))
                // The CSP forbids inline scripts and styles: the page has none.
                #expect(!html.contains("<script>"))
                #expect(!html.contains("style="))
                #expect(!html.contains("<style"))
            }
            try await client.execute(uri: "/static/sim.js", method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/sim/photos/manhole.jpg", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func rootOpensTheSimulatorWhenNoPlatformIsConfigured() async throws {
        try await withSimServer { client, _ in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/sim")
            }
        }
    }

    @Test func rootOpensTheBoardOnARealDeployment() async throws {
        try await withSimServer(configure: { $0.channels = [wecomRobotChannel()] }) { client, _ in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/board")
            }
        }
    }

    @Test func disabledRemovesTheSimulator() async throws {
        try await withSimServer(configure: { $0.sim.enabled = false }) { client, store in
            // (`/sim` itself may be answered by the static files' folder redirect, never by the page.)
            try await client.execute(uri: "/sim", method: .get) { #expect($0.status != .ok) }
            try await client.execute(uri: "/sim/", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/sim/messages?group=riders-1", method: .get) {
                #expect($0.status == .notFound)
            }
            let response = try await client.simPost(persona: "rider-1", group: "riders-1", text: "我的积分")
            #expect(response.status == .notFound)
            #expect(try await store.read { tx in try tx.queue.inboxCount() } == 0)
            try await client.execute(uri: "/", method: .get) { #expect($0.headers[.location] == "/board") }
        }
    }

    @Test func aRealDeploymentAsksForTheSecretarysLogin() async throws {
        try await withSimServer(configure: { $0.channels = [wecomRobotChannel()] }) { client, store in
            // Logged out: the page sends to the login, the endpoints refuse
            try await client.execute(uri: "/sim", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/board/login?next=%2Fsim")
            }
            let (status, _) = try await client.simTranscript(group: "riders-1")
            #expect(status == .unauthorized)
            #expect(
                try await client.simPost(persona: "rider-1", group: "riders-1", text: "我的积分").status == .unauthorized)

            // A grid worker may not play the secretary
            let grid = try #require(try await client.boardLogin(user: "grid"))
            try await client.execute(uri: "/sim", method: .get, headers: [.cookie: grid]) { response in
                #expect(response.status == .forbidden)
            }

            // The secretary may, with the session's CSRF token on posts
            let secretary = try #require(try await client.boardLogin(user: "secretary"))
            let csrf = try await client.execute(uri: "/sim", method: .get, headers: [.cookie: secretary]) { response in
                #expect(response.status == .ok)
                return firstCapture(#"data-csrf="([0-9a-f]+)""#, in: String(buffer: response.body))
            }
            let token = try #require(csrf)
            let withoutToken = try await client.simPost(
                persona: "rider-1", group: "riders-1", text: "我的积分", headers: [.cookie: secretary])
            #expect(withoutToken.status == .forbidden)
            let accepted = try await client.simPost(
                persona: "rider-1", group: "riders-1", text: "我的积分",
                headers: [.cookie: secretary, BoardAuthMiddleware.csrfHeader: token])
            #expect(accepted.status == .ok)
            #expect(try await store.read { tx in try tx.queue.inboxCount() } == 1)
            let (readStatus, _) = try await client.simTranscript(group: "riders-1", headers: [.cookie: secretary])
            #expect(readStatus == .ok)
        }
    }

    /// Issue 11, item 3: a real deployment on the generic webhook (a secret, an outbound URL) has no
    /// channel, yet its simulator must not be open.
    @Test func theSimulatorIsOpenOnlyForALoopbackDemo() {
        var config = AppConfig()
        #expect(config.simIsOpen)
        config.webhooks.generic.secret = "s"
        #expect(!config.simIsOpen)
        config.webhooks.generic.secret = ""
        config.outbound.generic.url = "https://bridge.example/send"
        #expect(!config.simIsOpen)
        config.outbound.generic.url = ""
        config.server.host = "0.0.0.0"
        #expect(!config.simIsOpen)
    }

    @Test func theAnnouncementPointsAtTheSimulatorOrTheBoard() {
        var config = AppConfig()
        #expect(
            SimSite.announcement(config: config, port: 8080)
                == "open http://127.0.0.1:8080/ to try the group-chat simulator (board: http://127.0.0.1:8080/board)")
        // Beyond loopback the simulator needs the secretary's login; the address shown is still clickable.
        config.server.host = "0.0.0.0"
        #expect(SimSite.announcement(config: config, port: 8080).hasPrefix("board at http://127.0.0.1:8080/board"))
        config.server.host = "127.0.0.1"
        config.channels = [wecomRobotChannel()]
        #expect(SimSite.announcement(config: config, port: 9000).hasPrefix("board at http://127.0.0.1:9000/board"))
    }
}
