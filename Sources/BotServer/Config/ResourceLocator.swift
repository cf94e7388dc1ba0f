import Foundation

/// Finds the project's data files (templates, demo community, lexicon) from wherever the binary runs.
///
/// `swift run` starts in the project folder, but tests and installed binaries may not, so a relative
/// path is tried against the working directory first and then against the package root.
enum ResourceLocator {
    /// The package root, known at build time.
    static let packageRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Config
        .deletingLastPathComponent()  // BotServer
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent().path

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
