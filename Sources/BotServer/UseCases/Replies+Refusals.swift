import TaskBoard

extension Replies {
    /// A refusal in the group's words, addressed to the one who asked.
    func refusal(_ error: BoardError, to actor: Member) throws -> ReplyDraft {
        try toSender(actor, refusalTemplate(error), refusalView(error))
    }

    /// The words for anything a use case can refuse with, wherever it was asked: the one mapping
    /// of error families to sentences. Nil for an error that is not a refusal (a fault: let it fail).
    func refusalText(_ error: any Error, to actor: Member) throws -> String? {
        switch error {
        case let boardError as BoardError:
            return try refusal(boardError, to: actor).text
        case let pageError as BoardPageError:
            return labels.word(pageError.word)
        case let invalid as BoardFormError:
            return labels.word(invalid.word)
        case let unknown as UnknownDepartment:
            return try unknownDepartment(unknown, item: nil, to: actor).text
        case StoreError.invalidAmount:
            return labels.word(.refusedInvalidAmount)
        default:
            return nil
        }
    }

    private func refusalTemplate(_ error: BoardError) -> ReplyTemplate {
        switch error {
        case .noSuchItem: .refusedNoSuchItem
        case .noSuchMember: .refusedNoSuchMember
        case .alreadyClaimed: .refusedAlreadyClaimed
        case .alreadyYours: .refusedAlreadyYours
        case .notClaimant: .refusedNotClaimant
        case .notAllowed: .refusedNotAllowed
        case .wrongState: .refusedWrongState
        case .tooManyClaims: .refusedTooManyClaims
        case .ownItem: .refusedOwnItem
        case .insufficientBalance: .refusedInsufficientBalance
        case .invalidMerge: .refusedInvalidMerge
        case .notRegistered: .refusedNotRegistered
        case .stillOpen: .refusedStillOpen
        case .reopenTooLate: .refusedReopenTooLate
        case .notApproved: .refusedNotApproved
        }
    }

    private func refusalView(_ error: BoardError) -> Any {
        switch error {
        case .noSuchItem(let item), .alreadyYours(let item), .ownItem(let item), .notApproved(let item):
            ItemOnlyView(item: item)
        case .noSuchMember: EmptyView()
        case .alreadyClaimed(let item, let name): NameRefusalView(item: item, name: name)
        case .notClaimant(let item, let name): ClaimantRefusalView(item: item, name: name)
        case .notAllowed(let action, let role):
            NotAllowedView(role: labels.role(role), action: labels.action(action))
        case .wrongState(let item, let status, let action):
            WrongStateView(item: item, status: labels.status(status), action: labels.action(action))
        case .tooManyClaims(let limit): LimitView(limit: limit)
        case .insufficientBalance(let balance, let cost): BalanceView(balance: balance, cost: cost)
        case .invalidMerge(let item, let into): MergeRefusalView(item: item, into: into)
        case .notRegistered(let awaiting): NotRegisteredView(awaitingApproval: awaiting)
        case .stillOpen(let item): ItemOnlyView(item: item)
        case .reopenTooLate(let item, let days): ReopenTooLateView(item: item, days: days)
        }
    }
}

extension BoardPageError {
    /// The board's words for this refusal.
    var word: Word {
        switch self {
        case .notPending: .refusedNotPending
        case .noSuchReview: .reviewNotFound
        case .reviewClosed: .refusedReviewClosed
        case .emptyActivityName: .formMissingActivity
        case .noSuchJoinedReport: .joinedReportNotFound
        }
    }
}
