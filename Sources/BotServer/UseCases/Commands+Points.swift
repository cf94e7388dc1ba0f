import TaskBoard

/// What an exchange by chat cannot book, answered in the chat's own words rather than the board's
/// refusals: goods the catalog does not list (the catalog is shown), a name nobody has.
enum ExchangeMiss: Error, Equatable {
    case goods(String)
    case member(String)
}

extension Commands {
    /// "兑换 @叶强 洗衣液": the secretary books what the named member's points buy, at the catalog's
    /// price. Rights first, so nobody else learns the catalog or who is a member this way.
    func exchange(named name: String, goods: String, catalog: [CatalogEntry]) throws -> Happened {
        try tx.requireSecretary(actor.id ?? 0, for: .exchange)
        guard let memberID = try tx.memberID(named: name) else { throw ExchangeMiss.member(name) }
        guard let entry = CatalogEntry.matching(goods, in: catalog) else { throw ExchangeMiss.goods(goods) }
        return try exchange(memberID: memberID, goods: entry.name, cost: entry.cost)
    }

    /// "捐赠 20": the actor gives points to the community's 信用银行, named `poolName` when it is
    /// first created.
    func donate(_ amount: Int, poolName: String) throws -> Happened {
        _ = try tx.donateToCreditBank(memberID: actor.id ?? 0, amount: amount, poolName: poolName)
        return .donated(actor, amount: amount, pool: try tx.creditBankBalance())
    }
}

extension CatalogEntry {
    /// The entry named exactly, else the only one whose name contains the words or is contained in
    /// them ("洗衣液" buys "洗衣液一瓶"); nil when none or several do.
    static func matching(_ goods: String, in catalog: [CatalogEntry]) -> CatalogEntry? {
        if let exact = catalog.first(where: { $0.name == goods }) { return exact }
        let close = catalog.filter { $0.name.contains(goods) || goods.contains($0.name) }
        return close.count == 1 ? close[0] : nil
    }
}
