/// The `photos:` section: how the server downloads the images messages point at.
struct PhotoSettings: Sendable, Decodable, Equatable {
    /// Larger images are refused, while streaming too (a missing Content-Length does not help).
    var maxBytes = 10 << 20
    /// One download, from the request to the last byte.
    var timeoutSeconds = 20.0
    /// Loopback, private, link-local addresses: off, so a message cannot make the server fetch from
    /// its own network; on for a bridge or test server on the same machine.
    var allowPrivateAddresses = false
    /// After this many failed attempts a photo is marked failed (the board can retry it).
    var maxAttempts = 6
    /// First retry delay; each later one doubles.
    var retryBaseSeconds = 30.0
    /// Longest side of a thumbnail.
    var thumbnailPixels = 320
    /// Images kept from one message (WeChat itself sends at most 9); the rest are dropped with a log
    /// line, so one message cannot make the server fetch thousands.
    var maxPerMessage = 9
    /// Photos fetched for one item, across all the messages that add to it; later ones are marked
    /// failed with the reason, where the board shows them.
    var maxPerItem = 30
    /// Downloads one sender may cause in an hour; more wait (pending, with the reason) for the next hour.
    var maxPerSenderPerHour = 60
    /// Room for stored photos and thumbnails, in megabytes; when full, a download is marked failed
    /// (the board's retry button tries again once space is freed) and an error line says so.
    var maxStorageMegabytes = 2048

    enum CodingKeys: String, CodingKey {
        case maxBytes = "max_bytes"
        case timeoutSeconds = "timeout_seconds"
        case allowPrivateAddresses = "allow_private_addresses"
        case maxAttempts = "max_attempts"
        case retryBaseSeconds = "retry_base_seconds"
        case thumbnailPixels = "thumbnail_pixels"
        case maxPerMessage = "max_per_message"
        case maxPerItem = "max_per_item"
        case maxPerSenderPerHour = "max_per_sender_per_hour"
        case maxStorageMegabytes = "max_storage_mb"
    }

    init() {}

    init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try c.update(&maxBytes, .maxBytes)
        try c.update(&timeoutSeconds, .timeoutSeconds)
        try c.update(&allowPrivateAddresses, .allowPrivateAddresses)
        try c.update(&maxAttempts, .maxAttempts)
        try c.update(&retryBaseSeconds, .retryBaseSeconds)
        try c.update(&thumbnailPixels, .thumbnailPixels)
        try c.update(&maxPerMessage, .maxPerMessage)
        try c.update(&maxPerItem, .maxPerItem)
        try c.update(&maxPerSenderPerHour, .maxPerSenderPerHour)
        try c.update(&maxStorageMegabytes, .maxStorageMegabytes)
        // Checked here because no other section needs them, so a bad value names its key at start-up.
        func require(_ holds: Bool, _ key: CodingKeys, _ rule: String) throws {
            if !holds { throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: rule) }
        }
        try require(maxBytes > 0, .maxBytes, "must be positive")
        // Linux's URLSession counts its timeout in whole seconds.
        try require(timeoutSeconds >= 1, .timeoutSeconds, "must be at least 1")
        try require(maxAttempts >= 1, .maxAttempts, "must be positive")
        try require(retryBaseSeconds > 0, .retryBaseSeconds, "must be positive")
        try require(thumbnailPixels >= 16, .thumbnailPixels, "must be at least 16")
        try require(maxPerMessage >= 1, .maxPerMessage, "must be positive")
        try require(maxPerItem >= 1, .maxPerItem, "must be positive")
        try require(maxPerSenderPerHour >= 1, .maxPerSenderPerHour, "must be positive")
        try require(maxStorageMegabytes >= 1, .maxStorageMegabytes, "must be positive")
    }
}
