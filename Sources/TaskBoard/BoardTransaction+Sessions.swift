import Foundation
import GRDB

extension BoardTransaction {
    /// Stores a new login; expired sessions are swept at the same time so the table stays small.
    public func createSession(_ session: BoardSession) throws {
        try db.execute(
            sql: "DELETE FROM board_sessions WHERE expires_at < ?", arguments: [Self.seconds(now)])
        try session.insert(db)
    }

    /// The live session with this token hash; an expired one is gone.
    public func session(tokenHash: String) throws -> BoardSession? {
        try BoardSession
            .filter(BoardSession.CodingKeys.tokenHash == tokenHash)
            .filter(BoardSession.CodingKeys.expiresAt > Self.seconds(now))
            .fetchOne(db)
    }

    /// Slides the expiry forward while the user is active.
    public func touchSession(tokenHash: String, expiresAt: Date) throws {
        try db.execute(
            sql: "UPDATE board_sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?",
            arguments: [Self.seconds(now), Self.seconds(expiresAt), tokenHash])
    }

    /// Logout.
    public func deleteSession(tokenHash: String) throws {
        try db.execute(sql: "DELETE FROM board_sessions WHERE token_hash = ?", arguments: [tokenHash])
    }
}
