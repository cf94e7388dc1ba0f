import Foundation
import GRDB
import Hummingbird
import Logging
import NIOCore

/// The least a durable webhook can do, the yardstick of `fengchao bench ingest`: decode the message
/// id, one insert per request deduplicated by it, `synchronous = FULL` in WAL mode (as fengchao's
/// store), answer. No batching, no processing.
///
/// Usage: `IngestBaseline <port> <directory>`.
@main struct IngestBaseline {
    struct Incoming: Decodable {
        var messageID: String

        enum CodingKeys: String, CodingKey {
            case messageID = "message_id"
        }
    }

    static func main() async throws {
        let arguments = CommandLine.arguments
        let port = arguments.count > 1 ? Int(arguments[1]) ?? 8081 : 8081
        let directory = arguments.count > 2 ? arguments[2] : FileManager.default.temporaryDirectory.path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let pool = try DatabasePool(
            path: URL(fileURLWithPath: directory).appendingPathComponent("baseline.sqlite").path)
        // Set on the writer after opening: the pool sets NORMAL while it opens (design section 7).
        try await pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        try await pool.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE IF NOT EXISTS inbox (
                        id INTEGER PRIMARY KEY, message_id TEXT NOT NULL UNIQUE, payload TEXT NOT NULL)
                    """)
        }

        let router = Router()
        router.post("webhook/generic") { request, _ -> Response in
            var request = request
            let body = try await request.collectBody(upTo: 1 << 20)
            let bytes = Data(body.readableBytesView)
            let incoming = try JSONDecoder().decode(Incoming.self, from: bytes)
            let payload = String(decoding: bytes, as: UTF8.self)
            let inserted = try await pool.write { db -> Bool in
                try db.cachedStatement(
                    sql: "INSERT INTO inbox (message_id, payload) VALUES (?, ?) ON CONFLICT (message_id) DO NOTHING"
                ).execute(arguments: [incoming.messageID, payload])
                return db.changesCount > 0
            }
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: "{\"duplicate\":\(!inserted),\"ok\":true}")))
        }
        var logger = Logger(label: "baseline")
        logger.logLevel = .warning
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)), logger: logger)
        try await app.runService()
    }
}
