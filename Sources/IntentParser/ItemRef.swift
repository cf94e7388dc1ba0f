/// An item number found in a message, with how it was written: the board
/// trusts "#12" more than a bare "12" next to a command word.
struct ItemRef: Sendable, Equatable {
    /// How sure we are that the number names an item.
    enum Form: Int, Sendable, Comparable {
        /// A bare number next to a command word ("认领12") or opening the message.
        case bare
        /// A number with an item suffix ("12号", "33号单").
        case suffixed
        /// "#12", "编号12", "第12单".
        case marked

        static func < (a: Form, b: Form) -> Bool { a.rawValue < b.rawValue }
    }

    var number: Int
    /// Scalar range of the digits.
    var start: Int
    var end: Int
    /// End of the whole reference including its suffix ("12号单" ends after 单).
    var tokenEnd: Int
    var form: Form
}
