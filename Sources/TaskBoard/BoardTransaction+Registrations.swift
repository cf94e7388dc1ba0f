import Foundation
import GRDB

// Registration (baodao) approval: a party member's registration counts once the secretary confirms it.
extension BoardTransaction {
    /// Registrations awaiting approval, the longest-waiting first.
    public func pendingRegistrations() throws -> [Member] {
        try Member
            .filter(Member.CodingKeys.role == MemberRole.member)
            .filter(Member.CodingKeys.registeredAt != nil && Member.CodingKeys.approvedAt == nil)
            .order(Member.CodingKeys.registeredAt, Member.CodingKeys.id)
            .fetchAll(db)
    }

    /// The secretary confirms a pending registration.
    public func approveRegistration(memberID: Int64, by operatorID: Int64) throws -> Member {
        try atomically {
            var member = try requireMember(memberID)
            let approver = try requireMember(operatorID)
            guard approver.role == .secretary else {
                throw BoardError.notAllowed(action: BoardAction.approve.rawValue, role: approver.role)
            }
            guard member.isPendingRegistration else { throw BoardPageError.notPending(member: memberID) }
            member.approvedAt = now
            member.approvedBy = operatorID
            try member.update(db)
            return member
        }
    }
}
