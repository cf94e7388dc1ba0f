import CGD
import Foundation

/// Makes the board's thumbnails with libgd: the image scaled so its longest side is at most
/// `longestSide`, on white (JPEG has no transparency), as a JPEG. Nil when the image cannot be
/// decoded; the photo is then shown full size.
enum Thumbnailer {
    /// Larger pictures are not decoded: a small file can announce a picture that needs gigabytes.
    static let maxDecodePixels = 40_000_000

    static func jpeg(from data: Data, format: ImageFormat, longestSide: Int, quality: Int32 = 80) -> Data? {
        _ = quietErrors
        guard let size = format.pixelSize(of: data), size.width > 0, size.height > 0,
            size.width * size.height <= maxDecodePixels, !data.isEmpty, data.count <= Int(Int32.max)
        else { return nil }
        let decoded: gdImagePtr? = data.withUnsafeBytes { raw in
            let bytes = UnsafeMutableRawPointer(mutating: raw.baseAddress)
            let count = Int32(raw.count)
            switch format {
            case .jpeg: return gdImageCreateFromJpegPtrEx(count, bytes, 1)
            case .png: return gdImageCreateFromPngPtr(count, bytes)
            case .gif: return gdImageCreateFromGifPtr(count, bytes)
            case .webp: return gdImageCreateFromWebpPtr(count, bytes)
            }
        }
        guard let image = decoded else { return nil }
        defer { gdImageDestroy(image) }
        let width = Int(image.pointee.sx)
        let height = Int(image.pointee.sy)
        guard width > 0, height > 0, width * height <= maxDecodePixels else { return nil }
        let scale = min(1, Double(longestSide) / Double(max(width, height)))
        let newWidth = max(1, Int((Double(width) * scale).rounded()))
        let newHeight = max(1, Int((Double(height) * scale).rounded()))

        if image.pointee.trueColor == 0 { _ = gdImagePaletteToTrueColor(image) }
        // A filtering method: plain bilinear sampling leaves jagged edges when shrinking a lot.
        _ = gdImageSetInterpolationMethod(image, GD_TRIANGLE)
        guard let scaled = gdImageScale(image, UInt32(newWidth), UInt32(newHeight)) else { return nil }
        defer { gdImageDestroy(scaled) }
        guard let canvas = gdImageCreateTrueColor(Int32(newWidth), Int32(newHeight)) else { return nil }
        defer { gdImageDestroy(canvas) }
        gdImageFilledRectangle(canvas, 0, 0, Int32(newWidth - 1), Int32(newHeight - 1), 0xFF_FFFF)
        gdImageAlphaBlending(canvas, 1)
        gdImageCopy(canvas, scaled, 0, 0, 0, 0, Int32(newWidth), Int32(newHeight))

        var length: Int32 = 0
        guard let encoded = gdImageJpegPtr(canvas, &length, quality), length > 0 else { return nil }
        defer { gdFree(encoded) }
        return Data(bytes: encoded, count: Int(length))
    }

    /// libgd prints decoding warnings to stderr; a refused image is reported as a nil thumbnail instead.
    private static let quietErrors: Void = gdSetErrorMethod { _, _, _ in }
}
