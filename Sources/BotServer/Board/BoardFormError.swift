/// A board form without what its action needs.
enum BoardFormError: Error {
    case missingMember, missingTarget, missingPhoto, missingPlace, missingText

    var word: Word {
        switch self {
        case .missingMember: .formMissingMember
        case .missingTarget: .formMissingTarget
        case .missingPhoto: .formMissingPhoto
        case .missingPlace: .formMissingPlace
        case .missingText: .formMissingText
        }
    }
}
