/// The action codes `BoardError` carries (`notAllowed`, `wrongState`), so each has its word in
/// `labels.yaml` under `actions:`; a code missing here still shows, as itself.
enum ActionCode: String, CaseIterable, Sendable {
    case claim, release, submit, verify, `return`, escalate, resolve, merge, cancel, assign, locate, adopt
    case exchange, adjust, approve, review, file
    case recordActivity = "record_activity"
}
