import Foundation

/// Board logins as the board's session middleware sees them: each call is one transaction of its
/// own, times on the store's clock. Only a hash of the browser's token is ever stored.
///
/// `BoardStore` implements it over SQLite (`board_sessions`); a PostgreSQL store implements the same
/// requirements and plugs into the board as `any SessionStore`, with nothing else of the board.
public protocol SessionStore: Sendable {
    /// Stores a new login that lasts `lifetime` seconds from now; expired logins are swept at the
    /// same time so the table stays small.
    func createSession(tokenHash: String, userName: String, csrfToken: String, lifetime: Double) async throws
        -> BoardSession

    /// The live login with this token hash, nil once expired. When it was last seen more than
    /// `touchAfter` seconds ago its expiry slides to `lifetime` seconds from now (the session returned
    /// is the one found, before the slide).
    func session(tokenHash: String, lifetime: Double, touchAfter: Double) async throws -> BoardSession?

    /// Logout.
    func deleteSession(tokenHash: String) async throws
}
