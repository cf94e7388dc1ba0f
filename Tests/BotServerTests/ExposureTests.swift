import Testing

@testable import BotServer

/// Nothing insecure starts beyond loopback: each missing protection is refused with the key to set.
@Suite struct ExposureTests {
    /// A configuration as a real deployment on 0.0.0.0 would have it, every protection set.
    static func exposed() -> AppConfig {
        var config = AppConfig()
        config.server.host = "0.0.0.0"
        config.board.users = boardTestUsers()
        config.admin.token = "a-long-random-token-for-tests"
        config.webhooks.generic.secret = "signing-secret"
        return config
    }

    @Test func onLoopbackTheDemoDefaultsStart() throws {
        try AppConfig().validate()
    }

    @Test func beyondLoopbackAFullySetConfigurationStarts() throws {
        try Self.exposed().validate()
    }

    @Test(arguments: ["board.users", "admin.token", "webhooks.generic.secret"])
    func eachMissingProtectionIsRefusedByName(key: String) {
        var config = Self.exposed()
        switch key {
        case "board.users": config.board.users = []
        case "admin.token": config.admin.token = AppConfig.Admin().token
        default: config.webhooks.generic.secret = ""
        }
        #expect {
            try config.validate()
        } throws: { error in
            "\(error)".contains(key)
        }
    }

    @Test func unsignedOneBotGroupsAreRefused() {
        var config = Self.exposed()
        config.channels = [ChannelConfig(id: "ob11", kind: .onebot11)]
        config.groups.append(GroupConfig(id: "123", role: .riders, channel: "ob11"))
        #expect {
            try config.validate()
        } throws: { error in
            "\(error)".contains("channels.ob11.secret")
        }
        config.channels[0].secret = "s"
        #expect(throws: Never.self) { try config.validate() }
    }
}
