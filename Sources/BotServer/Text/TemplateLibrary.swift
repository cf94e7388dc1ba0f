import Foundation
import Mustache

/// Everything a person reads, loaded once from `templates/`: the Mustache files (replies, board and
/// simulator pages) and `labels.yaml`, shared by the chat, the board and the simulator. Loading
/// checks every template, partial and label the code names, so a missing one stops the server at
/// start-up with its name and file rather than showing a key or an empty reply later.
struct TemplateLibrary: Sendable {
    let mustache: MustacheLibrary
    let labels: Labels

    static func load(directory: String) async throws -> TemplateLibrary {
        guard FileManager.default.fileExists(atPath: directory) else {
            throw ConfigError.missingResource(what: "templates folder", path: directory)
        }
        let mustache: MustacheLibrary
        do {
            mustache = try await MustacheLibrary(directory: directory)
        } catch let error as MustacheLibrary.ParserError {
            throw ConfigError.invalid(path: "\(directory)/\(error.filename)", reason: "\(error.error)")
        }
        try checkTemplates(
            ReplyTemplate.allCases.map(\.path) + PageTemplate.allCases.map(\.rawValue), in: mustache,
            directory: directory)
        return TemplateLibrary(mustache: mustache, labels: try Labels.load(templatesDirectory: directory))
    }

    /// Renders one template by its path below `templates/`; a missing one is an error, never empty text.
    func render(_ path: String, _ view: Any) throws -> String {
        guard let text = mustache.render(view, withTemplate: path) else {
            throw RenderError.missingTemplate(path)
        }
        return text
    }

    enum RenderError: Error {
        case missingTemplate(String)
    }

    /// Each named template exists, and so does every partial it (or a partial of it) includes or extends:
    /// Mustache would render a missing partial as nothing.
    private static func checkTemplates(_ names: [String], in mustache: MustacheLibrary, directory: String) throws {
        var seen: Set<String> = []
        var pending = names.map { ($0, nil as String?) }
        while let (name, user) = pending.popLast() {
            guard seen.insert(name).inserted else { continue }
            guard let template = mustache.getTemplate(named: name) else {
                let what = user.map { "template \(name).mustache (a partial of \($0).mustache)" }
                throw ConfigError.missingResource(what: what ?? "template \(name).mustache", path: directory)
            }
            pending += partials(of: template.description).map { ($0, Optional(name)) }
        }
    }

    /// The names after `{{>` and `{{<` in a template's text.
    static func partials(of text: String) -> [String] {
        let pattern = /\{\{\s*[<>]\s*([^\s}]+)\s*\}\}/
        return text.matches(of: pattern).map { String($0.output.1) }
    }
}
