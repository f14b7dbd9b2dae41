#if canImport(Glibc)
import Glibc
#endif

/// Where an export's text comes from: a file read in chunks (so a 100 MB export is never held
/// whole), or bytes already in memory (the .txt inflated from a zip).
final class ExportByteSource {
    private enum Backing {
        case file(UnsafeMutablePointer<FILE>)
        case memory([UInt8])
    }

    private let backing: Backing
    private var offset = 0
    /// Bytes in all (the file's size when it opened).
    let total: Int64

    init(memory bytes: [UInt8]) {
        backing = .memory(bytes)
        total = Int64(bytes.count)
    }

    /// Opens `path` for reading; the error names the file.
    init(path: String) throws(ParleyError) {
        // Checked before opening: a FIFO blocks in fopen, and a device (/dev/zero) never ends.
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            let kind = (info.st_mode & S_IFMT) == S_IFDIR ? "a directory" : "not a regular file (a pipe or a device)"
            throw ParleyError(.invalidArgument, "the export \(path) is \(kind), not a .txt or .zip file")
        }
        guard let file = fopen(path, "rb") else {
            let reason = String(cString: strerror(errno))
            throw ParleyError(errno == ENOENT ? .notFound : .invalidArgument, "cannot open the export \(path): \(reason)")
        }
        backing = .file(file)
        total = fstat(fileno(file), &info) == 0 ? Int64(info.st_size) : 0
    }

    deinit {
        if case .file(let file) = backing { fclose(file) }
    }

    /// Fills `buffer` from the current position; 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        switch backing {
        case .file(let file):
            return fread(buffer.baseAddress, 1, buffer.count, file)
        case .memory(let bytes):
            let count = min(buffer.count, bytes.count - offset)
            guard count > 0 else { return 0 }
            bytes.withUnsafeBytes { all in
                buffer.baseAddress!.copyMemory(from: all.baseAddress! + offset, byteCount: count)
            }
            offset += count
            return count
        }
    }

    func rewind() {
        switch backing {
        case .file(let file): Glibc.rewind(file)
        case .memory: offset = 0
        }
    }
}

/// The lines of an export as UTF-8, read in 64 KB chunks: UTF-8 with or without a byte order
/// mark, UTF-16 LE/BE with one (or without, told by its zero bytes). Bytes that are not valid
/// UTF-8 are counted and never fatal: a line with no valid multi-byte sequence at all is read
/// as Windows-1252 (an older part of a mixed-encoding file), otherwise each invalid byte
/// becomes U+FFFD. Lines end at LF (a CR before it is dropped); a line over `maxLineBytes` is
/// cut there (the rest up to its end dropped and counted).
struct ExportTextStream {
    enum Encoding: String { case utf8 = "utf-8", utf8BOM = "utf-8-bom", utf16LE = "utf-16le", utf16BE = "utf-16be" }

    static let chunkSize = 1 << 16
    let source: ExportByteSource
    let maxLineBytes: Int
    private var chunk: [UInt8]
    private var chunkCount = 0
    private var chunkIndex = 0
    private var ended = false
    private(set) var encoding: Encoding?
    private(set) var bytesRead: Int64 = 0
    private(set) var lineNumber = 0
    private(set) var invalidBytes = 0
    /// Lines read as Windows-1252.
    private(set) var recodedLines = 0
    /// Lines cut at `maxLineBytes`.
    private(set) var cutLines = 0
    private var line: [UInt8] = []
    private var dropping = false
    // UTF-16: an odd byte left over from the last chunk, a high surrogate awaiting its pair.
    private var oddByte: UInt8?
    private var highSurrogate: UInt16?

    init(_ source: ExportByteSource, maxLineBytes: Int = 1 << 20) {
        self.source = source
        self.maxLineBytes = maxLineBytes
        chunk = [UInt8](repeating: 0, count: Self.chunkSize)
        line.reserveCapacity(256)
    }

    /// The next line (UTF-8, without its end), or nil at the end of the text.
    mutating func next() -> [UInt8]? {
        while true {
            if chunkIndex >= chunkCount {
                if ended { return finishLast() }
                refill()
                continue
            }
            if encoding == .utf16LE || encoding == .utf16BE {
                if let done = scanUTF16() { return done }
            } else {
                if let done = scanUTF8() { return done }
            }
        }
    }

    private mutating func refill() {
        chunkCount = chunk.withUnsafeMutableBytes { source.read(into: $0) }
        chunkIndex = 0
        bytesRead += Int64(chunkCount)
        if chunkCount == 0 { ended = true; return }
        if encoding == nil { detectEncoding() }
    }

