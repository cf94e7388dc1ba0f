/// What a matched lexicon phrase means to the parser. One table holds every
/// phrase of the lexicon and gazetteer, tagged with these, so a message is
/// scanned once and each pipeline stage reads the hits it cares about.
struct Cue: Sendable, Equatable {
    /// The kind of word.
    var kind: CueKind
    /// Payload: a weight, a category index, or a gazetteer index, depending on `kind`.
    var value: Int = 0
}

/// The lexicon list (or gazetteer list) a phrase came from.
enum CueKind: Int, Sendable, CaseIterable {
    // commands
    case claimStrong, claimWeak, claimSelf, claimBeforeRef, release, complete, completeSuffix, futureMarker
    case verify, verifyReject, verifyRequest, escalate, escalationTarget
    case chase, closeOut, departmentAnswer
    case register, registerNoise, organisationSuffix, deictic, negation
    // queries
    case points, pointsShort, leaderboard, todo, itemStatus, itemStatusWithRef, help, helpShort, questionMarker,
        ownReport, weekReport, yearlyDuty
    // content
    case wishTag, beneficiary, wishRequest, homeMarker
    case suggestionCue, modal, proposalVerb, wishfulEnding, hypothetical
    case solved, relapse, confirm, thanks, notice, personal
    case fault, photoPointer
    case category, neutral, categoryOverride, secondProblem
    // places
    case estate, landmark, street, community
    case estateSuffix, notEstateName, positionWord, gateWord, spotWord
    case buildingMarker, unitMarker, roomMarker
    // item numbers
    case refPrefix, refOrdinal, refSuffix, refBlockerAfter, refBlockerBefore
    // directives (last, so the kinds before keep their numbers)
    case meToo, reopen
    // directives (board actions beyond the eleven intents)
    case publishWishes
    // points commands and the board a leaderboard question names
    case adopt, exchange, donate, reportsBoard, serviceBoard
}

/// A set of cue kinds as a bit mask: membership tests in the per-hit loops cost no hashing.
struct CueKinds: ExpressibleByArrayLiteral, Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    init(arrayLiteral elements: CueKind...) {
        precondition(CueKind.allCases.count <= 128, "CueKinds holds at most 128 kinds")
        for k in elements {
            if k.rawValue < 64 { low |= 1 << UInt64(k.rawValue) } else { high |= 1 << UInt64(k.rawValue - 64) }
        }
    }

    @inline(__always)
    func contains(_ k: CueKind) -> Bool {
        k.rawValue < 64 ? low & (1 << UInt64(k.rawValue)) != 0 : high & (1 << UInt64(k.rawValue - 64)) != 0
    }
}
