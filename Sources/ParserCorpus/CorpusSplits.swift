import Foundation
import Yams

/// The corpus as `corpus/splits.yaml` divides it: by file (a voice, a collection, dev) and, for
/// real-train.jsonl, by source page, so no voice or page straddles two splits.
public struct CorpusSplits: Sendable {
    /// A line with the group it is split and cross-validated by (its voice file or source page).
    public struct Line: Sendable {
        public var message: LabelledMessage
        public var group: String
    }

    public var train: [Line]
    public var validation: [Line]
    public var locked: [Line]

    public static func load(splitsPath: String) throws -> CorpusSplits {
        let directory = (splitsPath as NSString).deletingLastPathComponent
        guard let yaml = FileManager.default.contents(atPath: splitsPath) else {
            throw CorpusError.unreadable(splitsPath)
        }
        let entries = try YAMLDecoder().decode([String: [String]].self, from: yaml)
        func lines(_ split: String) throws -> [Line] {
            try (entries[split] ?? []).flatMap { try load(entry: $0, directory: directory) }
        }
        return CorpusSplits(train: try lines("train"), validation: try lines("validation"), locked: try lines("locked"))
    }

    /// `file.jsonl`, or `file.jsonl#pages-bucket-0` / `#pages-not-bucket-0` for a share of its pages.
    private static func load(entry: String, directory: String) throws -> [Line] {
        let parts = entry.split(separator: "#", maxSplits: 1).map(String.init)
        let path = (directory as NSString).appendingPathComponent(parts[0])
        guard let data = FileManager.default.contents(atPath: path) else { throw CorpusError.unreadable(path) }
        let decoder = JSONDecoder()
        var out: [Line] = []
        for (number, raw) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            guard raw.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") }) else { continue }
            let message: LabelledMessage
            do {
                message = try decoder.decode(LabelledMessage.self, from: Data(raw))
            } catch {
                throw CorpusError.badLine(path, number + 1, "\(error)")
            }
            let group =
                message.voice.map { $0 == "real" ? message.source ?? parts[0] : $0 } ?? message.source ?? parts[0]
            if parts.count == 2 {
                let inBucket = pageBucket(message.source ?? message.id) == 0
                if (parts[1] == "pages-bucket-0") != inBucket { continue }
            }
            out.append(Line(message: message, group: group))
        }
        return out
    }

    /// FNV-1a of the page address, mod 5.
    public static func pageBucket(_ address: String) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in address.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return Int(h % 5)
    }
}

public enum CorpusError: Error, CustomStringConvertible {
    case unreadable(String)
    case badLine(String, Int, String)

    public var description: String {
        switch self {
        case .unreadable(let path): "cannot read \(path)"
        case .badLine(let path, let line, let reason): "\(path):\(line): \(reason)"
        }
    }
}
