import Foundation
import IntentParser

/// Whole messages that are fixed commands the parser does not read yet: answered by chat-level
/// routing until its lexicon takes them (a parser follow-up, so no parser file changes here). Only
/// an exact message, trimmed of spaces and question marks, counts: "还有活吗" asks for work, "还有活吗
/// 我明天有空" is left to the parser.
enum FixedPhrases {
    /// "Any work left?": the claimable list, as "有单吗" is.
    static let askForWork: Set<String> = ["还有活吗", "还有活没", "还有活儿吗", "有活吗", "有活没有", "有没有活"]

    /// The parser's reading, or the fixed command the whole message is.
    static func reading(_ text: String, parsed: ParseResult) -> ParseResult {
        guard parsed.intent == .chitchat else { return parsed }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "?？!！。~")))
        guard askForWork.contains(trimmed) else { return parsed }
        return ParseResult(intent: .query, query: .todo, confidence: parsed.confidence)
    }
}
