/// What can be done to an item once it exists; the stable codes of `BoardError.notAllowed` and
/// `.wrongState`, of the board's buttons and of the replies' action labels.
public enum ItemAction: String, Sendable, CaseIterable {
    case claim, release, submit, verify
    case `return`
    case assign, escalate, resolve, cancel, merge, locate, adopt
    /// A department's answer to an escalated item, recorded by the community.
    case answer
    /// 催办: the community presses the department an escalated item waits on.
    case chase
    /// The secretary approves a wish and publishes it to the members (点单 → 派单).
    case approveWish = "approve_wish"
}

/// Who is asking, seen from the item: the one table of rights needs nothing else.
public enum ItemRelation: Sendable, Equatable {
    /// The secretary, or the grid worker of the item's grid: acts as the community.
    case supervisor
    /// Holds the item (claimed or submitted).
    case claimant
    /// Reported it.
    case reporter
    /// Anyone else.
    case other
}

extension ItemStatus {
    /// The state table of design section 4: whether `action` may start from this state.
    public func allows(_ action: ItemAction) -> Bool {
        switch action {
        case .claim, .assign: self == .open
        case .release, .submit: self == .claimed
        case .verify, .return: self == .submitted
        // An escalated item escalated again goes one level up.
        case .escalate: self == .open || self == .claimed || self == .escalated
        case .answer, .chase: self == .escalated
        case .resolve: self == .escalated
        case .merge: self == .open || self == .claimed || self == .escalated
        case .cancel, .locate: !isTerminal
        case .adopt: self == .open || self == .claimed || self == .submitted
        case .approveWish: self == .open
        }
    }
}

extension ItemAction {
    /// The rights table: whether someone in `role`, standing in `relations` to an item, may do this.
    /// A claimant may only release or submit what they hold; a reporter may complete the place of
    /// their own report; everything else the community does, through its secretary or grid worker.
    public func isPermitted(for role: MemberRole, as relations: Set<ItemRelation>) -> Bool {
        switch self {
        case .claim: role.canClaim
        case .release: relations.contains(.claimant) || relations.contains(.supervisor)
        case .submit: relations.contains(.claimant)
        case .locate: relations.contains(.reporter) || relations.contains(.supervisor)
        case .verify, .return, .assign, .escalate, .resolve, .cancel, .merge, .adopt, .answer, .approveWish:
            relations.contains(.supervisor)
        // Pressing a department speaks for the community to the outside: the secretary's call.
        case .chase: role == .secretary
        }
    }
}

extension ItemAction {
    /// Adopting is what a community does with a suggestion; issues and wishes are done, not adopted.
    /// Only a wish waits for approval.
    public func applies(to kind: ItemKind) -> Bool {
        switch self {
        case .adopt: kind == .suggestion
        case .approveWish: kind == .wish
        default: true
        }
    }
}

extension Item {
    /// How `member` stands to this item (a member can be reporter and claimant at once).
    public func relations(of member: Member) -> Set<ItemRelation> {
        var relations: Set<ItemRelation> = []
        switch member.role {
        case .secretary: relations.insert(.supervisor)
        case .gridWorker where member.grid != nil && member.grid == grid: relations.insert(.supervisor)
        case .gridWorker, .member, .rider, .resident: break
        }
        if member.id != nil && member.id == claimantID { relations.insert(.claimant) }
        if member.id != nil && member.id == reporterID { relations.insert(.reporter) }
        return relations.isEmpty ? [.other] : relations
    }

    /// What `member` may do to the item now: the buttons a page shows.
    public func actions(for member: Member) -> [ItemAction] {
        let relations = relations(of: member)
        return ItemAction.allCases.filter {
            $0.applies(to: kind) && status.allows($0) && $0.isPermitted(for: member.role, as: relations)
                && (awaitsApproval ? $0 != .claim && $0 != .assign : $0 != .approveWish)
        }
    }
}
