import Foundation
import Mustache

/// Renders `templates/replies/*.mustache`; a missing template is an error, never an empty reply.
struct ReplyRenderer: Sendable {
    let library: MustacheLibrary
    let labels: Labels

    init(_ templates: TemplateLibrary) {
        library = templates.mustache
        labels = templates.labels
    }

    /// Renders one reply; surrounding blank lines are trimmed so templates can be laid out freely.
    func render(_ template: ReplyTemplate, _ view: Any) throws -> String {
        guard let text = library.render(view, withTemplate: template.path) else {
            throw RenderError.missingTemplate(template.path)
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    enum RenderError: Error {
        case missingTemplate(String)
    }
}
