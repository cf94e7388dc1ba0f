import IntentParser
import MessageFuzz
import ParserCorpus

extension FuzzMessage {
    /// The parser's input for this message.
    var parserInput: ParserInput {
        ParserInput(
            text: text, senderRole: SenderRole(rawValue: role) ?? .unknown,
            attachments: attachments.map {
                switch $0 {
                case .image(let url): .image(url: url)
                case .location(let lat, let lon, let label): .location(lat: lat, lon: lon, label: label)
                }
            })
    }
}

extension CorpusLine {
    /// A generated message as a corpus input line; JSON has no NaN or infinity, so such a location is left out.
    init(fuzz message: FuzzMessage, id: String) {
        self.id = id
        text = message.text
        senderRole = message.role
        attachments = message.attachments.compactMap {
            switch $0 {
            case .image(let url): CorpusAttachment(type: "image", url: url)
            case .location(let lat, let lon, let label) where lat.isFinite && lon.isFinite:
                CorpusAttachment(type: "location", lat: lat, lon: lon, label: label)
            case .location: nil
            }
        }
    }
}
