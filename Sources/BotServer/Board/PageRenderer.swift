import Foundation
import Hummingbird
import Mustache

/// Renders the HTML pages in `templates/board/` and `templates/sim/`; Mustache escapes every
/// `{{value}}` for HTML, so text from group messages cannot become markup.
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let labels: Labels

    static func load(templatesDirectory: String) async throws -> PageRenderer {
        let library = try await MustacheLibrary(directory: templatesDirectory)
        return PageRenderer(library: library, labels: try Labels.load(templatesDirectory: templatesDirectory))
    }

    func render(_ template: String, _ view: Any) throws -> String {
        guard let html = library.render(view, withTemplate: template) else {
            throw ReplyRenderer.RenderError.missingTemplate(template)
        }
        return html
    }

    func page(_ template: String, _ view: Any, status: HTTPResponse.Status = .ok) throws -> Response {
        HTMLResponse.page(try render(template, view), status: status)
    }
}
