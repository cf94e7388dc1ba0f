import Foundation
import IntentParser
import Synchronization
import TaskBoard

/// The set-up in force and everything built from it: the configuration files overlaid with the
/// sections the board saved, the parser and router over the places as they stand, the use cases.
/// A save on the board builds a new one and swaps it in, so the next message is parsed and routed
/// with the new places and people without a restart. Each message, request and job reads
/// `current` once and keeps to it.
final class LiveSetup: Sendable {
    struct Snapshot: Sendable {
        /// The configuration with the board's sections in force.
        let config: AppConfig
        let setup: CommunitySetup
        let community: Community
        let parser: IntentParser
        let useCases: UseCases
        /// The audit log's newest entry when this was built: an older build never replaces a newer one.
        let generation: Int64
    }

    /// The configuration as the files give it.
    let files: AppConfig
    let resources: AppResources
    let store: BoardStore
    private let state: Mutex<Snapshot>

    var current: Snapshot { state.withLock { $0 } }

    /// The file-given set-up, before the board's sections.
    var fileSetup: CommunitySetup { CommunitySetup(config: files, gazetteer: resources.files.gazetteer) }

    private init(files: AppConfig, resources: AppResources, store: BoardStore, snapshot: Snapshot) {
        self.files = files
        self.resources = resources
        self.store = store
        self.state = Mutex(snapshot)
    }

    /// Reads the files and the board's saved sections.
    static func load(config: AppConfig, store: BoardStore) async throws -> LiveSetup {
        // The store was opened with the configuration's rules (or a test's own): those are the file's.
        var config = config
        config.points = store.rules
        let resources = try await AppResources.load(config: config)
        let base = CommunitySetup(config: config, gazetteer: resources.files.gazetteer)
        let (stored, generation) = try await Self.readStored(store)
        let snapshot = try Self.build(
            setup: try base.overlaid(with: stored), files: config, resources: resources, generation: generation)
        store.replaceRules(snapshot.config.points)
        return LiveSetup(files: config, resources: resources, store: store, snapshot: snapshot)
    }

    /// Changes one section in one transaction with its audit line, then puts the result in force.
    /// `change` edits the set-up as stored now (not as this process last saw it) and throws to refuse;
    /// it returns what it did, for the audit log.
    @discardableResult
    func update(
        _ section: CommunitySetup.Section, by actor: String,
        _ change: @escaping @Sendable (inout CommunitySetup) throws -> SetupChange
    ) async throws -> Snapshot {
        let base = fileSetup
        try await store.write { tx in
            var setup = try base.overlaid(with: try tx.setupSections())
            let done = try change(&setup)
            let body = String(decoding: try section.write(setup), as: UTF8.self)
            try tx.saveSetupSection(section.name, body: body, by: actor, change: done)
        }
        return try await reload()
    }

    /// Builds the set-up from what is stored now and swaps it in.
    @discardableResult
    func reload() async throws -> Snapshot {
        let (stored, generation) = try await Self.readStored(store)
        let built = try Self.build(
            setup: try fileSetup.overlaid(with: stored), files: files, resources: resources, generation: generation)
        return state.withLock { snapshot in
            guard built.generation >= snapshot.generation else { return snapshot }
            snapshot = built
            store.replaceRules(built.config.points)
            return built
        }
    }

    private static func readStored(_ store: BoardStore) async throws -> ([String: String], Int64) {
        try await store.read { tx in (try tx.setupSections(), try tx.auditLog(limit: 1).first?.id ?? 0) }
    }

    private static func build(
        setup: CommunitySetup, files: AppConfig, resources: AppResources, generation: Int64
    ) throws -> Snapshot {
        let config = setup.applied(to: files)
        let community = Community(
            gazetteer: setup.places, lexicon: resources.files.lexicon, model: resources.files.model)
        return Snapshot(
            config: config, setup: setup, community: community, parser: community.parser,
            useCases: resources.useCases(config: config, community: community), generation: generation)
    }
}
