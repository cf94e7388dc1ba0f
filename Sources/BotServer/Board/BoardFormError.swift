/// A board form without what its action needs.
enum BoardFormError: Error {
    case missingMember, missingTarget, missingPhoto, missingPlace, missingText

    var labelKey: String {
        switch self {
        case .missingMember: "form_missing_member"
        case .missingTarget: "form_missing_target"
        case .missingPhoto: "form_missing_photo"
        case .missingPlace: "form_missing_place"
        case .missingText: "form_missing_text"
        }
    }
}
