import Foundation
import Testing

@testable import BotServer

/// The `photos:` section and the `public` folder: each key optional, a bad value named at start-up.
@Suite struct PhotoSettingsTests {
    private func load(_ yaml: String) throws -> AppConfig {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/f.yaml"
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return try AppConfig.load(path: path, environment: [:])
    }

    @Test func defaultsAreSafe() throws {
        let config = try AppConfig.load(path: nil, environment: [:])
        #expect(config.photos == PhotoSettings())
        #expect(config.photos.maxBytes == 10 << 20 && config.photos.timeoutSeconds == 20)
        #expect(!config.photos.allowPrivateAddresses)
        #expect(config.photos.maxAttempts == 6 && config.photos.retryBaseSeconds == 30)
        #expect(config.photos.thumbnailPixels == 320)
        #expect(config.public == "public")
    }

    @Test func aFileNamesOnlyWhatItChanges() throws {
        let config = try load(
            """
            public: ./static
            photos: { max_bytes: 2048, allow_private_addresses: true, thumbnail_pixels: 200 }
            """)
        #expect(config.photos.maxBytes == 2048 && config.photos.allowPrivateAddresses)
        #expect(config.photos.thumbnailPixels == 200 && config.photos.maxAttempts == 6)
        #expect(config.public.hasSuffix("/static") && config.public.hasPrefix("/"))
    }

    @Test(arguments: ["max_bytes: 0", "timeout_seconds: 0.5", "max_attempts: 0", "retry_base_seconds: -1"])
    func badValuesNameTheirKey(_ line: String) throws {
        let key = String(line.prefix { $0 != ":" })
        #expect {
            _ = try load("photos: { \(line) }")
        } throws: { error in
            "\(error)".contains("photos.\(key)")
        }
    }

    @Test func theExampleConfigurationDocumentsTheDefaults() throws {
        let config = try AppConfig.load(path: ResourceLocator.resolve("config/fengchao.example.yaml"), environment: [:])
        #expect(config.photos == PhotoSettings())
        #expect(config.public == ResourceLocator.resolve("public"))
    }
}
