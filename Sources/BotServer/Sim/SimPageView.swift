/// What `templates/sim/chat.mustache` shows: the groups as tabs, the personas, the samples and
/// locations to attach, and the story to play. Stored properties only (Mustache reads them by Mirror).
struct SimPageView: Sendable {
    struct Group: Sendable {
        var id: String
        var title: String
        var selected: Bool
    }

    struct Persona: Sendable {
        var id: String
        var name: String
        var role: String
        var senderID: String
        /// Space-separated group ids, for the page to offer only the current group's members.
        var groups: String
        /// The avatar's text: the last two characters of the name (书记, 张三).
        var avatar: String
        /// The avatar's colour class.
        var tone: String
    }

    /// One option of a picker: a sample photo (by file name) or a location preset (by id).
    struct Choice: Sendable {
        var id: String
        var label: String
    }

    struct Step: Sendable {
        var number: Int
        var persona: String
        var personaName: String
        var group: String
        var groupTitle: String
        var text: String
        var photo: String?
        var photoLabel: String?
        var location: String?
        var locationLabel: String?
    }

    var csrf: String
    var botName: String
    var groups: [Group]
    var personas: [Persona]
    var photos: [Choice]
    var locations: [Choice]
    var steps: [Step]
    /// A real deployment: the page says it acts on the real board.
    var live: Bool
    /// The 时间 control: each calendar job to run now, and whether the demo's clock may move.
    var jobs: [Choice] = []
    var hasTime = false
    var canAdvance = false
}
