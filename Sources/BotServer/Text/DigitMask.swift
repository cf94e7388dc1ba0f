/// Hides phone and ID-card numbers (any run of 7 or more digits, ASCII or full-width, spaces and
/// dashes inside allowed) so they never reach a log line or a reply that echoes a resident's words:
/// "联系电话13812345678" becomes "联系电话138******78", enough for a person to recognise, not to dial.
enum DigitMask {
    static let minimumRun = 7

    static func mask(_ text: String) -> String {
        var out = ""
        var run: [Character] = []
        var digits = 0
        func flush() {
            if digits >= minimumRun {
                var seen = 0
                for character in run {
                    if isDigit(character) {
                        seen += 1
                        out.append(seen <= 3 || seen > digits - 2 ? character : "*")
                    } else {
                        out.append(character)
                    }
                }
            } else {
                out.append(contentsOf: run)
            }
            run.removeAll(keepingCapacity: true)
            digits = 0
        }
        for character in text {
            if isDigit(character) {
                run.append(character)
                digits += 1
            } else if !run.isEmpty && (character == " " || character == "-") {
                run.append(character)
            } else {
                flush()
                out.append(character)
            }
        }
        flush()
        return out
    }

    private static func isDigit(_ character: Character) -> Bool {
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else { return false }
        return ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar)
    }
}
