import TaskBoard

/// The action codes `BoardError` carries (`notAllowed`, `wrongState`): every `ItemAction` and every
/// `BoardAction`, so each has its word in `labels.yaml` under `actions:`, checked at start-up.
struct ActionCode: RawRepresentable, CaseIterable, Sendable {
    let rawValue: String

    static let allCases =
        ItemAction.allCases.map { ActionCode(rawValue: $0.rawValue) }
        + BoardAction.allCases.map { ActionCode(rawValue: $0.rawValue) }
        + DuplicateAction.allCases.map { ActionCode(rawValue: $0.rawValue) }
}
