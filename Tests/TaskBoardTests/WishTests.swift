import Foundation
import Testing

@testable import TaskBoard

/// 微心愿 on the board: a wish waits for approval before it can be claimed, is approved once by the
/// community, and is pointed out when nobody takes it for two weeks.
@Suite("Wishes") struct WishTests {
    /// A wish filed as the chat files it when `wishes.approval` is on.
    static func heldWish(_ h: Harness, by reporter: Member) async throws -> Int64 {
        let reporterID = reporter.id!
        return try await h.run { tx in
            try tx.createItem(
                NewItem(
                    kind: .wish, location: Location(grid: "A"), text: "张桂英奶奶想请人陪她去医院", reporterID: reporterID,
                    awaitsApproval: true))
        }.item.id!
    }

    @Test func aWishWaitsForApprovalThenIsClaimable() async throws {
        let h = try await Harness.make()
        let id = try await Self.heldWish(h, by: h.resident)
        let (m1, sec) = (h.member1.id!, h.secretary.id!)
        #expect(try await h.item(id).awaitsApproval)
        try await h.expectRefusal(.notApproved(item: id)) { tx in try tx.claim(itemID: id, by: m1) }
        try await h.expectRefusal(.notApproved(item: id)) { tx in try tx.assign(itemID: id, to: m1, by: sec) }
        #expect(try await h.item(id).actions(for: h.secretary).contains(.approveWish))
        #expect(!(try await h.item(id).actions(for: h.secretary).contains(.assign)))

        h.clock.advance(hours: 30)
        let approved = try await h.run { tx in try tx.approve(itemID: id, by: sec) }.item
        #expect(approved.approvedAt == h.clock.now())
        #expect(!approved.awaitsApproval)
        // The wish's days run from its publication, not from the days it waited on the board.
        let wishHours = Double(PointRules().wishDeadlineHours)
        #expect(approved.dueAt == h.clock.now().addingTimeInterval(wishHours * 3600))
        #expect(!approved.actions(for: h.secretary).contains(.approveWish))
        _ = try await h.run { tx in try tx.claim(itemID: id, by: m1) }
        #expect(try await h.item(id).status == .claimed)
    }

    @Test func onlyTheCommunityApprovesOnlyAWaitingWishOnce() async throws {
        let h = try await Harness.make()
        let wish = try await Self.heldWish(h, by: h.resident)
        let issue = try await h.report(.issue, by: h.rider)
        let (m1, sec, gb) = (h.member1.id!, h.secretary.id!, h.gridB.id!)
        try await h.expectRefusal(.notAllowed(action: "approve_wish", role: .member)) { tx in
            try tx.approve(itemID: wish, by: m1)
        }
        // A grid worker of another grid is not the community for this wish.
        try await h.expectRefusal(.notAllowed(action: "approve_wish", role: .gridWorker)) { tx in
            try tx.approve(itemID: wish, by: gb)
        }
        try await h.expectRefusal(.wrongState(item: issue, status: .open, action: "approve_wish")) { tx in
            try tx.approve(itemID: issue, by: sec)
        }
        _ = try await h.run { tx in try tx.approve(itemID: wish, by: sec) }
        try await h.expectRefusal(.wrongState(item: wish, status: .open, action: "approve_wish")) { tx in
            try tx.approve(itemID: wish, by: sec)
        }
    }

    @Test func aWishFiledWithoutApprovalIsPublishedAtOnce() async throws {
        let h = try await Harness.make()
        let id = try await h.report(.wish, by: h.resident)
        let item = try await h.item(id)
        #expect(item.isApproved && item.approvedAt == item.createdAt)
        _ = try await h.run { [m1 = h.member1.id!] tx in try tx.claim(itemID: id, by: m1) }
    }

