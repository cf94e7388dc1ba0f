/// One choice of a select or a link among alternatives, as every board form shows it.
struct FormOption: Sendable {
    var value: String
    var label: String
    var selected: Bool
}
