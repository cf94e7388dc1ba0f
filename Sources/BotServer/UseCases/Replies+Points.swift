import TaskBoard

extension Replies {
    /// What points buy: the configured catalog, or the sample one of `labels.yaml`.
    var exchangeCatalog: [CatalogEntry] {
        config.board.exchangeCatalog.isEmpty ? labels.catalog ?? [] : config.board.exchangeCatalog
    }

    /// "兑换 @叶强 牙膏" names goods the catalog lacks: the catalog, to the secretary.
    func catalog(missing goods: String, to sender: Member) throws -> ReplyDraft {
        let entries = exchangeCatalog.map { CatalogLineView(name: $0.name, cost: $0.cost) }
        return try toSender(sender, .exchangeCatalog, CatalogView(goods: goods, entries: entries))
    }

    /// The champion's "12 条问题 + 1 条建议" as parts the template joins; empty when nothing was counted.
    func contributionParts(_ contribution: Contribution?, of board: PointsBoard) -> [ContributionPartView] {
        guard let contribution else { return [] }
        let counts: [(Int, Word)] =
            board == .service
            ? [(contribution.tasks, .contributionTasks)]
            : [
                (contribution.issues, .contributionIssues), (contribution.suggestions, .contributionSuggestions),
                (contribution.adopted, .contributionAdopted),
            ]
        return counts.filter { $0.0 > 0 }.enumerated().map { index, part in
            ContributionPartView(count: part.0, unit: labels.word(part.1), plus: index > 0)
        }
    }
}

/// "捐赠 20" answered: who gave, how much, and what the pool holds now.
struct DonatedView: Sendable {
    var name: String
    var amount: Int
    var pool: String
    var balance: Int
}

/// The exchange catalog, when the goods asked for are not in it.
struct CatalogView: Sendable {
    var goods: String
    var entries: [CatalogLineView]
}

struct CatalogLineView: Sendable {
    var name: String
    var cost: Int
}

/// One count of a champion's line ("12 条问题"); `plus` when another part comes before it.
struct ContributionPartView: Sendable {
    var count: Int
    var unit: String
    var plus: Bool
}

/// What the 信用银行 holds, under the leaderboard.
struct PoolView: Sendable {
    var name: String
    var points: Int
}