    private mutating func detectEncoding() {
        let b = chunk
        let n = chunkCount
        if n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
            encoding = .utf8BOM
            chunkIndex = 3
        } else if n >= 2 && b[0] == 0xFF && b[1] == 0xFE {
            encoding = .utf16LE
            chunkIndex = 2
        } else if n >= 2 && b[0] == 0xFE && b[1] == 0xFF {
            encoding = .utf16BE
            chunkIndex = 2
        } else if n >= 8 && b[1] == 0 && b[3] == 0 && b[5] == 0 && b[0] != 0 && b[2] != 0 {
            encoding = .utf16LE  // no BOM, but ASCII in UTF-16: "1\02\0/\0"
        } else if n >= 8 && b[0] == 0 && b[2] == 0 && b[4] == 0 && b[1] != 0 && b[3] != 0 {
            encoding = .utf16BE
        } else {
            encoding = .utf8
        }
    }

    private mutating func scanUTF8() -> [UInt8]? {
        let start = chunkIndex
        let found: Int? = chunk.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress,
                  let hit = memchr(base + start, 0x0A, chunkCount - start) else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
        }
        let end = found ?? chunkCount
        append(start..<end)
        chunkIndex = found.map { $0 + 1 } ?? chunkCount
        return found == nil ? nil : finishLine()
    }

    private mutating func append(_ range: Range<Int>) {
        guard !dropping, !range.isEmpty else { return }
        let room = maxLineBytes - line.count
        if range.count <= room {
            line.append(contentsOf: chunk[range])
        } else {
            var cut = range.lowerBound + max(0, room)
            // Not inside a UTF-8 sequence.
            while cut > range.lowerBound && chunk[cut] & 0xC0 == 0x80 { cut -= 1 }
            line.append(contentsOf: chunk[range.lowerBound..<cut])
            dropping = true
            cutLines += 1
        }
    }

    private mutating func appendScalar(_ value: UInt32) {
        guard !dropping else { return }
        if line.count + 4 > maxLineBytes {
            dropping = true
            cutLines += 1
            return
        }
        if value < 0x80 {
            line.append(UInt8(value))
        } else if value < 0x800 {
            line.append(UInt8(0xC0 | value >> 6)); line.append(UInt8(0x80 | value & 0x3F))
        } else if value < 0x10000 {
            line.append(UInt8(0xE0 | value >> 12)); line.append(UInt8(0x80 | value >> 6 & 0x3F)); line.append(UInt8(0x80 | value & 0x3F))
        } else {
            line.append(UInt8(0xF0 | value >> 18)); line.append(UInt8(0x80 | value >> 12 & 0x3F))
            line.append(UInt8(0x80 | value >> 6 & 0x3F)); line.append(UInt8(0x80 | value & 0x3F))
        }
    }

    private mutating func scanUTF16() -> [UInt8]? {
        let bigEndian = encoding == .utf16BE
        while chunkIndex < chunkCount {
            let byte = chunk[chunkIndex]
            chunkIndex += 1
            guard let first = oddByte else { oddByte = byte; continue }
            oddByte = nil
            let unit = bigEndian ? UInt16(first) << 8 | UInt16(byte) : UInt16(byte) << 8 | UInt16(first)
            if let high = highSurrogate {
                highSurrogate = nil
                if unit >= 0xDC00 && unit <= 0xDFFF {
                    appendScalar(0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00))
                    continue
                }
                invalidBytes += 2
                appendScalar(0xFFFD)
            }
            if unit >= 0xD800 && unit <= 0xDBFF { highSurrogate = unit; continue }
            if unit >= 0xDC00 && unit <= 0xDFFF { invalidBytes += 2; appendScalar(0xFFFD); continue }
            if unit == 0x0A { return finishLine() }
            appendScalar(UInt32(unit))
        }
        return nil
    }

    private mutating func finishLast() -> [UInt8]? {
        if oddByte != nil { oddByte = nil; invalidBytes += 1 }
        if highSurrogate != nil { highSurrogate = nil; invalidBytes += 2; appendScalar(0xFFFD) }
        if line.isEmpty && !dropping { return nil }
        return finishLine()
    }

    private mutating func finishLine() -> [UInt8] {
        lineNumber += 1
        dropping = false
        if line.last == 0x0D { line.removeLast() }
        var result = line
        line.removeAll(keepingCapacity: true)
        if encoding == .utf8 || encoding == .utf8BOM { repair(&result) }
        return result
    }

    /// Makes `bytes` valid UTF-8, counting what was not.
    private mutating func repair(_ bytes: inout [UInt8]) {
        var invalid = 0
        var multiByte = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length = Self.sequenceLength(bytes, i)
            if length == 0 { invalid += 1; i += 1 } else { multiByte += 1; i += length }
        }
        guard invalid > 0 else { return }
        invalidBytes += invalid
        if multiByte == 0 {
            // An older part of the file in a legacy encoding: "café" in Windows-1252.
            recodedLines += 1
            bytes = TextDecoding.decode([0x20] + bytes).utf8
            bytes.removeFirst()
            return
        }
        var out: [UInt8] = []
        out.reserveCapacity(n + invalid * 2)
        i = 0
        while i < n {
            let b = bytes[i]
            if b < 0x80 { out.append(b); i += 1; continue }
            let length = Self.sequenceLength(bytes, i)
            if length == 0 {
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                i += 1
            } else {
                out.append(contentsOf: bytes[i..<(i + length)])
                i += length
            }
        }
        bytes = out
    }

    /// The length of the valid UTF-8 sequence starting at `i` (2–4), 0 if it is not one.
    @inline(__always)
    static func sequenceLength(_ bytes: [UInt8], _ i: Int) -> Int {
        let n = bytes.count
        let b = bytes[i]
        func cont(_ j: Int) -> Bool { j < n && bytes[j] & 0xC0 == 0x80 }
        switch b {
        case 0xC2...0xDF:
            return cont(i + 1) ? 2 : 0
        case 0xE0:
            return i + 1 < n && bytes[i + 1] >= 0xA0 && bytes[i + 1] <= 0xBF && cont(i + 2) ? 3 : 0
        case 0xED:
            return i + 1 < n && bytes[i + 1] >= 0x80 && bytes[i + 1] <= 0x9F && cont(i + 2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return cont(i + 1) && cont(i + 2) ? 3 : 0
        case 0xF0:
            return i + 1 < n && bytes[i + 1] >= 0x90 && bytes[i + 1] <= 0xBF && cont(i + 2) && cont(i + 3) ? 4 : 0
        case 0xF1...0xF3:
            return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0
        case 0xF4:
            return i + 1 < n && bytes[i + 1] >= 0x80 && bytes[i + 1] <= 0x8F && cont(i + 2) && cont(i + 3) ? 4 : 0
        default:
            return 0
        }
    }
}
