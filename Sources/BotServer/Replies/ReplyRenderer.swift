import Foundation

/// Renders `templates/replies/*.mustache`; a missing template is an error, never an empty reply.
struct ReplyRenderer: Sendable {
    let templates: TemplateLibrary

    var labels: Labels { templates.labels }

    /// Renders one reply; surrounding blank lines are trimmed so templates can be laid out freely.
    func render(_ template: ReplyTemplate, _ view: Any) throws -> String {
        try templates.render(template.path, view).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
