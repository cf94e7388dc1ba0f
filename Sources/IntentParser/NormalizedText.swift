/// A message after clean-up: half-width, simplified, digits for numbers, no
/// decoration. Everything downstream reads `scalars`.
struct NormalizedText: Sendable, Equatable {
    /// The cleaned text, one Unicode scalar per element.
    var scalars: [Unicode.Scalar]
    /// Where a "done" emoji (✅ 👌) stood: the end of the text before it, spaces trimmed.
    var doneMarks: [Int] = []
    /// The text as written, and for each cleaned scalar the written stretch it came from, so a name
    /// the parser found (育才東苑, 帝大御璟城A区, 西湖一号) is reported as the writer wrote it.
    var source: [Unicode.Scalar] = []
    var origin: [Int32] = []
    var originEnd: [Int32] = []

    /// The cleaned text as a String, for notes and tests.
    var string: String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars)
        return String(s)
    }

    /// The written text behind the cleaned scalars `range`.
    func written(_ range: Range<Int>) -> String {
        var s = String.UnicodeScalarView()
        guard !range.isEmpty, range.upperBound <= origin.count else {
            s.append(contentsOf: scalars[range])
            return String(s)
        }
        s.append(contentsOf: source[Int(origin[range.lowerBound])..<Int(originEnd[range.upperBound - 1])])
        return String(s)
    }

    /// The written text after the cleaned scalars up to `end`: what clean-up dropped ("@叶强") included.
    func written(after end: Int) -> String {
        var s = String.UnicodeScalarView()
        guard end > 0, end <= originEnd.count else {
            s.append(contentsOf: scalars[min(max(end, 0), scalars.count)...])
            return String(s)
        }
        s.append(contentsOf: source[Int(originEnd[end - 1])...])
        return String(s)
    }

    static func == (a: NormalizedText, b: NormalizedText) -> Bool {
        a.scalars == b.scalars && a.doneMarks == b.doneMarks
    }
}
