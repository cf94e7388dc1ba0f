/// Why a photo could not be downloaded or stored. The description is short English for the log and
/// the item page; it never repeats the URL, which may carry a platform's token.
enum PhotoDownloadError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidURL
    case unsupportedScheme(String)
    /// The host, or a redirect's target, resolves to a loopback, private or otherwise local address.
    case privateAddress(host: String)
    case unresolvableHost(String)
    case tooManyRedirects
    case tooLarge(limit: Int)
    /// The server's Content-Type, or the bytes themselves, are not a JPEG, PNG, GIF or WebP image.
    case notAnImage(String)
    case httpStatus(Int)
    case timedOut
    case network(String)
    /// A `sim-sample:` name that is not a bundled sample.
    case noSuchSample(String)
    /// Writing the file failed (disk full, permissions).
    case storage(String)
    /// The server is shutting down; the photo stays pending.
    case cancelled
    /// The item has `photos.max_per_item` photos before this one.
    case itemLimit(Int)
    /// The stored photos fill `photos.max_storage_mb`: nothing more is fetched until space is freed.
    case quotaReached(megabytes: Int)

    /// A refusal that another attempt cannot change: the photo fails at once.
    var isPermanent: Bool {
        switch self {
        case .invalidURL, .unsupportedScheme, .privateAddress, .tooManyRedirects, .tooLarge, .notAnImage,
            .noSuchSample, .itemLimit, .quotaReached:
            true
        case .httpStatus(let status):
            // An expired platform URL answers 403/404 for good; 408 and 429 ask to come back later.
            (400..<500).contains(status) && status != 408 && status != 429
        case .unresolvableHost, .timedOut, .network, .storage, .cancelled:
            false
        }
    }

    var description: String {
        switch self {
        case .invalidURL: "not a valid image URL"
        case .unsupportedScheme(let scheme): "unsupported URL scheme \"\(scheme)\" (only http and https)"
        case .privateAddress(let host): "refused: \(host) is a private or local address"
        case .unresolvableHost(let host): "cannot resolve host \(host)"
        case .tooManyRedirects: "too many redirects"
        case .tooLarge(let limit): "image larger than \(limit) bytes"
        case .notAnImage(let what): "not an image (\(what))"
        case .httpStatus(let status): "server answered HTTP \(status)"
        case .timedOut: "download timed out"
        case .network(let reason): "network error: \(reason)"
        case .noSuchSample(let name): "no sample photo named \(name)"
        case .storage(let reason): "cannot store the photo: \(reason)"
        case .cancelled: "download cancelled"
        case .itemLimit(let count): "not fetched: the item has \(count) photos already (photos.max_per_item)"
        case .quotaReached(let megabytes):
            "not fetched: photo storage is full (\(megabytes) MB, photos.max_storage_mb)"
        }
    }
}
