/// 报到 first: a party member takes tasks once they have registered with the community ("在职党员
/// 到社区报到"), and, where the community wants it, once the secretary has confirmed them.
public struct RegistrationRule: Sendable, Equatable {
    /// A party member must register (报到 姓名) before claiming.
    public var required: Bool
    /// … and the secretary must approve the registration on the board.
    public var approval: Bool

    /// On by default, without approval: the practice the seeds describe.
    public init(required: Bool = true, approval: Bool = false) {
        self.required = required
        self.approval = approval
    }

    /// Why `member` may not claim yet; nil when they may. Only party members register: the
    /// secretary and grid workers are named in the configuration, and riders and residents do not
    /// claim at all (the rights table tells them so).
    public func refusal(for member: Member) -> BoardError? {
        guard required, member.role == .member else { return nil }
        if member.registeredAt == nil { return .notRegistered(awaitingApproval: false) }
        if approval && member.approvedAt == nil { return .notRegistered(awaitingApproval: true) }
        return nil
    }

    /// Whether a registration just made still waits for the secretary.
    public func awaitsApproval(_ member: Member) -> Bool {
        approval && member.role == .member && member.approvedAt == nil
    }
}
