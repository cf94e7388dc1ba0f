import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BotServer
@testable import TaskBoard

/// Issue 5: the simulator's messages take the webhook's path, and its replies come back as bubbles.
@Suite struct SimStoryTests {
    @Test func aPostedMessageIsStoredAsSimProcessedAndAnsweredInTheTranscript() async throws {
        try await withSimServer { client, store in
            // Given the rider persona asking for points
            let response = try await client.simPost(persona: "rider-1", group: "riders-1", text: "我的积分")
            #expect(response.status == .ok)
            let ack = try JSONDecoder().decode(JSONValue.self, from: Data(response.body.readableBytesView))
            let inboxID = try #require(ack["inbox_id"]?.number).rounded()

            // Then it sits in the inbox on channel sim, as the persona, and gets processed
            let row = try #require(try await store.read { tx in try tx.queue.inbox(id: Int64(inboxID)) })
            #expect(row.channel == "sim")
            #expect(row.groupID == "riders-1")
            #expect(row.senderID == "sim:sim-rider-1", "a persona is never a real member")
            #expect(row.platformMessageID == ack["message_id"]?.string)

            // And the transcript shows the message, then the bot's answer naming the persona
            let entries = try await client.simEntries(group: "riders-1", bots: 1)
            #expect(entries.count == 2)
            #expect(entries[0]["kind"]?.string == "user")
            #expect(entries[0]["sender"]?.string == "叶强")
            #expect(entries[0]["sender_id"]?.string == "sim:sim-rider-1")
            #expect(entries[0]["text"]?.string == "我的积分")
            #expect(entries[1]["kind"]?.string == "bot")
            #expect(entries[1]["text"]?.string?.contains("叶强 的积分\n· 社情民意收集 0 分") == true)
            #expect(entries[1]["mentions"]?.array?.compactMap(\.string) == ["叶强"])
            #expect(entries[1]["clock"]?.string?.count == 5)
            let processed = try await store.read { tx in try tx.queue.inbox(id: Int64(inboxID))?.state }
            #expect(processed == .processed)

            // And the reply went out on the simulator's channel and is marked sent
            let sent = try await store.read { tx in try tx.queue.outbox(status: .sent) }
            #expect(sent.map(\.channel) == ["sim"])
            #expect(sent.map(\.target) == ["riders-1"])
        }
    }

    @Test func aPhotoMessageCreatesAnItemWithTheSampleURL() async throws {
        try await withSimServer { client, store in
            // When a rider reports with a bundled photo and a shared location
            try await client.simPost(
                persona: "rider-1", group: "riders-1", text: "龙西小区12栋门口井盖坏了", photo: "manhole.jpg",
                location: "longxi-east")
            let entries = try await client.simEntries(group: "riders-1", bots: 1)

            // Then the item carries the sample's sim-sample: URL, and the bubble shows the photo and place
            let detail = try #require(try await store.read { tx in try tx.detail(itemID: 1) })
            #expect(detail.photos.map(\.url) == ["sim-sample:manhole.jpg"])
            #expect(detail.item.sourceChannel == "sim")
            #expect(detail.item.estate == "龙西小区")
            #expect(entries[0]["photos"]?.array?.compactMap(\.string) == ["manhole.jpg"])
            #expect(entries[0]["location"]?.string == "龙西小区东门")

            // And the receipt names the grid worker by the cast's name, mentioned as a name
            let receipt = try #require(JSONValue.botTexts(entries).first)
            #expect(receipt.contains("已收到 #1"))
            #expect(receipt.contains("第一网格（王芳）"))
            #expect(entries[1]["mentions"]?.array?.compactMap(\.string) == ["叶强", "王芳"])
        }
    }

