import CZlib

/// A ZIP archive read from memory: the central directory, then one entry at a time, stored or
/// deflated (system zlib), with hard caps so a decompression bomb is refused before it is
/// inflated: every entry's declared size and ratio are checked first, and inflating stops at
/// the declared size, the archive's remaining budget and the ratio limit, whatever the headers say.
struct ZipArchive {
    struct Entry {
        var name: String
        var method: UInt16
        var flags: UInt16
        var crc: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    let bytes: [UInt8]
    private(set) var entries: [String: Entry] = [:]
    /// What may still be inflated from this archive (`maxUncompressedBytes` at first).
    private(set) var budget: Int
    let maxRatio: Int

    init(_ bytes: [UInt8], maxUncompressedBytes: Int, maxRatio: Int) throws(ParleyError) {
        self.bytes = bytes
        self.budget = maxUncompressedBytes
        self.maxRatio = maxRatio
        // End of central directory: 22 bytes plus a comment of up to 65,535, at the very end.
        guard bytes.count >= 22 else { throw Self.corrupt("too short to hold a ZIP directory") }
        var eocd = -1
        var i = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while i >= lowest {
            if bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x05 && bytes[i + 3] == 0x06 { eocd = i; break }
            i -= 1
        }
        guard eocd >= 0 else { throw Self.corrupt("truncated ZIP archive (no central directory)") }
        let count = Int(u16(eocd + 10))
        let directorySize = Int(u32(eocd + 12))
        let directoryOffset = Int(u32(eocd + 16))
        if count == 0xFFFF || directoryOffset == 0xFFFF_FFFF {
            throw ParleyError(.unsupported, "ZIP64 archives are not supported")
        }
        guard directoryOffset + directorySize <= eocd else {
            throw Self.corrupt("truncated ZIP archive (central directory out of range)")
        }
        var p = directoryOffset
        for _ in 0..<count {
            guard p + 46 <= eocd, u32(p) == 0x0201_4B50 else { throw Self.corrupt("corrupt ZIP central directory") }
            let nameLength = Int(u16(p + 28)), extraLength = Int(u16(p + 30)), commentLength = Int(u16(p + 32))
            guard p + 46 + nameLength <= eocd else { throw Self.corrupt("corrupt ZIP central directory") }
            let entry = Entry(
                name: String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self),
                method: u16(p + 10), flags: u16(p + 8), crc: u32(p + 16),
                compressedSize: Int(u32(p + 20)), uncompressedSize: Int(u32(p + 24)),
                localHeaderOffset: Int(u32(p + 42)))
            entries[entry.name] = entry
            p += 46 + nameLength + extraLength + commentLength
        }
    }

    func contains(_ name: String) -> Bool { entries[name] != nil }

    /// The entry's uncompressed bytes, or nil when the archive has no such entry.
    mutating func read(_ name: String) throws(ParleyError) -> [UInt8]? {
        guard let entry = entries[name] else { return nil }
        if entry.flags & 1 != 0 { throw ParleyError(.badMedia, "encrypted ZIP entry \(name)") }
        if entry.uncompressedSize > budget {
            throw ParleyError(.tooLarge, "\(name) would inflate past the limit of uncompressed bytes")
        }
        if entry.uncompressedSize > 1 << 20 && entry.uncompressedSize / max(entry.compressedSize, 1) > maxRatio {
            throw ParleyError(.tooLarge, "\(name) has a compression ratio past \(maxRatio):1 (a decompression bomb?)")
        }
        let h = entry.localHeaderOffset
        guard h + 30 <= bytes.count, u32(h) == 0x0403_4B50 else { throw Self.corrupt("corrupt ZIP local header for \(name)") }
        let start = h + 30 + Int(u16(h + 26)) + Int(u16(h + 28))
        guard start + entry.compressedSize <= bytes.count else { throw Self.corrupt("truncated ZIP entry \(name)") }
        let output: [UInt8]
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else { throw Self.corrupt("corrupt stored ZIP entry \(name)") }
            output = Array(bytes[start..<(start + entry.compressedSize)])
        case 8:
            output = try inflate(name, start, entry.compressedSize, declared: entry.uncompressedSize)
        default:
            throw ParleyError(.unsupported, "ZIP compression method \(entry.method) (\(name))")
        }
        let crc = output.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, UInt32($0.count))) }
        guard crc == entry.crc else { throw Self.corrupt("ZIP entry \(name) fails its checksum") }
        budget -= output.count
        return output
    }

    private func inflate(_ name: String, _ start: Int, _ length: Int, declared: Int) throws(ParleyError) -> [UInt8] {
        var stream = z_stream()
        guard czlib_inflate_init_raw(&stream) == Z_OK else { throw ParleyError(.internal, "zlib could not start") }
        defer { inflateEnd(&stream) }
        // Never more than declared (a lying header gets one byte further), the budget, or the ratio.
        let cap = min(declared, budget)
        var output = [UInt8](repeating: 0, count: cap + 1)
        var status: Int32 = Z_OK
        var produced = 0
        bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + start)
                stream.avail_in = UInt32(length)
                stream.next_out = out.baseAddress
                stream.avail_out = UInt32(cap + 1)
                repeat {
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                } while status == Z_OK && stream.avail_out > 0 && stream.avail_in > 0
                produced = cap + 1 - Int(stream.avail_out)
            }
        }
        if status == Z_STREAM_END && produced == declared {
            output.removeLast()
            return output
        }
        if produced > cap {
            if cap < declared { throw ParleyError(.tooLarge, "\(name) inflates past the limit of uncompressed bytes") }
            throw Self.corrupt("ZIP entry \(name) inflates to more than its header declares")
        }
        if status == Z_STREAM_END { throw Self.corrupt("ZIP entry \(name) is smaller than its header declares") }
        if status == Z_OK || status == Z_BUF_ERROR { throw Self.corrupt("truncated ZIP entry \(name)") }
        throw Self.corrupt("corrupt deflate data in ZIP entry \(name)")
    }

    private func u16(_ i: Int) -> UInt16 { UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 }
    private func u32(_ i: Int) -> UInt32 {
        UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
    }

    static func corrupt(_ message: MaskedText) -> ParleyError { ParleyError(.badMedia, message) }
}
