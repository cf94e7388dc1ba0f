import IntentParser
import TaskBoard

extension Conversation {
    /// The points commands — "采纳 #15", "兑换 @叶强 洗衣液", "捐赠 20" — through the same use cases
    /// as the board; nil for a message that is none of them.
    func pointsCommand(_ parsed: ParseResult) throws -> [ReplyDraft]? {
        switch parsed.directive {
        case .adopt:
            guard let ref = parsed.itemRef else { return [try askForItem(.exampleAdopt)] }
            return [try reply(commands.adopt(Int64(ref), note: parsed.note))]
        case .exchange:
            guard let name = parsed.points?.member, let goods = parsed.points?.goods else { return nil }
            do {
                return [try reply(commands.exchange(named: name, goods: goods, catalog: replies.exchangeCatalog))]
            } catch ExchangeMiss.goods(let goods) {
                return [try replies.catalog(missing: goods, to: member)]
            } catch ExchangeMiss.member(let name) {
                return [try replies.toSender(member, .unknownMember, NameView(name: name))]
            }
        case .donate:
            guard let amount = parsed.points?.amount else { return nil }
            return [try reply(commands.donate(amount, poolName: replies.labels.word(.creditBank)))]
        default:
            return nil
        }
    }
}
