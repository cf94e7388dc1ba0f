import Foundation

/// The bundled sample photos the simulator can attach: whatever images are in
/// `<public>/sim/photos` at start-up, so adding one is dropping a file there.
enum SimSamples {
    static let folder = "sim/photos"

    static func list(publicDirectory: String) -> [String] {
        let path = URL(fileURLWithPath: publicDirectory).appendingPathComponent(folder).path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter(isSampleName).sorted()
    }

    /// A plain image file name: nothing that could leave the folder or surprise a URL.
    static func isSampleName(_ name: String) -> Bool {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        let lower = name.lowercased()
        return !name.hasPrefix(".") && name.unicodeScalars.allSatisfy(allowed.contains)
            && [".jpg", ".jpeg", ".png", ".gif", ".webp"].contains { lower.hasSuffix($0) }
    }

    /// The image URL a simulated message carries, which the photo downloader reads from the folder.
    static func url(_ name: String) -> String { PhotoFetcher.sampleScheme + name }

    /// The sample a message's image URL names, if it is one.
    static func name(inURL url: String) -> String? {
        guard url.hasPrefix(PhotoFetcher.sampleScheme) else { return nil }
        let name = String(url.dropFirst(PhotoFetcher.sampleScheme.count))
        return isSampleName(name) ? name : nil
    }
}
