import Foundation
import Hummingbird

/// Renders the HTML pages in `templates/board/` and `templates/sim/`; Mustache escapes every
/// `{{value}}` for HTML, so text from group messages cannot become markup.
struct PageRenderer: Sendable {
    let templates: TemplateLibrary

    var labels: Labels { templates.labels }

    func render(_ template: PageTemplate, _ view: Any) throws -> String {
        try templates.render(template.rawValue, view)
    }

    func page(_ template: PageTemplate, _ view: Any, status: HTTPResponse.Status = .ok) throws -> Response {
        HTMLResponse.page(try render(template, view), status: status)
    }
}
