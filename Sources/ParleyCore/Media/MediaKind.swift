/// What a media file is, told from its first bytes: hosts mislabel files (a sticker sent as
/// "image/jpeg", a voice note as "application/octet-stream"), so the name and mimetype a
/// message carries are never trusted to pick the reader.
public enum MediaKind: String, Sendable, CaseIterable {
    case image, audio, document, video, other

    /// The kind and the real mimetype of `bytes`; nil when nothing is recognized.
    static func sniff(_ bytes: [UInt8]) -> (kind: MediaKind, mimetype: String)? {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<offset + prefix.count]) == prefix
        }
        let ascii = { (s: String) in Array(s.utf8) }
        if starts([0xFF, 0xD8, 0xFF]) { return (.image, "image/jpeg") }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return (.image, "image/png") }
        if starts(ascii("GIF87a")) || starts(ascii("GIF89a")) { return (.image, "image/gif") }
        if starts(ascii("RIFF")) && starts(ascii("WEBP"), at: 8) { return (.image, "image/webp") }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return (.image, "image/tiff") }
        if starts(ascii("BM")) && bytes.count > 26 { return (.image, "image/bmp") }
        if starts(ascii("OggS")) { return (.audio, "audio/ogg") }
        if starts(ascii("RIFF")) && starts(ascii("WAVE"), at: 8) { return (.audio, "audio/wav") }
        if starts(ascii("#!AMR")) { return (.audio, "audio/amr") }
        // UTF-16LE's byte-order mark (Excel's "Unicode text") also passes for an MPEG frame sync.
        if starts([0xFF, 0xFE]) && looksLikeUTF16LE(bytes) { return (.document, "text/plain") }
        if starts(ascii("ID3")) || (bytes.count > 2 && bytes[0] == 0xFF && bytes[1] & 0xE0 == 0xE0) { return (.audio, "audio/mpeg") }
        if starts(ascii("ftyp"), at: 4) {
            let brand = bytes.count >= 12 ? String(decoding: bytes[8..<12], as: UTF8.self) : ""
            return brand.hasPrefix("M4A") ? (.audio, "audio/mp4") : (.video, "video/mp4")
        }
        if starts([0x1A, 0x45, 0xDF, 0xA3]) { return (.video, "video/webm") }
        if starts(ascii("%PDF-")) { return (.document, "application/pdf") }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return (.document, "application/zip") }
        if looksLikeText(bytes) { return (.document, "text/plain") }
        return nil
    }

    /// The first 256 code units after the mark read as text: no control characters but tab and
    /// line ends, no noncharacters, surrogates only in pairs.
    private static func looksLikeUTF16LE(_ bytes: [UInt8]) -> Bool {
        var units: [UInt16] = []
        var i = 2
        while i + 1 < bytes.count && units.count < 256 {
            units.append(UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8)
            i += 2
        }
        guard !units.isEmpty else { return false }
        var k = 0
        while k < units.count {
            let u = units[k]
            if u < 0x20 && u != 9 && u != 10 && u != 13 { return false }
            if u == 0xFFFE || u == 0xFFFF { return false }
            if u >= 0xD800 && u <= 0xDBFF {
                guard k + 1 < units.count else { break }  // cut at the window's end
                guard units[k + 1] >= 0xDC00 && units[k + 1] <= 0xDFFF else { return false }
                k += 1
            } else if u >= 0xDC00 && u <= 0xDFFF {
                return false
            }
            k += 1
        }
        return true
    }

    /// UTF-16 with a byte-order mark, or no NUL and few control bytes in the first 4 KB.
    private static func looksLikeText(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return false }
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) { return true }
        let head = bytes.prefix(4096)
        var control = 0
        for b in head {
            if b == 0 { return false }
            if b < 32 && b != 9 && b != 10 && b != 13 && b != 12 { control += 1 }
        }
        return control * 100 <= head.count
    }
}
