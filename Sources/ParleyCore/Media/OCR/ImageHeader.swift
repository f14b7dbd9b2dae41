/// What an image's first bytes say, read before anything is decoded: the format from its magic
/// bytes (never from a file name or mimetype), the pixel dimensions from its header (so a
/// decompression bomb — a small file claiming 100000×100000 pixels — is refused before a
/// decoder allocates), and where its EXIF block sits, if it has one.
///
/// Leptonica's own `pixReadHeaderMem` is not used for this: for GIF it decodes the whole image
/// to learn the size, and it would be a second pass through C decoders on untrusted bytes.
struct ImageHeader: Sendable, Equatable {
    enum Format: String, Sendable {
        case jpeg, png, gif, tiff, webp, bmp
    }

    var format: Format
    var width: Int
    var height: Int
    /// The TIFF structure of the EXIF block ("II*\0..." or "MM\0*..."), as a range of the bytes.
    var exif: Range<Int>?

    static func read(_ bytes: [UInt8]) throws(ParleyError) -> ImageHeader {
        guard !bytes.isEmpty else { throw ParleyError(.badMedia, "the image is empty (zero bytes)") }
        let b = bytes
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            guard b.count >= offset + prefix.count else { return false }
            for i in 0..<prefix.count where b[offset + i] != prefix[i] { return false }
            return true
        }
        if starts([0xFF, 0xD8, 0xFF]) { return try jpeg(b) }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return try png(b) }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) {
            guard b.count >= 13 else { throw truncated("GIF") }
            return ImageHeader(format: .gif, width: le16(b, 6), height: le16(b, 8), exif: nil)
        }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return try tiff(b) }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return try webp(b) }
        if starts(Array("BM".utf8)) && b.count >= 26 {
            let width = Int(Int32(bitPattern: UInt32(le16(b, 18)) | UInt32(le16(b, 20)) << 16))
            let height = Int(Int32(bitPattern: UInt32(le16(b, 22)) | UInt32(le16(b, 24)) << 16))
            return ImageHeader(format: .bmp, width: abs(width), height: abs(height), exif: nil)
        }
        if starts(Array("%PDF".utf8)) { throw ParleyError(.badMedia, "a PDF is a document, not an image: parse it as a document") }
        if starts([0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20]) || starts([0xFF, 0x4F, 0xFF, 0x51]) {
            throw ParleyError(.unsupported, "JPEG 2000 images are not supported")
        }
        if starts(Array("ftyp".utf8), at: 4) {
            throw ParleyError(.unsupported, "HEIC/AVIF images are not supported (JPEG, PNG, WebP, TIFF, GIF, BMP are)")
        }
        throw ParleyError(.badMedia, "not an image Parley can read: the bytes are not JPEG, PNG, WebP, TIFF, GIF or BMP")
    }

    private static func truncated(_ format: String) -> ParleyError {
        ParleyError(.badMedia, "the \(format) image is truncated (its header is incomplete)")
    }

    @inline(__always) static func le16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
    @inline(__always) static func be16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) << 8 | Int(b[i + 1]) }
    @inline(__always) static func be32(_ b: [UInt8], _ i: Int) -> Int { be16(b, i) << 16 | be16(b, i + 2) }
    @inline(__always) static func le32(_ b: [UInt8], _ i: Int) -> Int { le16(b, i) | le16(b, i + 2) << 16 }

    private static func png(_ b: [UInt8]) throws(ParleyError) -> ImageHeader {
        // Signature, then the IHDR chunk: length, "IHDR", width, height (big-endian).
        guard b.count >= 33, b[12] == 0x49, b[13] == 0x48, b[14] == 0x44, b[15] == 0x52 else { throw truncated("PNG") }
        var header = ImageHeader(format: .png, width: be32(b, 16), height: be32(b, 20), exif: nil)
        // Every chunk must be whole up to IEND: libpng would otherwise print its complaint about
        // a truncated file to stderr. An eXIf chunk (PNG 1.5 extension) carries EXIF as plain TIFF data.
        var i = 8
        var sawData = false
        while i + 12 <= b.count {
            let length = be32(b, i)
            guard length >= 0, length <= b.count - i - 12 else { break }
            let type = (b[i + 4], b[i + 5], b[i + 6], b[i + 7])
            if type == (0x65, 0x58, 0x49, 0x66), header.exif == nil { header.exif = (i + 8)..<(i + 8 + length) }  // eXIf
            if type == (0x49, 0x44, 0x41, 0x54) { sawData = true }  // IDAT
            if type == (0x49, 0x45, 0x4E, 0x44) {  // IEND
                guard sawData else { throw ParleyError(.badMedia, "the PNG image has no image data") }
                return header
            }
            i += 12 + length
        }
        throw ParleyError(.badMedia, "the PNG image is truncated (it ends before its last chunk)")
    }

    private static func jpeg(_ b: [UInt8]) throws(ParleyError) -> ImageHeader {
        var i = 2
        var exif: Range<Int>?
        while i + 4 <= b.count {
            guard b[i] == 0xFF else { throw ParleyError(.badMedia, "the JPEG image is corrupt (no marker at byte \(i))") }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }  // fill byte
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }
            if marker == 0xD9 || marker == 0xDA { break }  // end of image or start of scan before any frame
            let length = be16(b, i + 2)
            guard length >= 2, i + 2 + length <= b.count else { break }
            let body = i + 4
            if marker == 0xE1, length >= 8, b[body] == 0x45, b[body + 1] == 0x78, b[body + 2] == 0x69, b[body + 3] == 0x66,
               b[body + 4] == 0, b[body + 5] == 0, exif == nil {
                exif = (body + 6)..<(i + 2 + length)  // "Exif\0\0", then TIFF
            }
            // Start of frame: every SOFn except DHT (C4), JPG (C8) and DAC (CC).
            if (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC {
                guard length >= 7 else { break }
                // A whole JPEG ends with EOI (FF D9; trailing bytes after it are tolerated). Without it
                // the file is truncated, and libjpeg would print its warning to stderr.
                var end = b.count - 2
                let stop = i
                while end > stop, !(b[end] == 0xFF && b[end + 1] == 0xD9) { end -= 1 }
                guard end > stop else { throw ParleyError(.badMedia, "the JPEG image is truncated (no end-of-image marker)") }
                return ImageHeader(format: .jpeg, width: be16(b, body + 3), height: be16(b, body + 1), exif: exif)
            }
            i += 2 + length
        }
        throw ParleyError(.badMedia, "the JPEG image is truncated or corrupt (no frame header)")
    }

    private static func tiff(_ b: [UInt8]) throws(ParleyError) -> ImageHeader {
        guard let reader = TIFFReader(b, 0..<b.count), let ifd0 = reader.firstIFD else { throw truncated("TIFF") }
        let width = reader.value(ifd0, tag: 256)
        let height = reader.value(ifd0, tag: 257)
        guard let width, let height else { throw ParleyError(.badMedia, "the TIFF image has no width or height") }
        return ImageHeader(format: .tiff, width: width, height: height, exif: 0..<b.count)
    }

    private static func webp(_ b: [UInt8]) throws(ParleyError) -> ImageHeader {
        var i = 12
        var width: Int?
        var height: Int?
        var exif: Range<Int>?
        while i + 8 <= b.count {
            let tag = String(decoding: b[i..<(i + 4)], as: UTF8.self)
            let size = le32(b, i + 4)
            let body = i + 8
            let available = min(size, b.count - body)
            switch tag {
            case "VP8X" where available >= 10:
                width = 1 + (Int(b[body + 4]) | Int(b[body + 5]) << 8 | Int(b[body + 6]) << 16)
                height = 1 + (Int(b[body + 7]) | Int(b[body + 8]) << 8 | Int(b[body + 9]) << 16)
            case "VP8 " where available >= 10 && width == nil:
                // Frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height.
                guard b[body + 3] == 0x9D, b[body + 4] == 0x01, b[body + 5] == 0x2A else { throw truncated("WebP") }
                width = le16(b, body + 6) & 0x3FFF
                height = le16(b, body + 8) & 0x3FFF
            case "VP8L" where available >= 5 && width == nil:
                guard b[body] == 0x2F else { throw truncated("WebP") }
                let bits = le32(b, body + 1)
                width = (bits & 0x3FFF) + 1
                height = ((bits >> 14) & 0x3FFF) + 1
            case "EXIF" where available > 0:
                var start = body
                // Some writers keep JPEG's "Exif\0\0" prefix.
                if available >= 6, b[body] == 0x45, b[body + 1] == 0x78 { start += 6 }
                exif = start..<(body + available)
            default:
                break
            }
            i = body + size + (size & 1)
            if i < body { break }
        }
        guard let width, let height else { throw truncated("WebP") }
        return ImageHeader(format: .webp, width: width, height: height, exif: exif)
    }
}

