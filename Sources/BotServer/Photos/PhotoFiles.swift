import Foundation
import HTTPTypes
import Hummingbird
import TaskBoard

/// Serves stored photos to the board from local storage, never from the platform (its URLs expire).
struct PhotoFiles: Sendable {
    let store: any PhotoQueue
    let storage: PhotoStorage
    private let fileIO = FileIO()

    init(store: any PhotoQueue, storage: PhotoStorage) {
        self.store = store
        self.storage = storage
    }

    /// The file to send for a photo: its thumbnail, or the full image when asked for it or when no
    /// thumbnail could be made; nil while the photo is not stored.
    func file(photoID: Int64, thumbnail: Bool) async throws -> (path: String, contentType: String)? {
        guard let photo = try await store.photo(id: photoID), photo.status == .stored,
            let localPath = photo.localPath
        else { return nil }
        if thumbnail, let thumbPath = photo.thumbPath {
            return (storage.absolutePath(thumbPath), ImageFormat.jpeg.contentType)
        }
        let type =
            photo.contentType
            ?? ImageFormat(fileExtension: (localPath as NSString).pathExtension)?.contentType
            ?? "application/octet-stream"
        return (storage.absolutePath(localPath), type)
    }

    /// The photo as a streamed response; 404 while it is not stored. A stored file never changes
    /// (its name is its hash), so the browser may keep it; `private` because the board is behind a login.
    func response(photoID: Int64, thumbnail: Bool, context: some RequestContext) async throws -> Response {
        guard let file = try await file(photoID: photoID, thumbnail: thumbnail) else { throw HTTPError(.notFound) }
        let body = try await fileIO.loadFile(path: file.path, context: context)
        var headers = HTTPFields()
        headers[.contentType] = file.contentType
        headers[.cacheControl] = "private, max-age=31536000, immutable"
        headers[Self.contentTypeOptions] = "nosniff"
        return Response(status: .ok, headers: headers, body: body)
    }

    private static let contentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
}
