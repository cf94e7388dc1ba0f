import Foundation
import Testing

@testable import BotServer

/// The `escalation:` section: defaults with nothing set, the example file's list is the defaults,
/// a file names only what it changes, and a name given to two departments is refused by key.
@Suite struct EscalationConfigTests {
    @Test func theDefaultsAndTheExampleAgree() throws {
        let defaults = try AppConfig.load(path: nil, environment: [:]).escalation
        #expect(defaults.departments.map(\.name) == ["街道", "城管", "住建", "供电所", "派出所", "环保", "物业"])
        #expect(defaults.levels == ["社区", "街道", "区"])
        #expect(defaults.department(named: "综合执法")?.name == "城管")
        #expect(defaults.department(named: "街道综合执法")?.name == "城管")
        #expect(defaults.department(named: "水务局") == nil)
        let example = try AppConfig.load(
            path: ResourceLocator.resolve("config/fengchao.example.yaml"), environment: [:])
        #expect(example.escalation == defaults)
    }

    @Test func aFileNamesItsDepartmentsAndContactGroups() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/f.yaml"
        try """
        escalation:
          departments:
            - name: 水务
              aliases: [水务局, 自来水公司]
              group: { channel: ob11, id: "777" }
            - { name: 城管, deadline_hours: 12 }
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let escalation = try AppConfig.load(path: path, environment: [:]).escalation
        #expect(escalation.levels == ["社区", "街道", "区"])
        let water = try #require(escalation.department(named: "自来水公司"))
        #expect(water.name == "水务")
        #expect(water.deadlineHours == 72)
        #expect(water.group == PersonRef(channel: "ob11", id: "777"))
        #expect(escalation.department(named: "城管")?.deadlineHours == 12)
        #expect(escalation.department(named: "住建") == nil)
    }

    @Test func aNameOfTwoDepartmentsIsRefused() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/f.yaml"
        try """
        escalation:
          departments:
            - { name: 城管, aliases: [执法队] }
            - { name: 执法队 }
        """.write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            try AppConfig.load(path: path, environment: [:])
        } throws: { error in
            "\(error)".contains("escalation.departments")
        }
    }
}
