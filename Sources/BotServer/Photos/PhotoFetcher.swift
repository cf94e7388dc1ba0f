import Foundation

/// An image as downloaded: its bytes and the format they really are.
struct FetchedImage: Sendable {
    var data: Data
    var format: ImageFormat
}

/// Gets the bytes a photo URL points at, within the configured limits: http(s) from the network,
/// `sim-sample:NAME` from the simulator's bundled samples.
struct PhotoFetcher: Sendable {
    /// The simulator's scheme: `sim-sample:manhole.jpg` is `<public>/sim/photos/manhole.jpg`.
    static let sampleScheme = "sim-sample:"

    var settings: PhotoSettings
    /// The resolved `public` folder.
    var publicDirectory: String
    var policy: AddressPolicy

    init(settings: PhotoSettings, publicDirectory: String) {
        self.settings = settings
        self.publicDirectory = publicDirectory
        self.policy = AddressPolicy(allowPrivateAddresses: settings.allowPrivateAddresses)
    }

    func fetch(_ address: String) async throws(PhotoDownloadError) -> FetchedImage {
        let data: Data
        if address.hasPrefix(Self.sampleScheme) {
            data = try await sample(named: String(address.dropFirst(Self.sampleScheme.count)))
        } else {
            guard let url = URL(string: address), url.scheme != nil else { throw .invalidURL }
            data = try await ImageDownload.fetch(
                url, policy: policy, maxBytes: settings.maxBytes, timeout: settings.timeoutSeconds)
        }
        guard let format = ImageFormat(sniffing: data) else {
            throw .notAnImage(data.isEmpty ? "empty" : "content is not JPEG, PNG, GIF or WebP")
        }
        return FetchedImage(data: data, format: format)
    }

    /// A bundled sample; the name may not leave the samples folder.
    private func sample(named name: String) async throws(PhotoDownloadError) -> Data {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        guard !name.isEmpty, !name.hasPrefix("."), name.unicodeScalars.allSatisfy(allowed.contains) else {
            throw .invalidURL
        }
        let path = URL(fileURLWithPath: publicDirectory).appendingPathComponent("sim/photos/\(name)").path
        let limit = settings.maxBytes
        let result: Result<Data, PhotoDownloadError> = await offloaded {
            guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
                let data = FileManager.default.contents(atPath: path)
            else { return .failure(.noSuchSample(name)) }
            return size > limit ? .failure(.tooLarge(limit: limit)) : .success(data)
        }
        return try result.get()
    }
}
