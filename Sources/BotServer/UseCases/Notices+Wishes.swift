import TaskBoard

extension Notices {
    /// What the members' groups hear of a wish beyond its filing: its announcement once approved
    /// (派单), 晒单 with the after photo once verified; nil for anything else.
    func wishNews(_ happened: Happened, tx: BoardTransaction) throws -> ReplyDraft? {
        switch happened {
        case .approvedWish(let item, let route, _):
            return try replies.announcement(of: item, route: route, photo: try tx.firstPhoto(of: item.number))
        case .verified(let item, _) where item.kind == .wish:
            let claimant = try item.claimantID.flatMap { try tx.member(id: $0) }
            return try replies.wishFulfilled(item, claimant: claimant, photo: try tx.afterPhoto(of: item))
        default:
            return nil
        }
    }
}
