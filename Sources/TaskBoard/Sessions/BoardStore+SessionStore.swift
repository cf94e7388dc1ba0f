import Foundation
import GRDB

extension BoardStore: SessionStore {
    public func createSession(tokenHash: String, userName: String, csrfToken: String, lifetime: Double)
        async throws -> BoardSession
    {
        try await write { tx in
            let session = BoardSession(
                tokenHash: tokenHash, userName: userName, csrfToken: csrfToken, createdAt: tx.now,
                expiresAt: tx.now.addingTimeInterval(lifetime), lastSeenAt: tx.now)
            try tx.db.execute(
                sql: "DELETE FROM board_sessions WHERE expires_at < ?", arguments: [BoardTransaction.seconds(tx.now)])
            try session.insert(tx.db)
            return session
        }
    }

    public func session(tokenHash: String, lifetime: Double, touchAfter: Double) async throws -> BoardSession? {
        try await write { tx in
            guard
                let session =
                    try BoardSession
                    .filter(BoardSession.CodingKeys.tokenHash == tokenHash)
                    .filter(BoardSession.CodingKeys.expiresAt > BoardTransaction.seconds(tx.now))
                    .fetchOne(tx.db)
            else { return nil }
            if tx.now.timeIntervalSince(session.lastSeenAt) > touchAfter {
                try tx.db.execute(
                    sql: "UPDATE board_sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?",
                    arguments: [
                        BoardTransaction.seconds(tx.now), BoardTransaction.seconds(tx.now.addingTimeInterval(lifetime)),
                        tokenHash,
                    ])
            }
            return session
        }
    }

    public func deleteSession(tokenHash: String) async throws {
        try await write { tx in
            try tx.db.execute(sql: "DELETE FROM board_sessions WHERE token_hash = ?", arguments: [tokenHash])
        }
    }
}
