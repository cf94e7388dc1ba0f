/// A message after clean-up: half-width, simplified, digits for numbers, no
/// decoration. Everything downstream reads `scalars`.
struct NormalizedText: Sendable, Equatable {
    /// The cleaned text, one Unicode scalar per element.
    var scalars: [Unicode.Scalar]
    /// Where a "done" emoji (✅ 👌) stood: the end of the text before it, spaces trimmed.
    var doneMarks: [Int] = []

    /// The cleaned text as a String, for notes and tests.
    var string: String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars)
        return String(s)
    }
}
