/// `POST /sim/messages`: what the page sends. Only ids and text: the server looks up who the
/// persona is, which file the photo is and where the location is, so a post cannot claim more.
struct SimPostedMessage: Sendable, Decodable {
    /// A persona id from the cast.
    var persona: String
    /// A simulator group id.
    var group: String
    var text: String?
    /// A sample photo's file name.
    var photo: String?
    /// A location preset id.
    var location: String?
}

/// Why a simulated message was refused (answered with 400 and logged).
struct SimRefusal: Error, CustomStringConvertible {
    var description: String
}
