import Foundation
import GRDB

// Party members' activities and the yearly duty they count towards.
extension BoardTransaction {
    /// The secretary books a member's attendance at an activity.
    public func recordActivity(memberID: Int64, name: String, heldOn: Date, by operatorID: Int64) throws -> Activity {
        try atomically {
            _ = try requireMember(memberID)
            let recorder = try requireMember(operatorID)
            guard recorder.role == .secretary else {
                throw BoardError.notAllowed(action: BoardAction.recordActivity.rawValue, role: recorder.role)
            }
            let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw BoardPageError.emptyActivityName }
            var activity = Activity(
                memberID: memberID, name: trimmed, heldOn: Self.normalized(heldOn), recordedBy: operatorID,
                createdAt: now)
            try activity.insert(db)
            return activity
        }
    }

    /// The member's activities, latest first, for the member's page.
    public func activities(memberID: Int64) throws -> [Activity] {
        try Activity
            .filter(Activity.CodingKeys.memberID == memberID)
            .order(Activity.CodingKeys.heldOn.desc, Activity.CodingKeys.id.desc)
            .fetchAll(db)
    }
}
