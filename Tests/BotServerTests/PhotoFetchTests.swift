import Foundation
import Testing

@testable import BotServer

/// What the downloader agrees to fetch, against a real server on loopback: only http(s), only
/// images (by their bytes, not their name), within the size limit, never from a local address
/// unless configured, not even through a redirect.
@Suite struct PhotoFetchTests {
    private func fetcher(allowPrivate: Bool = true, maxBytes: Int = 100_000) -> PhotoFetcher {
        var settings = PhotoSettings()
        settings.allowPrivateAddresses = allowPrivate
        settings.maxBytes = maxBytes
        // Generous: the whole suite runs at once on few cores, and only a hang should hit it.
        settings.timeoutSeconds = 120
        return PhotoFetcher(settings: settings, publicDirectory: ResourceLocator.resolve("public"))
    }

    /// Fetches and returns the refusal, failing the test if there is none.
    private func refusal(_ fetcher: PhotoFetcher, _ url: String) async -> PhotoDownloadError? {
        do {
            let image = try await fetcher.fetch(url)
            Issue.record("fetched \(image.data.count) bytes of \(image.format) from \(url)")
            return nil
        } catch {
            return error
        }
    }

    @Test func fetchesAJPEGAndReadsItsFormatFromTheBytes() async throws {
        try await PhotoServer().run { base in
            let image = try await fetcher().fetch("\(base)/img.jpg")
            #expect(image.format == .jpeg)
            #expect(image.data == PhotoServer.jpeg)
        }
    }

    @Test func refusesWhatIsNotAnImage() async throws {
        let server = PhotoServer()
        try await server.run { base in
            // An HTML page is refused at its headers, HTML named .jpg and sent as image/jpeg by its bytes
            #expect(await refusal(fetcher(), "\(base)/page.html") == .notAnImage("text/html; charset=utf-8"))
            let disguised = await refusal(fetcher(), "\(base)/fake.jpg")
            #expect(disguised == .notAnImage("content is not JPEG, PNG, GIF or WebP"))
            #expect(disguised?.isPermanent == true)
        }
    }

    @Test func refusesTooLargeImagesByLengthAndWhileStreaming() async throws {
        let server = PhotoServer()
        try await server.run { base in
            #expect(await refusal(fetcher(), "\(base)/big.jpg") == .tooLarge(limit: 100_000))
            #expect(await refusal(fetcher(), "\(base)/chunked.jpg") == .tooLarge(limit: 100_000))
            // The same image passes a larger limit
            let whole = try await fetcher(maxBytes: 1_000_000).fetch("\(base)/chunked.jpg")
            #expect(whole.data.count == PhotoServer.jpeg.count + PhotoServer.largeBytes / 16_384 * 16_384)
        }
    }

    @Test func refusesOtherSchemes() async {
        #expect(await refusal(fetcher(), "ftp://example.com/a.jpg") == .unsupportedScheme("ftp"))
        #expect(await refusal(fetcher(), "file:///etc/passwd") == .unsupportedScheme("file"))
        #expect(await refusal(fetcher(), "not a url") == .invalidURL)
        #expect(PhotoDownloadError.unsupportedScheme("ftp").isPermanent)
    }

    @Test func refusesLoopbackUnlessAllowed() async throws {
        let server = PhotoServer()
        try await server.run { base in
            let error = await refusal(fetcher(allowPrivate: false), "\(base)/img.jpg")
            #expect(error == .privateAddress(host: "127.0.0.1"))
            #expect(error?.isPermanent == true)
            #expect(
                await refusal(fetcher(allowPrivate: false), "http://localhost:9/x.jpg")
                    == .privateAddress(host: "localhost"))
            #expect(await refusal(fetcher(allowPrivate: false), "http://[::1]:9/x.jpg") == .privateAddress(host: "::1"))
            #expect(await server.hits("/img.jpg") == 0)
        }
    }

    @Test func refusesARedirectToLoopbackUnlessAllowed() async throws {
        let server = PhotoServer()
        try await server.run { base in
            // Given a downloader that trusts the test server's own address and no other local one
            var strict = fetcher(allowPrivate: false)
            strict.policy.isAllowed = { $0 == IPAddress("127.0.0.1") }
            strict.policy.resolve = { host throws(PhotoDownloadError) in
                host == "localhost" ? [IPAddress("::1")!] : try await AddressPolicy.systemResolve(host)
            }
            // When that server redirects to localhost, Then the redirect is not followed
            #expect(await refusal(strict, "\(base)/to-localhost") == .privateAddress(host: "localhost"))
            #expect(await server.hits("/to-localhost") == 1)
            #expect(await server.hits("/img.jpg") == 0)
            // A relative redirect stays on the checked host and is followed; allowed, localhost is too
            let relative = try await strict.fetch("\(base)/to-image")
            let local = try await fetcher().fetch("\(base)/to-localhost")
            #expect(relative.data == PhotoServer.jpeg && local.data == PhotoServer.jpeg)
            // And an endless chain stops
            #expect(await refusal(fetcher(), "\(base)/loop") == .tooManyRedirects)
            #expect(await server.hits("/loop") == ImageDownload.maxRedirects + 1)
        }
    }

    @Test func answersTheServersStatus() async throws {
        try await PhotoServer(failFirst: ["/flaky.jpg": 1]).run { base in
            let gone = await refusal(fetcher(), "\(base)/gone.jpg")
            #expect(gone == .httpStatus(404))
            #expect(gone?.isPermanent == true)
            let flaky = await refusal(fetcher(), "\(base)/flaky.jpg")
            #expect(flaky == .httpStatus(500))
            #expect(flaky?.isPermanent == false)
            let recovered = try await fetcher().fetch("\(base)/flaky.jpg")
            #expect(recovered.format == .jpeg)
        }
    }

    @Test func readsTheSimulatorsSamplesAndNothingBeside() async throws {
        for name in ["manhole.jpg", "fire-lane.jpg", "drain.jpg", "fixed.jpg"] {
            let image = try await fetcher().fetch("sim-sample:\(name)")
            #expect(image.format == .jpeg)
            #expect(image.data.count <= 60_000)
        }
        #expect(await refusal(fetcher(), "sim-sample:../x") == .invalidURL)
        #expect(await refusal(fetcher(), "sim-sample:..") == .invalidURL)
        #expect(await refusal(fetcher(), "sim-sample:a/b.jpg") == .invalidURL)
        #expect(await refusal(fetcher(), "sim-sample:") == .invalidURL)
        #expect(await refusal(fetcher(), "sim-sample:missing.jpg") == .noSuchSample("missing.jpg"))
        #expect(await refusal(fetcher(maxBytes: 1000), "sim-sample:manhole.jpg") == .tooLarge(limit: 1000))
    }
}
