import HummingbirdBcrypt
import Testing

@testable import BotServer

/// An unknown login name costs as much bcrypt work as a known one: the decoy hash is made at the
/// highest cost among the accounts, so timing does not tell which names exist.
@Suite struct LoginDecoyTests {
    @Test func theDecoyCostsAsMuchAsTheDearestAccount() async {
        var board = BoardConfig()
        board.users = boardTestUsers()
        #expect(BoardAccounts(config: board, people: .init()).decoyCost == 4)
        board.users[1].passwordHash = Bcrypt.hash("pw-secret", cost: 6)
        let accounts = BoardAccounts(config: board, people: .init())
        #expect(accounts.decoyCost == 6)
        #expect(await accounts.authenticate(name: "nobody", password: "pw-secret") == nil)
        #expect(await accounts.authenticate(name: "gw", password: "pw-secret")?.name == "gw")
    }

    @Test func aHashsCostIsRead() {
        #expect(BoardAccounts.cost(of: "$2b$12$abcdefghijklmnopqrstuv") == 12)
        #expect(BoardAccounts.cost(of: "not a hash") == nil)
    }
}
