import ArgumentParser

/// The files a parser is built from, shared by every command that parses.
struct ParserOptions: ParsableArguments {
    @Option(help: "Gazetteer YAML (default: the demo community config/community.yaml).")
    var community: String = "config/community.yaml"

    @Option(help: "Lexicon YAML (default: config/lexicon.yaml).")
    var lexicon: String = "config/lexicon.yaml"

    @Option(help: "Parser model (default: config/model.txt; empty: the rules alone).")
    var model: String = "config/model.txt"

    /// The community with its model, or without one when `withModel` is false (training reads the rules alone).
    func load(withModel: Bool = true) throws -> Community {
        try ParseCommand.loadCommunity(community: community, lexicon: lexicon, model: withModel ? model : "")
    }
}
