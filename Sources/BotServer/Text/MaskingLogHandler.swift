import Logging

/// Every log line passes through `DigitMask` — the message and each metadata value — whatever
/// wrote it, so a resident's phone number in a message or a reply never lands in a log file.
struct MaskingLogHandler: LogHandler {
    var wrapped: any LogHandler

    var logLevel: Logger.Level {
        get { wrapped.logLevel }
        set { wrapped.logLevel = newValue }
    }

    var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { wrapped[metadataKey: key] }
        set { wrapped[metadataKey: key] = newValue }
    }

    func log(event: LogEvent) {
        var event = event
        event.message = "\(DigitMask.mask(event.message.description))"
        event.metadata = event.metadata.map { $0.mapValues(Self.mask) }
        wrapped.log(event: event)
    }

    static func mask(_ value: Logger.Metadata.Value) -> Logger.Metadata.Value {
        switch value {
        case .string(let text): .string(DigitMask.mask(text))
        case .stringConvertible(let convertible): .string(DigitMask.mask(convertible.description))
        case .array(let values): .array(values.map(mask))
        case .dictionary(let values): .dictionary(values.mapValues(mask))
        }
    }
}
