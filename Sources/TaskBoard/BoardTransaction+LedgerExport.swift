import Foundation
import GRDB

// The ledger as the board shows and exports it.
extension BoardTransaction {
    /// Calls `body` with every entry booked in [`since`, `until`) (open-ended where nil) and its
    /// member, in id order — the order they were booked — through a cursor, for a CSV of any size.
    /// `body` must not change the database while the cursor runs.
    public func forEachLedgerEntry(
        since: Date?, until: Date?, _ body: (LedgerEntry, Member) throws -> Void
    ) throws {
        // Members are few next to their entries: read them once instead of decoding one per entry.
        let members = try Member.fetchAll(db)
        let byID = Dictionary(uniqueKeysWithValues: members.compactMap { member in member.id.map { ($0, member) } })
        var request = LedgerEntry.all().order(LedgerEntry.CodingKeys.id)
        if let since { request = request.filter(LedgerEntry.CodingKeys.createdAt >= Self.seconds(since)) }
        if let until { request = request.filter(LedgerEntry.CodingKeys.createdAt < Self.seconds(until)) }
        let cursor = try request.fetchCursor(db)
        while let entry = try cursor.next() {
            // The foreign key guarantees the member; a miss would mean a corrupt database.
            guard let member = byID[entry.memberID] else { throw BoardError.noSuchMember(String(entry.memberID)) }
            try body(entry, member)
        }
    }

    /// Ledger entries newest first, of one member or everyone, a page at a time.
    public func ledgerPage(memberID: Int64?, limit: Int, offset: Int) throws -> LedgerPage {
        var request = LedgerEntry.all()
        if let memberID { request = request.filter(LedgerEntry.CodingKeys.memberID == memberID) }
        let total = try request.fetchCount(db)
        let entries =
            try request
            .order(LedgerEntry.CodingKeys.id.desc)
            .limit(max(limit, 0), offset: max(offset, 0))
            .fetchAll(db)
        return LedgerPage(entries: entries, total: total)
    }
}