/// Bounds-checked reading of a TIFF structure (a TIFF file, or the EXIF block inside a JPEG,
/// PNG or WebP): image file directories of 12-byte entries.
struct TIFFReader {
    let bytes: [UInt8]
    let base: Int
    let end: Int
    let littleEndian: Bool

    init?(_ bytes: [UInt8], _ range: Range<Int>) {
        guard range.count >= 8, range.lowerBound >= 0, range.upperBound <= bytes.count else { return nil }
        self.bytes = bytes
        base = range.lowerBound
        end = range.upperBound
        switch (bytes[base], bytes[base + 1]) {
        case (0x49, 0x49): littleEndian = true
        case (0x4D, 0x4D): littleEndian = false
        default: return nil
        }
        guard u16(2) == 42 else { return nil }
    }

    /// 16 and 32-bit values at an offset from the TIFF header, nil past the end.
    func u16(_ offset: Int) -> Int? {
        let i = base + offset
        guard offset >= 0, i + 2 <= end else { return nil }
        return littleEndian ? Int(bytes[i]) | Int(bytes[i + 1]) << 8 : Int(bytes[i]) << 8 | Int(bytes[i + 1])
    }

    func u32(_ offset: Int) -> Int? {
        guard let a = u16(offset), let b = u16(offset + 2) else { return nil }
        return littleEndian ? a | b << 16 : a << 16 | b
    }

