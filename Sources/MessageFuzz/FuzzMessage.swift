import IntentParser

/// One generated message with a sender role and attachments, as the parser's fuzz inputs are made
/// both in the tests and by `fengchao fuzz`. Roles and attachments are raw strings and numbers so
/// this target does not depend on the parser; callers map them.
public struct FuzzMessage: Sendable {
    public enum Attachment: Sendable {
        case image(String)
        case location(lat: Double, lon: Double, label: String?)
    }

    public var text: String
    /// One of rider, member, secretary, resident, unknown.
    public var role: String
    public var attachments: [Attachment]

    public init(generator: MessageGenerator, index: Int) {
        text = generator.message(at: index)
        var rng = SplitMix64(seed: generator.seed &+ 0x5151 &+ UInt64(truncatingIfNeeded: index))
        role = ["rider", "member", "secretary", "resident", "unknown"].randomElement(using: &rng)!
        attachments = []
        for _ in 0..<Int.random(in: 0...2, using: &rng) {
            if Bool.random(using: &rng) {
                attachments.append(.image("http://example.com/\(index).jpg"))
            } else {
                let lat = [Double.nan, Double.infinity, -90, 0, 30.27, 91, Double.random(in: -1e6...1e6, using: &rng)]
                    .randomElement(using: &rng)!
                let lon = [Double.nan, -Double.infinity, 118.14, 180, 0, Double.random(in: -1e6...1e6, using: &rng)]
                    .randomElement(using: &rng)!
                attachments.append(
                    .location(lat: lat, lon: lon, label: Bool.random(using: &rng) ? nil : String(text.prefix(6))))
            }
        }
    }
}
