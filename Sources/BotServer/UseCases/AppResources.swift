import IntentParser
import TaskBoard

/// What the configuration names on disk — the templates, the community and its parser: loaded once by
/// the server and by the command-line tools that act on the board.
struct AppResources: Sendable {
    let templates: TemplateLibrary
    let renderer: ReplyRenderer
    /// The lexicon, the model and the gazetteer as the files give them.
    let files: Community

    static func load(config: AppConfig) async throws -> AppResources {
        let templates = try await TemplateLibrary.load(directory: ResourceLocator.resolve(config.templates))
        let community = try Community.load(
            communityPath: ResourceLocator.resolve(config.community),
            lexiconPath: ResourceLocator.resolve(config.lexicon),
            modelPath: config.model.isEmpty ? nil : ResourceLocator.resolve(config.model))
        return AppResources(templates: templates, renderer: ReplyRenderer(templates: templates), files: community)
    }

    /// The use cases for a configuration and the community's places as they stand.
    func useCases(config: AppConfig, community: Community) -> UseCases {
        UseCases(
            router: community.router(gridWorkers: config.people.gridWorkers.mapValues { $0.map(\.id) }),
            replies: Replies(
                renderer: renderer, config: config, rules: config.points,
                wishPrivacy: community.lexicon.wishPrivacy(
                    titles: config.wishes.titles, neutral: config.wishes.neutral ?? renderer.labels.word(.wishNeutral))),
            queue: ReplyQueue(config: config))
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
