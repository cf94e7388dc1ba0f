import CGD
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore

@testable import BotServer

/// A real image server on loopback for the photo tests: a JPEG, the same bytes under a second name,
/// HTML in both disguises, bodies too large with and without a length, a server error that
/// recovers, and redirects. It counts the requests per path, so a test can prove what was not retried.
actor PhotoServer {
    /// The sample the JPEG routes serve.
    static let jpeg = try! Data(
        contentsOf: URL(fileURLWithPath: ResourceLocator.resolve("public")).appendingPathComponent(
            "sim/photos/manhole.jpg"))
    /// Larger than any limit the tests set, smaller than the default.
    static let largeBytes = 300_000

    private(set) var hits: [String: Int] = [:]
    private var port = 0
    private var failuresLeft: [String: Int]
    /// Extra images by name, served at `/extra/{name}` with their content type.
    private let extras: [String: (Data, String)]

    init(failFirst: [String: Int] = [:], extras: [String: (Data, String)] = [:]) {
        self.failuresLeft = failFirst
        self.extras = extras
    }

    func hits(_ path: String) -> Int { hits[path] ?? 0 }

    fileprivate func record(_ path: String) -> Bool {
        hits[path, default: 0] += 1
        guard let left = failuresLeft[path], left > 0 else { return true }
        failuresLeft[path] = left - 1
        return false
    }

    private func setPort(_ port: Int) { self.port = port }

    fileprivate func extra(_ name: String) -> (Data, String)? { extras[name] }

    /// Runs the server on a free loopback port for the duration of `body`.
    func run<T: Sendable>(_ body: @Sendable (_ baseURL: String) async throws -> T) async throws -> T {
        let router = Router()
        router.get("{name}") { request, _ -> Response in
            let path = request.uri.path
            guard await self.record(path) else { return Response(status: .internalServerError) }
            return try await self.answer(path, port: await self.port)
        }
        router.get("extra/{name}") { request, context -> Response in
            let name = try context.parameters.require("name")
            _ = await self.record(request.uri.path)
            guard let (data, type) = await self.extra(name) else { return Response(status: .notFound) }
            return Self.image(data, type: type)
        }
        var logger = Logger(label: "photo-server")
        logger.logLevel = .critical
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
        return try await app.test(.live) { client in
            guard let port = client.port else { throw WaitTimeout(description: "photo server has no port") }
            await self.setPort(port)
            return try await body("http://127.0.0.1:\(port)")
        }
    }

    private nonisolated func answer(_ path: String, port: Int) async throws -> Response {
        switch path {
        case "/img.jpg", "/copy.jpg", "/flaky.jpg":
            return Self.image(Self.jpeg, type: "image/jpeg")
        case "/page.html":
            return Self.image(Data("<html><body>hello</body></html>".utf8), type: "text/html; charset=utf-8")
        case "/fake.jpg":
            return Self.image(Data("<html><body>not a photo</body></html>".utf8), type: "image/jpeg")
        case "/big.jpg":
            return Self.image(Self.jpeg + Data(count: Self.largeBytes), type: "image/jpeg")
        case "/chunked.jpg":
            // No Content-Length: only counting the bytes as they arrive can stop it.
            let body = ResponseBody { writer in
                try await writer.write(ByteBuffer(bytes: Self.jpeg))
                for _ in 0..<(Self.largeBytes / 16_384) {
                    try await writer.write(ByteBuffer(repeating: 0, count: 16_384))
                }
                try await writer.finish(nil)
            }
            return Response(status: .ok, headers: [.contentType: "image/jpeg"], body: body)
        case "/gone.jpg":
            return Response(status: .notFound)
        case "/to-localhost":
            return Self.redirect("http://localhost:\(port)/img.jpg")
        case "/to-image":
            return Self.redirect("/img.jpg")
        case "/loop":
            return Self.redirect("/loop")
        default:
            return Response(status: .notFound)
        }
    }

    private static func image(_ data: Data, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private static func redirect(_ location: String) -> Response {
        Response(status: .found, headers: [.location: location])
    }
}

/// Images drawn with libgd in every stored format, for the thumbnail tests.
enum TestImage {
    static func make(_ format: ImageFormat, width: Int32, height: Int32) -> Data {
        let image = gdImageCreateTrueColor(width, height)!
        defer { gdImageDestroy(image) }
        gdImageFilledRectangle(image, 0, 0, width - 1, height - 1, 0x3366CC)
        gdImageFilledEllipse(image, width / 2, height / 2, width / 2, height / 2, 0xFFCC00)
        var size: Int32 = 0
        let bytes: UnsafeMutableRawPointer? =
            switch format {
            case .jpeg: gdImageJpegPtr(image, &size, 85)
            case .png: gdImagePngPtr(image, &size)
            case .gif: gdImageGifPtr(image, &size)
            case .webp: gdImageWebpPtr(image, &size)
            }
        defer { gdFree(bytes) }
        return Data(bytes: bytes!, count: Int(size))
    }
}
