import ArgumentParser
import Foundation
import HummingbirdBcrypt

/// `fengchao hash-password`: the bcrypt hash for a `board.users` entry. The password is read from
/// standard input, so it stays out of the shell history and the process list.
struct HashPasswordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash-password",
        abstract: "Print the bcrypt hash of a password read from standard input (for board.users[].password_hash)."
    )

    @Option(help: "bcrypt cost: each step doubles the work (10-14 are usual).")
    var cost: UInt8 = 12

    func validate() throws {
        guard (4...31).contains(cost) else { throw ValidationError("--cost must be between 4 and 31.") }
    }

    func run() throws {
        if isatty(STDIN_FILENO) != 0 {
            FileHandle.standardError.write(Data("Password: ".utf8))
        }
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw ValidationError("no password on standard input")
        }
        print(Bcrypt.hash(line, cost: cost))
    }
}
