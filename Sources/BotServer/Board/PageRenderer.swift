import Foundation
import Hummingbird
import Mustache

/// Renders the HTML pages in `templates/board/` and `templates/sim/`; Mustache escapes every
/// `{{value}}` for HTML, so text from group messages cannot become markup.
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let labels: Labels

    init(_ templates: TemplateLibrary) {
        library = templates.mustache
        labels = templates.labels
    }

    func render(_ template: PageTemplate, _ view: Any) throws -> String {
        guard let html = library.render(view, withTemplate: template.rawValue) else {
            throw ReplyRenderer.RenderError.missingTemplate(template.rawValue)
        }
        return html
    }

    func page(_ template: PageTemplate, _ view: Any, status: HTTPResponse.Status = .ok) throws -> Response {
        HTMLResponse.page(try render(template, view), status: status)
    }
}