    @Test func theWholeStoryPaysTheRightPoints() async throws {
        try await withSimServer { client, store in
            // A rider reports a broken manhole cover with a photo
            try await client.simPost(
                persona: "rider-1", group: "riders-1", text: "龙西小区12栋门口井盖坏了", photo: "manhole.jpg")
            var riders = JSONValue.botTexts(try await client.simEntries(group: "riders-1", bots: 1))
            #expect(riders[0].contains("已收到 #1"))
            #expect(riders[0].contains("井盖"))
            #expect(riders[0].contains("龙西小区12栋"))
            #expect(riders[0].contains("积分 +1"))

            // A party member registers, claims and completes it with a photo
            try await client.simPost(persona: "member-1", group: "members-1", text: "报到 张三")
            var members = JSONValue.botTexts(try await client.simEntries(group: "members-1", bots: 2))
            // The members' group heard of the new item before anyone wrote there; the chat opens on it.
            #expect(members[0].contains("新事项 #1"))
            #expect(members[1].contains("张三 报到成功"))
            try await client.simPost(persona: "member-1", group: "members-1", text: "认领 #1")
            members = JSONValue.botTexts(try await client.simEntries(group: "members-1", bots: 3))
            #expect(members[2].contains("#1 已由 张三 认领"))
            try await client.simPost(persona: "member-1", group: "members-1", text: "#1 完成", photo: "fixed.jpg")
            members = JSONValue.botTexts(try await client.simEntries(group: "members-1", bots: 4))
            #expect(members[3].contains("#1 已提交办结"))

            // Another member has not registered yet: 报到 first
            try await client.simPost(persona: "member-2", group: "members-1", text: "认领 #1")
            members = JSONValue.botTexts(try await client.simEntries(group: "members-1", bots: 5))
            #expect(members[4].contains("请先回复「报到 姓名」"))

            // The secretary verifies it
            try await client.simPost(persona: "secretary", group: "members-1", text: "验收 #1")
            members = JSONValue.botTexts(try await client.simEntries(group: "members-1", bots: 6))
            #expect(members[5].contains("#1 验收通过"))
            #expect(members[5].contains("张三 +5"))
            #expect(members[5].contains("叶强 +2"))

            // Points: 1 + 2 for the reporter, 5 for the claimant, and the leaderboard agrees
            try await client.simPost(persona: "rider-1", group: "riders-1", text: "我的积分")
            // (the reporter heard of the claim and of the verification in the riders' group)
            riders = JSONValue.botTexts(try await client.simEntries(group: "riders-1", bots: 4))
            #expect(riders[1].contains("您反映的 #1 井盖｜龙西小区12栋 已由 张三 认领"))
            #expect(riders[2].contains("#1 已办结 ✅ 感谢反映，+2"))
            #expect(riders[3].contains("· 社情民意收集 3 分"))
            #expect(riders[3].contains("可用余额 3 分"))
            try await client.simPost(persona: "member-1", group: "members-1", text: "积分榜")
            members = JSONValue.botTexts(try await client.simEntries(group: "members-1", bots: 7))
            #expect(members[6].contains("本周志愿服务参与积分榜\n1. 张三 5 分"))
            #expect(!members[6].contains("叶强"))

            // The rider gives a point to the 信用银行; the riders' group ranks 社情民意 and shows the pool
            try await client.simPost(persona: "rider-1", group: "riders-1", text: "捐赠 1")
            riders = JSONValue.botTexts(try await client.simEntries(group: "riders-1", bots: 5))
            #expect(riders[4].contains("感谢 叶强 向信用银行捐赠 1 分！信用银行现有 1 分"))
            try await client.simPost(persona: "rider-1", group: "riders-1", text: "积分榜")
            riders = JSONValue.botTexts(try await client.simEntries(group: "riders-1", bots: 6))
            #expect(riders[5].contains("本周社情民意收集积分榜\n1. 叶强 3 分\n信用银行现有 1 分，用于帮扶困难群众。"))

            let item = try #require(try await store.read { tx in try tx.item(id: 1) })
            #expect(item.status == .closed)
            let photos = try await store.read { tx in try tx.detail(itemID: 1)?.photos.map(\.url) }
            #expect(photos == ["sim-sample:manhole.jpg", "sim-sample:fixed.jpg"])
        }
    }

    @Test func theTranscriptResumesFromItsCursor() async throws {
        try await withSimServer { client, _ in
            try await client.simPost(persona: "rider-1", group: "riders-1", text: "我的积分")
            _ = try await client.simEntries(group: "riders-1", bots: 1)
            let (_, first) = try await client.simTranscript(group: "riders-1")
            let cursor = try #require(first?["cursor"]?.string)

            // Nothing new: an empty answer with the same place to resume
            let (status, again) = try await client.simTranscript(group: "riders-1", after: cursor)
            #expect(status == .ok)
            #expect(again?["entries"]?.array?.isEmpty == true)

            // A waiting poll answers as soon as something new arrives, with only the new bubbles
            let started = ContinuousClock.now
            async let waited = client.simTranscript(group: "riders-1", after: cursor, wait: 15)
            try await Task.sleep(for: .milliseconds(300))
            try await client.simPost(persona: "rider-2", group: "riders-1", text: "我的积分")
            let (waitedStatus, news) = try await waited
            #expect(waitedStatus == .ok)
            #expect(news?["entries"]?.array?.first?["text"]?.string == "我的积分")
            #expect(ContinuousClock.now - started < .seconds(10))
            let found = Box()
            _ = try await eventually {
                let (_, next) = try await client.simTranscript(group: "riders-1", after: cursor)
                await found.set(next?["entries"]?.array ?? [])
                return (next?["entries"]?.array?.count ?? 0) >= 2
            }
            let fresh = await found.value
            #expect(fresh.first?["sender"]?.string == "周小蜂")
            #expect(fresh.last?["kind"]?.string == "bot")

            // Another group's chat stays apart
            let (_, members) = try await client.simTranscript(group: "members-1")
            #expect(members?["entries"]?.array?.isEmpty == true)
        }
    }
}
