/// WeCom robot texts are limited to 2,048 UTF-8 bytes: longer replies go out in several messages,
/// cut at line ends so a list item is never split.
enum RobotText {
    static func split(_ text: String, maxBytes: Int = 2048) -> [String] {
        guard text.utf8.count > maxBytes else { return [text] }
        var parts: [String] = []
        var current = ""
        func flush() {
            if !current.isEmpty { parts.append(current) }
            current = ""
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let joinCost = current.isEmpty ? 0 : 1
            if current.utf8.count + joinCost + line.utf8.count <= maxBytes {
                current += (current.isEmpty ? "" : "\n") + line
                continue
            }
            flush()
            if line.utf8.count <= maxBytes {
                current = String(line)
                continue
            }
            // A single line longer than the limit is cut between characters.
            for character in line {
                if current.utf8.count + character.utf8.count > maxBytes { flush() }
                current.append(character)
            }
        }
        flush()
        return parts
    }
}
