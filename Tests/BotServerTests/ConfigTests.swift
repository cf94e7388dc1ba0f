import ArgumentParser
import Foundation
import TaskBoard
import Testing

@testable import BotServer

/// Configuration: defaults that run, a file that overrides, errors that name the key.
@Suite struct ConfigTests {
    @Test func defaultsRunWithNothingSet() throws {
        let config = try AppConfig.load(path: nil, environment: [:])
        #expect(config.server.host == "127.0.0.1")
        #expect(config.server.port == 8080)
        #expect(config.storage.path == "./fengchao-data")
        #expect(config.outbound.generic.url.isEmpty)
        #expect(config.groups.map(\.id) == ["riders-1", "members-1"])
        #expect(config.points.maxOpenClaims == 3)
    }

    @Test func fileOverridesOnlyWhatItNames() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/f.yaml"
        try """
        server: { port: 9090 }
        admin: { token: "t0k" }
        community: ./my-community.yaml
        groups:
          - { id: "g1", role: riders }
        people:
          secretaries: ["boss"]
          grid_workers: { "G2": ["w2"] }
        points: { task_verified: 7 }
        outbound:
          generic: { url: "http://127.0.0.1:9/send" }
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let config = try AppConfig.load(path: path, environment: [:])
        #expect(config.server.port == 9090)
        #expect(config.server.host == "127.0.0.1")
        #expect(config.admin.token == "t0k")
        #expect(config.community == directory + "/my-community.yaml")
        #expect(config.groups == [GroupConfig(id: "g1", role: .riders)])
        #expect(config.people.gridWorkers == ["G2": ["w2"]])
        #expect(config.points.taskVerified == 7)
        #expect(config.points.reportVerified == 2)
        #expect(config.outbound.generic.url == "http://127.0.0.1:9/send")
    }

    @Test func environmentSuppliesSecrets() throws {
        let config = try AppConfig.load(
            path: nil, environment: ["FENGCHAO_ADMIN_TOKEN": "env-token", "FENGCHAO_GENERIC_SECRET": "env-secret"])
        #expect(config.admin.token == "env-token")
        #expect(config.webhooks.generic.secret == "env-secret")
    }

    @Test func badValuesNameTheKey() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/bad.yaml"
        try "server: { port: \"eighty\" }\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            try AppConfig.load(path: path, environment: [:])
        } throws: { error in
            "\(error)".contains("server.port")
        }
        try "groups:\n  - { id: g, role: astronauts }\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ConfigError.self) { try AppConfig.load(path: path, environment: [:]) }
        #expect(throws: ConfigError.self) { try AppConfig.load(path: directory + "/missing.yaml", environment: [:]) }
    }

    @Test func serveParsesItsFlags() throws {
        let command = try Fengchao.parseAsRoot(["serve", "--port", "0", "--host", "127.0.0.2", "--data", "/tmp/x"])
        let serve = try #require(command as? ServeCommand)
        let config = try serve.resolvedConfig()
        #expect(config.server.port == 0)
        #expect(config.server.host == "127.0.0.2")
        #expect(config.storage.path == "/tmp/x")
        // The demo's defaults may not be opened to the network by a flag either.
        let exposed = try #require(try Fengchao.parseAsRoot(["serve", "--host", "0.0.0.0"]) as? ServeCommand)
        #expect(throws: ConfigError.self) { try exposed.resolvedConfig() }
    }

    @Test func serveRefusesABadPort() {
        #expect(throws: (any Error).self) { try Fengchao.parseAsRoot(["serve", "--port", "70000"]) }
        #expect(throws: (any Error).self) { try Fengchao.parseAsRoot(["serve", "--log-level", "loud"]) }
    }

    @Test func helpExplainsEveryOption() {
        let help = Fengchao.helpMessage(for: ServeCommand.self)
        for option in ["--config", "--host", "--port", "--data", "--log-level"] {
            #expect(help.contains(option))
        }
    }

    @Test func theExampleConfigurationLoads() throws {
        let config = try AppConfig.load(path: ResourceLocator.resolve("config/fengchao.example.yaml"), environment: [:])
        #expect(config.server.port == 8080)
        #expect(config.conversation.windowSeconds == 300)
        #expect(config.passiveReplyBudgetMilliseconds == 3000)
    }

    @Test func channelsTakeSecretsFromTheEnvironmentAndNeverPrintThem() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/c.yaml"
        try """
        channels:
          - { id: oa1, kind: wechat_official_account, app_id: "wx0123456789abcdef" }
          - { id: bot1, kind: wecom_group_robot }
        groups:
          - { channel: oa1, id: "*", role: riders, reply_via: bot1 }
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let config = try AppConfig.load(
            path: path,
            environment: [
                "FENGCHAO_CHANNEL_OA1_TOKEN": "tok-secret",
                "FENGCHAO_CHANNEL_BOT1_WEBHOOK_URL": "https://robot.invalid/send?key=k-secret",
            ])
        let oa = try #require(config.channel("oa1"))
        #expect(oa.token == "tok-secret")
        #expect(config.group(channel: "oa1", id: "o_any_user")?.replyVia == "bot1")
        #expect(!oa.description.contains("tok-secret"))
        #expect(!"\(config.channels)".contains("k-secret"))
    }

    @Test func channelMistakesNameTheKey() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/bad.yaml"
        for (yaml, key) in [
            ("channels:\n  - { id: wc1, kind: wecom_app, token: t }\n", "channels[wc1].encoding_aes_key"),
            ("channels:\n  - { id: bot1, kind: wecom_group_robot, webhook_url: nope }\n", "channels[bot1].webhook_url"),
            ("groups:\n  - { channel: ghost, id: g, role: riders }\n", "unknown channel ghost"),
            ("channels:\n  - { id: x, kind: telegram }\n", "kind"),
        ] {
            try yaml.write(toFile: path, atomically: true, encoding: .utf8)
            #expect("\((try? AppConfig.load(path: path, environment: [:])).map { _ in "loaded" } ?? "")" != "loaded")
            do {
                _ = try AppConfig.load(path: path, environment: [:])
            } catch {
                #expect("\(error)".contains(key), "\(error)")
            }
        }
    }
}
