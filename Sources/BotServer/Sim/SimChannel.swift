/// The simulator's channel: messages typed on `/sim` come in on it, and its replies go out on it.
enum SimChannel {
    static let id = "sim"
}
