import Foundation

/// The downloader's limits that need memory between downloads: how many downloads each sender caused
/// in the last hour, and how many bytes the stored photos take.
actor PhotoLimits {
    /// Senders remembered at most; the quietest are forgotten first.
    private let maxSenders: Int
    private var starts: [Int64: [Date]] = [:]
    /// Bytes under the photos folder: read from disk, then counted up by each download.
    private var used: Int?

    init(maxSenders: Int = 10_000) {
        self.maxSenders = maxSenders
    }

    /// Counts a download for `sender` when fewer than `perHour` started in the last hour; otherwise
    /// the seconds until one more may start.
    func admit(sender: Int64, perHour: Int, now: Date = Date()) -> Double? {
        let recent = (starts[sender] ?? []).filter { now.timeIntervalSince($0) < 3600 }
        if recent.count >= perHour, let oldest = recent.first {
            starts[sender] = recent
            return max(1, 3600 - now.timeIntervalSince(oldest))
        }
        starts[sender] = recent + [now]
        if starts.count > maxSenders {
            starts = starts.filter { $0.value.contains { now.timeIntervalSince($0) < 3600 } }
            if starts.count > maxSenders {
                let kept = starts.sorted { ($0.value.last ?? now) > ($1.value.last ?? now) }.prefix(maxSenders / 2)
                starts = Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
            }
        }
        return nil
    }

    /// Whether `bytes` more fit under `limit` in the folder `root`; if so they are counted as used.
    func reserve(_ bytes: Int, limit: Int, root: String) async -> Bool {
        if let used, used + bytes <= limit {
            self.used = used + bytes
            return true
        }
        // Unknown, or full by the count: the folder is read again, since the count only grows (space
        // freed since, a photo stored twice under one name) and a full store must notice room made.
        let scanned = await offloaded { Self.size(of: root + "/photos") }
        guard scanned + bytes <= limit else {
            used = scanned
            return false
        }
        used = scanned + bytes
        return true
    }

    /// Bytes of the regular files under `path` (0 when it does not exist yet).
    private static func size(of path: String) -> Int {
        guard let walker = FileManager.default.enumerator(atPath: path) else { return 0 }
        var total = 0
        while let name = walker.nextObject() as? String {
            let attributes = try? FileManager.default.attributesOfItem(atPath: path + "/" + name)
            if attributes?[.type] as? FileAttributeType == .typeRegular, let size = attributes?[.size] as? Int {
                total += size
            }
        }
        return total
    }
}