    var firstIFD: Int? { u32(4) }

    /// The entry of `tag` in the directory at `ifd`: its type, count and value-or-offset field.
    func entry(_ ifd: Int, tag: Int) -> (type: Int, count: Int, field: Int)? {
        guard let n = u16(ifd), n < 1000 else { return nil }
        for k in 0..<n {
            let e = ifd + 2 + 12 * k
            guard let t = u16(e) else { return nil }
            if t == tag {
                guard let type = u16(e + 2), let count = u32(e + 4) else { return nil }
                return (type, count, e + 8)
            }
        }
        return nil
    }

    /// A SHORT or LONG tag's first value.
    func value(_ ifd: Int, tag: Int) -> Int? {
        guard let (type, _, field) = entry(ifd, tag: tag) else { return nil }
        switch type {
        case 3: return u16(field)
        case 4: return u32(field)
        default: return nil
        }
    }

    private static let typeSizes = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8]

    /// Where a tag's data starts (inline when it fits in four bytes), and its count.
    func data(_ ifd: Int, tag: Int) -> (offset: Int, count: Int, type: Int)? {
        guard let (type, count, field) = entry(ifd, tag: tag), type > 0, type < Self.typeSizes.count else { return nil }
        let size = Self.typeSizes[type] * count
        guard count >= 0, count < 1 << 20 else { return nil }
        if size <= 4 { return (field, count, type) }
        guard let offset = u32(field), base + offset + size <= end else { return nil }
        return (offset, count, type)
    }

    func ascii(_ ifd: Int, tag: Int) -> String? {
        guard let (offset, count, type) = data(ifd, tag: tag), type == 2 || type == 7 else { return nil }
        var chars: [UInt8] = []
        for k in 0..<count {
            let i = base + offset + k
            guard i < end else { break }
            if bytes[i] == 0 { break }
            chars.append(bytes[i])
        }
        let text = String(decoding: chars, as: UTF8.self)
        var trimmed = Substring(text)
        while trimmed.last == " " { trimmed.removeLast() }
        return trimmed.isEmpty ? nil : String(trimmed)
    }

    /// RATIONAL values (unsigned numerator / denominator pairs).
    func rationals(_ ifd: Int, tag: Int) -> [Double]? {
        guard let (offset, count, type) = data(ifd, tag: tag), type == 5 || type == 10, count <= 16 else { return nil }
        var values: [Double] = []
        for k in 0..<count {
            guard let n = u32(offset + 8 * k), let d = u32(offset + 8 * k + 4) else { return nil }
            if type == 10 {
                let sn = Int32(truncatingIfNeeded: n), sd = Int32(truncatingIfNeeded: d)
                values.append(sd == 0 ? 0 : Double(sn) / Double(sd))
            } else {
                values.append(d == 0 ? 0 : Double(n) / Double(d))
            }
        }
        return values
    }

    func byte(_ ifd: Int, tag: Int) -> Int? {
        guard let (offset, count, type) = data(ifd, tag: tag), count >= 1, type == 1 || type == 7 else { return nil }
        let i = base + offset
        return i < end ? Int(bytes[i]) : nil
    }
}
