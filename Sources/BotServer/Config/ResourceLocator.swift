import Foundation

/// Finds the project's data files (templates, demo community, lexicon) from wherever the binary runs.
///
/// `swift run` starts in the project folder, but tests and installed binaries may not, so a relative
/// path is tried against the working directory first and then against the project folder found
/// above the running binary (`.build/<triple>/debug/fengchao`, or `<prefix>/bin/fengchao` beside
/// `<prefix>/templates`): nothing of the build machine is baked into the binary.
enum ResourceLocator {
    /// The nearest folder above the executable that holds `templates/` and `config/`.
    static let packageRoot: String = {
        let fm = FileManager.default
        var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").standardizedFileURL
            .resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<8 {
            if fm.fileExists(atPath: directory.appendingPathComponent("templates").path)
                && fm.fileExists(atPath: directory.appendingPathComponent("config").path)
            {
                return directory.path
            }
            directory = directory.deletingLastPathComponent()
        }
        return fm.currentDirectoryPath
    }()

    static func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let fm = FileManager.default
        let cwdPath = URL(fileURLWithPath: path).standardizedFileURL.path
        if fm.fileExists(atPath: cwdPath) { return cwdPath }
        let rooted = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: packageRoot, isDirectory: true))
            .standardizedFileURL.path
        return fm.fileExists(atPath: rooted) ? rooted : cwdPath
    }
}
