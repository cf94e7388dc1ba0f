import IntentParser
import TaskBoard

/// What the configuration names on disk — the templates, the community and its parser — and the use
/// cases built on them: loaded once by the server and by the command-line tools that act on the board.
struct AppResources: Sendable {
    let templates: TemplateLibrary
    let renderer: ReplyRenderer
    let community: Community
    let useCases: UseCases

    static func load(config: AppConfig, rules: PointRules) async throws -> AppResources {
        let templates = try await TemplateLibrary.load(directory: ResourceLocator.resolve(config.templates))
        let renderer = ReplyRenderer(templates: templates)
        let community = try Community.load(
            communityPath: ResourceLocator.resolve(config.community),
            lexiconPath: ResourceLocator.resolve(config.lexicon),
            modelPath: config.model.isEmpty ? nil : ResourceLocator.resolve(config.model))
        let useCases = UseCases(
            router: community.router(gridWorkers: config.people.gridWorkers.mapValues { $0.map(\.id) }),
            replies: Replies(
                renderer: renderer, config: config, rules: rules,
                wishPrivacy: community.lexicon.wishPrivacy(
                    titles: config.wishes.titles, neutral: config.wishes.neutral ?? renderer.labels.word(.wishNeutral))),
            queue: ReplyQueue(config: config))
        return AppResources(templates: templates, renderer: renderer, community: community, useCases: useCases)
    }
}

extension Lexicon {
    /// How the groups are shown a wish, in the lexicon's words; `titles` (the configuration's) replace
    /// the lexicon's when given.
    func wishPrivacy(titles: [String]?, neutral: String) -> WishPrivacy {
        WishPrivacy(
            surnames: commands.surnames, titles: titles ?? wish.titles, neutral: neutral,
            numbers: WishPrivacy.NumberWords(
                roomMarkers: place.roomMarkers, roomAfter: place.buildingMarkers + place.unitMarkers,
                counted: wish.counted))
    }
}
