import Hummingbird
import IntentParser
import Logging
import TaskBoard

extension BoardSite {
    /// Runs a board form's action as the logged-in user's member, in one transaction, and goes back
    /// to `back` with a notice: what was done, or any refusal in the same words the chat uses
    /// (`Replies.refusalText`). An error that is not a refusal rolls the transaction back and fails
    /// the request, as a fault should.
    func perform(
        user: BoardUser, context: BoardRequestContext, back: String, what: String,
        _ body: @escaping @Sendable (BoardTransaction, Member) throws -> String
    ) async throws -> Response {
        let replies = useCases.replies
        let (notice, refused) = try await store.write { tx -> (String, Bool) in
            let actor = try user.member(in: tx)
            do {
                return (try body(tx, actor), false)
            } catch {
                guard let refusal = try replies.refusalText(error, to: actor) else { throw error }
                return (refusal, true)
            }
        }
        if refused {
            context.logger.notice(
                "board.refused", metadata: ["board.user": "\(user.name)", "action": "\(what)", "reason": "\(notice)"])
        } else {
            context.logger.info("board.action", metadata: ["board.user": "\(user.name)", "action": "\(what)"])
            await outboxSignal.notify()
        }
        return redirect(to: back, notice: notice, isError: refused)
    }
}

extension BoardSite {
    /// The place a board form names (estate, building, unit, landmark), or nil when it names
    /// neither an estate nor a landmark. Routed to its grid when filed or located.
    func location(from form: FormFields) -> Location? {
        let location = Location(
            estate: form["estate"], building: parser.formNumber(form["building"]),
            unit: parser.formNumber(form["unit"]), landmark: form["landmark"])
        return location.namesAPlace ? location : nil
    }

    /// A grid worker files (for someone, or from the review queue) only into the own grid; the
    /// secretary anywhere. The same `mayAccess(grid:)` rule as every other board path.
    func requireGrid(of filing: Filing, for user: BoardUser, actor: Member) throws {
        guard user.mayAccess(grid: useCases.router.route(filing.location).grid) else {
            throw BoardError.notAllowed(action: BoardAction.file.rawValue, role: actor.role)
        }
    }

    /// An issue's category from a board form: one the parser knows, else "other".
    func category(from form: FormFields) -> String {
        (form["category"].flatMap(Category.init(rawValue:)) ?? .other).rawValue
    }
}
