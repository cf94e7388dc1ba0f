import Foundation

/// The image types the board stores, recognised by their first bytes: a server's Content-Type is
/// only a claim, and a page of HTML named `.jpg` must not end up on the board.
enum ImageFormat: String, Sendable, CaseIterable {
    case jpeg, png, gif, webp

    /// The format the bytes start with, if any.
    init?(sniffing data: Data) {
        let b = [UInt8](data.prefix(12))
        if b.starts(with: [0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if b.starts(with: Array("GIF87a".utf8)) || b.starts(with: Array("GIF89a".utf8)) {
            self = .gif
        } else if b.count >= 12, b[0..<4].elementsEqual("RIFF".utf8), b[8..<12].elementsEqual("WEBP".utf8) {
            self = .webp
        } else {
            return nil
        }
    }

    var contentType: String { "image/\(rawValue)" }

    var fileExtension: String { self == .jpeg ? "jpg" : rawValue }

    /// The format a stored file's extension names.
    init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "jpg", "jpeg": self = .jpeg
        case "png": self = .png
        case "gif": self = .gif
        case "webp": self = .webp
        default: return nil
        }
    }

    /// Width and height from the header, read before decoding so that a small file announcing a
    /// huge picture is not inflated in memory; nil when the header cannot be read.
    func pixelSize(of data: Data) -> (width: Int, height: Int)? {
        // A JPEG may carry several 64 KiB metadata segments before its frame header.
        let b = [UInt8](data.prefix(1 << 20))
        func be16(_ i: Int) -> Int? { i + 1 < b.count ? Int(b[i]) << 8 | Int(b[i + 1]) : nil }
        func le16(_ i: Int) -> Int? { i + 1 < b.count ? Int(b[i]) | Int(b[i + 1]) << 8 : nil }
        func le24(_ i: Int) -> Int? { i + 2 < b.count ? Int(b[i]) | Int(b[i + 1]) << 8 | Int(b[i + 2]) << 16 : nil }
        func be32(_ i: Int) -> Int? {
            guard let high = be16(i), let low = be16(i + 2) else { return nil }
            return high << 16 | low
        }
        switch self {
        case .png:
            guard let w = be32(16), let h = be32(20) else { return nil }
            return (w, h)
        case .gif:
            guard let w = le16(6), let h = le16(8) else { return nil }
            return (w, h)
        case .webp:
            guard b.count >= 30 else { return nil }
            switch String(decoding: b[12..<16], as: UTF8.self) {
            case "VP8 ":
                guard let w = le16(26), let h = le16(28) else { return nil }
                return (w & 0x3FFF, h & 0x3FFF)
            case "VP8L":
                let bits = Int(b[21]) | Int(b[22]) << 8 | Int(b[23]) << 16 | Int(b[24]) << 24
                return ((bits & 0x3FFF) + 1, (bits >> 14 & 0x3FFF) + 1)
            case "VP8X":
                guard let w = le24(24), let h = le24(27) else { return nil }
                return (w + 1, h + 1)
            default:
                return nil
            }
        case .jpeg:
            return jpegFrameSize(b)
        }
    }

    /// Walks the JPEG segments up to the first start-of-frame marker, which holds the size.
    private func jpegFrameSize(_ b: [UInt8]) -> (width: Int, height: Int)? {
        var i = 2
        while i + 9 < b.count {
            guard b[i] == 0xFF else { return nil }
            let marker = b[i + 1]
            if marker == 0xFF {  // fill byte
                i += 1
                continue
            }
            if marker == 0x01 || (0xD0...0xD7).contains(marker) {  // no length follows
                i += 2
                continue
            }
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                let height = Int(b[i + 5]) << 8 | Int(b[i + 6])
                let width = Int(b[i + 7]) << 8 | Int(b[i + 8])
                return (width, height)
            }
            guard length >= 2 else { return nil }
            i += 2 + length
        }
        return nil
    }
}
