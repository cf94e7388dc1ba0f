import Hummingbird
import TaskBoard

/// `/board/photos/{id}` and `/board/photos/{id}/thumb`: a photo is shown to whoever may see its item.
struct PhotoController: Sendable {
    let site: BoardSite

    var routes: RouteCollection<BoardRequestContext> {
        let routes = RouteCollection(context: BoardRequestContext.self)
        routes.get("photos/{id}", use: full)
        routes.get("photos/{id}/thumb", use: thumbnail)
        return routes
    }

    @Sendable func full(request: Request, context: BoardRequestContext) async throws -> Response {
        try await serve(context, thumbnail: false)
    }

    @Sendable func thumbnail(request: Request, context: BoardRequestContext) async throws -> Response {
        try await serve(context, thumbnail: true)
    }

    private func serve(_ context: BoardRequestContext, thumbnail: Bool) async throws -> Response {
        let user = try context.requireUser()
        guard let id = context.parameters.get("id", as: Int64.self) else { throw HTTPError(.notFound) }
        let visible = try await site.store.read { tx in
            guard let photo = try tx.photo(id: id), let item = try tx.item(id: photo.itemID) else { return false }
            return user.mayAccess(grid: item.grid)
        }
        guard visible else { throw HTTPError(.notFound) }
        return try await site.photos.response(photoID: id, thumbnail: thumbnail, context: context)
    }
}
