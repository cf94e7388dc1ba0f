import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The downloaded photos on disk, content-addressed: `photos/<first 2 hex>/<sha256>.<ext>` under the
/// storage folder, so the same image sent twice is stored once and a name never changes its content
/// (the board may cache it for good). Paths in the database are relative to `root`.
struct PhotoStorage: Sendable {
    /// The storage folder; with `storage.path` `:memory:` a fresh temporary one.
    let root: String

    init(storagePath: String) {
        if storagePath == ":memory:" {
            root =
                FileManager.default.temporaryDirectory
                .appendingPathComponent("fengchao-photos-\(UUID().uuidString)").path
        } else {
            root = storagePath
        }
    }

    /// Where an image and its thumbnail went.
    struct Stored: Sendable, Equatable {
        var localPath: String
        var sha256: String
    }

    /// Stores the image unless a file of the same content is there already.
    func store(_ data: Data, format: ImageFormat) throws(PhotoDownloadError) -> Stored {
        let sha256 = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        let relative = "photos/\(sha256.prefix(2))/\(sha256).\(format.fileExtension)"
        try write(data, to: relative)
        return Stored(localPath: relative, sha256: sha256)
    }

    /// Stores the thumbnail beside its image; returns its relative path.
    func storeThumbnail(_ jpeg: Data, sha256: String) throws(PhotoDownloadError) -> String {
        let relative = Self.thumbnailPath(sha256: sha256)
        try write(jpeg, to: relative)
        return relative
    }

    /// The thumbnail made when the same image was stored before, if any.
    func existingThumbnail(sha256: String) -> String? {
        let relative = Self.thumbnailPath(sha256: sha256)
        return FileManager.default.fileExists(atPath: absolutePath(relative)) ? relative : nil
    }

    private static func thumbnailPath(sha256: String) -> String {
        "photos/\(sha256.prefix(2))/\(sha256)-thumb.jpg"
    }

    /// The file a stored path names (older rows may hold absolute paths).
    func absolutePath(_ stored: String) -> String {
        stored.hasPrefix("/") ? stored : URL(fileURLWithPath: root).appendingPathComponent(stored).path
    }

    /// Writes a temporary file, flushes it and renames it into place, so a reader or a crash never
    /// sees half an image under the final name.
    private func write(_ data: Data, to relative: String) throws(PhotoDownloadError) {
        let target = absolutePath(relative)
        let fm = FileManager.default
        if fm.fileExists(atPath: target) { return }
        let directory = (target as NSString).deletingLastPathComponent
        let temporary = "\(directory)/.\(UUID().uuidString).tmp"
        do {
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
            guard fm.createFile(atPath: temporary, contents: nil) else {
                throw PhotoDownloadError.storage("cannot create a file in \(directory)")
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
            try handle.synchronize()
            guard rename(temporary, target) == 0 else {
                throw PhotoDownloadError.storage("rename failed: \(String(cString: strerror(errno)))")
            }
        } catch {
            try? fm.removeItem(atPath: temporary)
            throw error as? PhotoDownloadError ?? .storage(error.localizedDescription)
        }
    }
}
