/// Checks that bytes are whole Ogg pages with correct checksums before libopusfile sees them.
///
/// libopusfile is lenient by design: it skips a page whose CRC is wrong and stops quietly at
/// a page cut off by truncation, so a damaged voice note would decode into a shorter one and
/// be transcribed as if nothing were missing. Here a cut-off page, bytes that are not a page,
/// or a checksum mismatch is `.badMedia`. (A file cut exactly between two pages cannot be told
/// from a complete one unless its end-of-stream flag is required, which some recorders omit.)
enum OggPages {
    static func validate(_ bytes: [UInt8]) throws(ParleyError) {
        var offset = 0
        var pages = 0
        while offset < bytes.count {
            guard bytes.count - offset >= 27 else {
                throw ParleyError(.badMedia, "the Ogg stream is truncated (a page header cut off at byte \(offset))")
            }
            guard AudioFormat.matches(bytes, at: offset, "OggS"), bytes[offset + 4] == 0 else {
                throw ParleyError(.badMedia, "the Ogg stream is corrupt (no page at byte \(offset))")
            }
            let segments = Int(bytes[offset + 26])
            let headerLength = 27 + segments
            guard bytes.count - offset >= headerLength else {
                throw ParleyError(.badMedia, "the Ogg stream is truncated (a segment table cut off at byte \(offset))")
            }
            var bodyLength = 0
            for i in 0..<segments { bodyLength += Int(bytes[offset + 27 + i]) }
            let pageLength = headerLength + bodyLength
            guard bytes.count - offset >= pageLength else {
                throw ParleyError(.badMedia, "the Ogg stream is truncated (its last page needs \(pageLength) bytes, \(bytes.count - offset) present)")
            }
            let stored = UInt32(bytes[offset + 22]) | UInt32(bytes[offset + 23]) << 8
                | UInt32(bytes[offset + 24]) << 16 | UInt32(bytes[offset + 25]) << 24
            guard crc(bytes, offset, pageLength) == stored else {
                throw ParleyError(.badMedia, "the Ogg stream is corrupt (checksum mismatch in page \(pages + 1) at byte \(offset))")
            }
            offset += pageLength
            pages += 1
        }
    }

    /// Ogg's CRC-32 (polynomial 0x04C11DB7, not reflected, initial 0) over one page with its
    /// checksum field counted as zeros.
    static func crc(_ bytes: [UInt8], _ start: Int, _ length: Int) -> UInt32 {
        let table = Self.table
        var crc: UInt32 = 0
        for i in start..<start + length {
            let byte = (i - start >= 22 && i - start < 26) ? 0 : bytes[i]
            crc = (crc << 8) ^ table[Int((crc >> 24) ^ UInt32(byte))]
        }
        return crc
    }

    private static let table: [UInt32] = (0..<256).map { (n: Int) -> UInt32 in
        var r = UInt32(n) << 24
        for _ in 0..<8 { r = (r & 0x8000_0000) != 0 ? (r << 1) ^ 0x04C1_1DB7 : r << 1 }
        return r
    }
}
