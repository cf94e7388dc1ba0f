import Foundation

/// When a new report is the same thing as an open item (design: 重复报告合并), and how long a
/// closed item can still be reopened ("#3 又坏了"). Configurable under `duplicates:`.
public struct DuplicateRule: Sendable, Codable, Equatable {
    /// Two reports with coordinates this close (metres) are one place.
    public var radiusMeters: Double
    /// A report joins only an item created this recently (hours).
    public var windowHours: Double
    /// A closed item can be reopened this many days after it closed; later, report it anew.
    public var reopenDays: Double
    /// The most recent open items of the category looked at per report: the work stays bounded.
    public var candidateLimit: Int

    public init(radiusMeters: Double = 150, windowHours: Double = 72, reopenDays: Double = 30, candidateLimit: Int = 20)
    {
        self.radiusMeters = radiusMeters
        self.windowHours = windowHours
        self.reopenDays = reopenDays
        self.candidateLimit = candidateLimit
    }

    /// Whether a report of `category` at `location` is the same thing as `item`: the same category
    /// (never "other", which names no category), an issue still needing work, created within the
    /// window, and at the same estate and building or, where the two do not both name a building,
    /// within the radius. Named buildings settle it: a named estate's coordinates are its centre, so
    /// 12栋 and 8栋 of one estate are 0 m apart and still two places; so are two different landmarks.
    public func isDuplicate(_ category: String?, at location: Location, of item: Item, now: Date) -> Bool {
        guard let category, category != "other", item.kind == .issue, item.category == category,
            ItemStatus.active.contains(item.status), item.createdAt >= now.addingTimeInterval(-windowHours * 3600)
        else { return false }
        if let building = location.building, let itemBuilding = item.building {
            return location.estate != nil && item.estate == location.estate && itemBuilding == building
        }
        if let landmark = location.landmark, let itemLandmark = item.landmark, landmark != itemLandmark {
            return false
        }
        guard let lat = location.lat, let lon = location.lon, let itemLat = item.lat, let itemLon = item.lon else {
            return false
        }
        return GeoDistance.meters(lat1: lat, lon1: lon, lat2: itemLat, lon2: itemLon) <= radiusMeters
    }

    /// Whether an item closed at `closedAt` may still be reopened at `now`.
    public func mayReopen(closedAt: Date?, now: Date) -> Bool {
        guard let closedAt else { return false }
        return now.timeIntervalSince(closedAt) <= reopenDays * 86400
    }
}

/// The codes `BoardError` carries for what is done about duplicates, beside `ItemAction`'s.
public enum DuplicateAction: String, Sendable, CaseIterable {
    /// A report joined to the item it duplicates.
    case join
    /// A wrongly joined report split off into an item of its own.
    case split
    /// A closed item broken again.
    case reopen
}
