import Foundation
import IntentParser
import Logging
import Testing
import Yams

@testable import BotServer

/// The simulator's configuration: its section, its mirrored groups, and its cast file.
@Suite struct SimConfigTests {
    @Test func simGroupsMirrorTheGenericGroups() {
        var config = AppConfig()
        #expect(
            config.group(channel: "sim", id: "riders-1") == GroupConfig(id: "riders-1", role: .riders, channel: "sim"))
        #expect(config.group(channel: "sim", id: "members-1")?.role == .members)
        #expect(config.group(channel: "sim", id: "other") == nil)
        // A generic group's reply_via does not follow it: simulator replies stay on the simulator's channel.
        config.groups = [GroupConfig(id: "riders-1", role: .riders, replyVia: "robot1")]
        #expect(config.group(channel: "sim", id: "riders-1")?.replyVia == nil)
        #expect(config.group(channel: "generic", id: "riders-1")?.replyVia == "robot1")
        config.sim.enabled = false
        #expect(config.group(channel: "sim", id: "riders-1") == nil)
    }

    @Test func theSectionIsReadWithItsPathRelativeToTheFile() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/f.yaml"
        try "sim: { enabled: false, personas: cast.yaml }\n".write(toFile: path, atomically: true, encoding: .utf8)
        let config = try AppConfig.load(path: path, environment: [:])
        #expect(config.sim.enabled == false)
        #expect(config.sim.personas == directory + "/cast.yaml")
        #expect(try AppConfig.load(path: nil, environment: [:]).sim == SimConfig())
    }

    @Test func aChannelMayNotTakeTheSimulatorsName() throws {
        var config = AppConfig()
        var channel = ChannelConfig(id: "sim", kind: .wecomGroupRobot)
        channel.webhookURL = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k"
        config.channels = [channel]
        #expect(throws: ConfigError.self) { try config.validate() }
        config.sim.enabled = false
        #expect(throws: Never.self) { try config.validate() }
    }

    @Test func theBundledCastLoadsAndFitsTheDefaultGroups() throws {
        let config = AppConfig()
        let cast = try SimCast.load(
            path: ResourceLocator.resolve(config.sim.personas), groups: config.simGroups,
            samples: ["manhole.jpg", "fixed.jpg", "fire-lane.jpg", "drain.jpg"], gazetteer: try gazetteer(),
            logger: quiet())
        #expect(cast.persona("secretary")?.senderID == config.people.secretaries.first?.id)
        #expect(cast.persona("grid-1")?.senderID == config.people.gridWorkers["G1"]?.first?.id)
        #expect(cast.personas.allSatisfy { !$0.groups.isEmpty })
        #expect(cast.script.first?.photo == "manhole.jpg")
        let market = try #require(cast.location("market"))
        #expect(market.lat == 30.2709)
        #expect(market.lon == 118.1418)
    }

    @Test func aCastThatDoesNotFitIsTrimmedNotFatal() throws {
        let cast = SimCast(
            personas: [
                SimPersona(id: "a", name: "甲", senderID: "s-a", groups: ["riders-1", "gone"]),
                SimPersona(id: "b", name: "乙", senderID: "s-b", groups: ["gone"]),
            ],
            script: [
                SimScriptStep(persona: "b", group: "gone", text: "x"),
                SimScriptStep(persona: "a", group: "riders-1", text: "y", photo: "missing.jpg"),
            ])
        let fitted = try cast.fitted(
            path: "cast.yaml", groups: ["riders-1"], samples: [], gazetteer: try gazetteer(), logger: quiet())
        #expect(fitted.personas.map(\.id) == ["a"])
        #expect(fitted.personas[0].groups == ["riders-1"])
        #expect(fitted.script == [SimScriptStep(persona: "a", group: "riders-1", text: "y")])
    }

    @Test func aBrokenCastStopsStartUpNamingTheKey() throws {
        let twice = SimCast(personas: [
            SimPersona(id: "a", name: "甲", senderID: "s-a", groups: []),
            SimPersona(id: "a", name: "乙", senderID: "s-b", groups: []),
        ])
        #expect(throws: ConfigError.self) {
            try twice.fitted(path: "c.yaml", groups: [], samples: [], gazetteer: try gazetteer(), logger: quiet())
        }
        let nowhere = SimCast(personas: [], locations: [SimLocation(id: "x", label: "月球")])
        do {
            _ = try nowhere.fitted(path: "c.yaml", groups: [], samples: [], gazetteer: try gazetteer(), logger: quiet())
            Issue.record("a location without coordinates was accepted")
        } catch let error as ConfigError {
            #expect(error.description.contains("locations.x"))
        }
    }

    private func gazetteer() throws -> Gazetteer {
        let config = AppConfig()
        return try Community.load(
            communityPath: ResourceLocator.resolve(config.community),
            lexiconPath: ResourceLocator.resolve(config.lexicon)
        ).gazetteer
    }

    private func quiet() -> Logger { quietLogger() }
}
