/// Picks the person's name out of a check-in ("在职党员刘建国 区住建局 前来报到"):
/// the first 2–3 character token that starts with a common surname once the
/// check-in words, role words and organisations are set aside.
struct RegisterNameExtractor: Sendable {
    let surnames: Set<Unicode.Scalar>

    init(surnames: String) {
        self.surnames = Set(surnames.unicodeScalars)
    }

    func name(in hits: CueHits) -> String? {
        let t = hits.text
        var masked = [Bool](repeating: false, count: t.count)
        for h in hits.longestNonOverlapping([.register, .registerNoise]) {
            for k in h.start..<h.end { masked[k] = true }
        }
        var start = 0
        while start < t.count {
            while start < t.count && (masked[start] || !isNameChar(t[start])) { start += 1 }
            var end = start
            while end < t.count && !masked[end] && isNameChar(t[end]) { end += 1 }
            if (2...3).contains(end - start), surnames.contains(t[start]),
                !hits.hits.contains(where: { $0.kind == .organisationSuffix && $0.end == end && $0.start >= start })
            {
                var v = String.UnicodeScalarView()
                v.append(contentsOf: t[start..<end])
                return String(v)
            }
            start = max(end, start + 1)
        }
        return nil
    }

    private func isNameChar(_ s: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(s.value)
    }
}
