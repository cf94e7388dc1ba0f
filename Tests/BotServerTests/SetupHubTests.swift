import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import BotServer
@testable import TaskBoard

/// `/board/setup`: the set-up pages' hub and the audit log, worded; the secretary's links only for her.
@Suite struct SetupHubTests {
    @Test func theAuditLogIsWordedAndPagedAndTheSecretaryAloneSeesAccounts() async throws {
        try await withServer(platform: ReplyRecorder(), configure: BoardTests.configure) { client, store in
            try await store.write { tx in
                for n in 1...51 {
                    try tx.audit(SetupChange(.estateAdd, subject: "小区\(n)", detail: "G2"), by: "sec")
                }
            }
            let secretary = BoardClient(client)
            _ = try await secretary.login("sec", "pw-secret")
            let first = try await secretary.get("/board/setup")
            #expect(first.status == .ok)
            #expect(first.html.contains("<td class=\"action\">新增小区</td><td class=\"subject\">小区51</td>"))
            #expect(!first.html.contains("<td class=\"subject\">小区1</td>"))
            #expect(first.html.contains("/board/setup/accounts"))
            #expect(first.html.contains("/board/setup?page=1"))
            let older = try await secretary.get("/board/setup?page=1")
            #expect(older.html.contains("<td class=\"subject\">小区1</td>"))
            #expect(older.html.contains("/board/setup?page=0"))

            let worker = BoardClient(client)
            _ = try await worker.login("gw", "pw-secret")
            let page = try await worker.get("/board/setup")
            #expect(page.status == .ok)
            #expect(page.html.contains("小区51"))
            #expect(!page.html.contains("/board/setup/accounts"))
            #expect(!page.html.contains("/board/setup/settings"))
        }
    }
}