    @Test func thePublicationListsApprovedOpenWishesOldestFirstAndMarksTheLongUnclaimed() async throws {
        let h = try await Harness.make()
        let sec = h.secretary.id!
        let old = try await Self.heldWish(h, by: h.resident)
        _ = try await h.run { tx in try tx.approve(itemID: old, by: sec) }
        h.clock.advance(hours: 24 * 10)
        let newer = try await h.report(.wish, by: h.resident)
        let waiting = try await Self.heldWish(h, by: h.resident)
        let taken = try await h.report(.wish, by: h.resident)
        _ = try await h.run { [m1 = h.member1.id!] tx in try tx.claim(itemID: taken, by: m1) }

        let (listed, total) = try await h.run { tx in try tx.claimableWishes(limit: 1) }
        #expect(listed.map(\.id) == [old] && total == 2)
        #expect(try await h.run { tx in try tx.claimableWishes(limit: 10).items.map(\.id) } == [old, newer])
        #expect(try await h.run { tx in try tx.wishesAwaitingApprovalCount() } == 1)

        // Ten days after its publication the old wish is not yet long unclaimed; fourteen days after, it is.
        let now = h.clock.now()
        #expect(!(try await h.item(old)).isUnclaimedLong(at: now, days: 14))
        #expect(try await h.item(old).isUnclaimedLong(at: now.addingTimeInterval(4 * 86_400), days: 14))
        #expect(!(try await h.item(old)).isUnclaimedLong(at: now.addingTimeInterval(4 * 86_400), days: 0))
        #expect(!(try await h.item(taken)).isUnclaimedLong(at: now.addingTimeInterval(30 * 86_400), days: 14))
        #expect(!(try await h.item(waiting)).isUnclaimedLong(at: now.addingTimeInterval(30 * 86_400), days: 14))
    }

    @Test func theAfterPhotoIsTheClaimantsLatest() async throws {
        let h = try await Harness.make()
        let id = try await h.report(.wish, by: h.resident, photos: ["http://x/before.jpg"])
        let m1 = h.member1.id!
        let photo = try await h.run { tx in
            _ = try tx.claim(itemID: id, by: m1)
            _ = try tx.submit(
                itemID: id, by: m1, note: nil, photoURLs: ["http://x/after-1.jpg", "http://x/after-2.jpg"])
            return try tx.afterPhoto(of: try #require(try tx.item(id: id)))
        }
        #expect(photo?.url == "http://x/after-2.jpg")
    }
}

/// How a wish is shown in the groups: surname + title, a neutral word for nobody named, no phone, no room.
@Suite("Wish privacy") struct WishPrivacyTests {
    let privacy = WishPrivacy(
        surnames:
            "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝",
        titles: ["奶奶", "老奶奶", "大爷", "阿姨", "爷爷"], neutral: "居民",
        numbers: .init(
            roomMarkers: ["室", "号房", "房间"], roomAfter: ["栋", "幢", "号楼", "单元"],
            counted: ["楼", "元", "块", "年", "月", "日", "米", "斤", "个", "件", "本", "箱", "袋", "岁"]))

    @Test(arguments: [
        ("张桂英奶奶想请人陪她去医院", "张奶奶"),
        ("帮王大爷换个灯泡", "王大爷"),
        ("李阿姨家的水龙头漏水", "李阿姨"),
        ("独居老人想要一台收音机", "居民"),
        ("我奶奶腿脚不便想要一副拐杖", "居民"),
        ("刘奶奶和陈爷爷想学用智能手机", "刘奶奶"),
    ])
    func theBeneficiaryIsSurnameAndTitleOrNeutral(text: String, shown: String) {
        #expect(privacy.beneficiary(in: text) == shown)
    }

    @Test(arguments: [
        ("张桂英奶奶想请人陪她去医院，电话13812345678", "张奶奶想请人陪她去医院，电话***"),
        ("龙西小区12栋302室的王大爷想换灯泡", "龙西小区12栋***的王大爷想换灯泡"),
        ("12栋3单元502 李阿姨家水管坏了", "12栋3单元*** 李阿姨家水管坏了"),
        ("住在5-2-301的老人想要200元的助听器", "住在***的老人想要200元的助听器"),
        ("联系 138 1234 5678 或 0731-88886666", "联系 *** 或 ***"),
        ("门牌号1203，想要一个书架", "门牌号***，想要一个书架"),
        ("刘奶奶85岁，2026年想去看一次海", "刘奶奶85岁，2026年想去看一次海"),
        ("陈爷爷想学用智能手机", "陈爷爷想学用智能手机"),
    ])
    func theShownTextHasNoFullNamePhoneOrRoom(text: String, shown: String) {
        #expect(privacy.shown(text) == shown)
    }

    @Test func fullWidthDigitsAreHiddenToo() {
        #expect(privacy.shown("电话１３８１２３４５６７８") == "电话***")
    }
}
