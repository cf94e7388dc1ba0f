import Foundation

/// A place typed into a board form, in the parser's stored form: "12栋" and "12" are the same
/// building, because the reply templates add the 栋 and 单元 themselves.
enum PlaceFields {
    static func building(_ text: String?) -> String? {
        strip(text, suffixes: ["号楼", "栋", "幢", "号"])
    }

    static func unit(_ text: String?) -> String? {
        strip(text, suffixes: ["单元"])
    }

    private static func strip(_ text: String?, suffixes: [String]) -> String? {
        guard var value = text?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        for suffix in suffixes where value.hasSuffix(suffix) && value.count > suffix.count {
            value.removeLast(suffix.count)
            break
        }
        return value
    }
}
