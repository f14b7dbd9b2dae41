#if canImport(Glibc)
import Glibc
#endif

/// The model file, little-endian:
///
///     "PRLYINT"  magic (7 bytes)
///     u8         format version (1)
///     u8 hashBits, u8 charMin, u8 charMax, u8 flags (bit 0: word bigrams)
///     u32 labels, u32 rows
///     f32 wordWeight, f32 charWeight, f32 temperature
///     labels     u32 byte length + UTF-8, each
///     u32 × rows       hash buckets, strictly ascending
///     f32 × rows       IDF
///     f32 × labels     bias
///     f32 × rows×labels weights, row-major
///     u32        CRC-32 (IEEE) of every byte before it
extension IntentModel {
    static let magic: [UInt8] = Array("PRLYINT".utf8)
    static let formatVersion: UInt8 = 1
    /// The largest weight, IDF, bias or group weight a model file may hold.
    static let maxMagnitude: Float = 1e6

    public func serialized() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + labels.reduce(0) { $0 + 4 + $1.utf8.count } + buckets.count * (8 + labels.count * 4))
        out.append(contentsOf: Self.magic)
        out.append(Self.formatVersion)
        out.append(UInt8(featurizer.hashBits))
        out.append(UInt8(featurizer.charMin))
        out.append(UInt8(max(featurizer.charMax, 0)))
        out.append(featurizer.wordBigrams ? 1 : 0)
        Self.put(&out, UInt32(labels.count))
        Self.put(&out, UInt32(buckets.count))
        for value in [wordWeight, charWeight, temperature] { Self.put(&out, value.bitPattern) }
        for label in labels {
            Self.put(&out, UInt32(label.utf8.count))
            out.append(contentsOf: label.utf8)
        }
        for bucket in buckets { Self.put(&out, UInt32(bucket)) }
        for row in 0..<table.rowCount { Self.put(&out, table.idf(row).bitPattern) }
        for value in bias { Self.put(&out, value.bitPattern) }
        for row in 0..<table.rowCount {
            for k in 0..<labels.count { Self.put(&out, table.weight(row, k).bitPattern) }
        }
        Self.put(&out, CRC32.checksum(out))
        return out
    }

    @inline(__always)
    static func put(_ out: inout [UInt8], _ value: UInt32) {
        out.append(UInt8(truncatingIfNeeded: value))
        out.append(UInt8(truncatingIfNeeded: value >> 8))
        out.append(UInt8(truncatingIfNeeded: value >> 16))
        out.append(UInt8(truncatingIfNeeded: value >> 24))
    }

    public convenience init(serialized bytes: UnsafeRawBufferPointer) throws(ParleyError) {
        let headerSize = 7 + 1 + 4 + 8 + 12
        guard bytes.count >= 8, Array(bytes[0..<7]) == Self.magic else {
            throw ParleyError(.corrupt, "not a Parley intent model (bad magic)")
        }
        guard bytes[7] == Self.formatVersion else {
            throw ParleyError(.unsupported, "intent model format version \(bytes[7]) is not supported (this build reads version \(Self.formatVersion))")
        }
        guard bytes.count >= headerSize + 4 else { throw ParleyError(.corrupt, "intent model is truncated") }
        let payload = UnsafeRawBufferPointer(rebasing: bytes[0..<(bytes.count - 4)])
        var reader = Reader(bytes: bytes, offset: bytes.count - 4)
        let storedChecksum = try reader.u32()
        guard CRC32.checksum(payload) == storedChecksum else {
            throw ParleyError(.corrupt, "intent model checksum mismatch (truncated or damaged file)")
        }
        reader = Reader(bytes: payload, offset: 8)
        let hashBits = Int(try reader.u8())
        let charMin = Int(try reader.u8())
        let charMax = Int(try reader.u8())
        let flags = try reader.u8()
        let labelCount = Int(try reader.u32())
        let rowCount = Int(try reader.u32())
        let wordWeight = try reader.f32()
        let charWeight = try reader.f32()
        let temperature = try reader.f32()
        guard (10...24).contains(hashBits), charMin >= 1, charMax <= 8, flags <= 1 else {
            throw ParleyError(.corrupt, "intent model has invalid feature settings")
        }
        guard labelCount >= 2, labelCount <= 100_000, rowCount <= (1 << hashBits) else {
            throw ParleyError(.corrupt, "intent model has invalid dimensions (\(labelCount) labels, \(rowCount) rows)")
        }
        // Bounded so that no text can overflow a logit to infinity (inf - inf is a NaN
        // confidence): training fits the temperature within [0.05, 20].
        guard (0.01...100).contains(temperature), (0...Self.maxMagnitude).contains(wordWeight),
              (0...Self.maxMagnitude).contains(charWeight) else {
            throw ParleyError(.corrupt, "intent model has invalid scalars")
        }
        var labels: [String] = []
        labels.reserveCapacity(labelCount)
        for _ in 0..<labelCount {
            let length = Int(try reader.u32())
            let raw = try reader.bytes(length)
            guard length > 0, let label = String(validating: raw, as: UTF8.self) else {
                throw ParleyError(.corrupt, "intent model has an invalid label")
            }
            labels.append(label)
        }
        guard Set(labels).count == labels.count else { throw ParleyError(.corrupt, "intent model has duplicate labels") }
        let expected = rowCount * 8 + labelCount * 4 + rowCount * labelCount * 4
        guard payload.count - reader.offset == expected else {
            throw ParleyError(.corrupt, "intent model size does not match its dimensions")
        }
        var buckets = [Int32](repeating: 0, count: rowCount)
        var previous = -1
        for i in 0..<rowCount {
            let bucket = Int(try reader.u32())
            guard bucket > previous, bucket < (1 << hashBits) else { throw ParleyError(.corrupt, "intent model buckets are not ascending") }
            buckets[i] = Int32(bucket)
            previous = bucket
        }
        let idf = try reader.floats(rowCount)
        let bias = try reader.floats(labelCount)
        let weights = try reader.floats(rowCount * labelCount)
        let featurizer = IntentFeaturizer(hashBits: hashBits, charMin: charMin, charMax: charMax, wordBigrams: flags & 1 == 1)
        self.init(featurizer: featurizer, labels: labels, buckets: buckets, idf: idf, bias: bias,
                  weights: weights, wordWeight: wordWeight, charWeight: charWeight, temperature: temperature)
    }

    struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset: Int

        mutating func u8() throws(ParleyError) -> UInt8 {
            guard offset < bytes.count else { throw ParleyError(.corrupt, "intent model is truncated") }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func u32() throws(ParleyError) -> UInt32 {
            guard bytes.count - offset >= 4 else { throw ParleyError(.corrupt, "intent model is truncated") }
            defer { offset += 4 }
            return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
        }

        mutating func f32() throws(ParleyError) -> Float { Float(bitPattern: try u32()) }

        mutating func bytes(_ count: Int) throws(ParleyError) -> [UInt8] {
            guard count >= 0, bytes.count - offset >= count else { throw ParleyError(.corrupt, "intent model is truncated") }
            defer { offset += count }
            return Array(bytes[offset..<(offset + count)])
        }

        mutating func floats(_ count: Int) throws(ParleyError) -> [Float] {
            guard bytes.count - offset >= count * 4 else { throw ParleyError(.corrupt, "intent model is truncated") }
            var result = [Float](repeating: 0, count: count)
            for i in 0..<count {
                let value = Float(bitPattern: try u32())
                guard value.isFinite, abs(value) <= IntentModel.maxMagnitude else {
                    throw ParleyError(.corrupt, "intent model has a weight that is not finite or beyond ±1e6")
                }
                result[i] = value
            }
            return result
        }
    }

    /// The largest model file read: far past any trained model, and refused before reading
    /// (a 64 GB file, /dev/zero or a FIFO aborted or hung the process).
    static let maxFileBytes = 1 << 30

    public static func load(path: String) throws(ParleyError) -> IntentModel {
        let bytes: [UInt8]
        do {
            bytes = try MediaFiles.readFile(path, maxBytes: maxFileBytes)
        } catch {
            switch error.kind {
            case .tooLarge: throw ParleyError(.corrupt, "intent model \(path) is not a model: \(error.message)")
            default: throw ParleyError(.storage, "cannot read intent model \(path): \(error.message)")
            }
        }
        return try bytes.withUnsafeBytes { raw in
            Result { () throws(ParleyError) in try IntentModel(serialized: raw) }
        }.get()
    }

    /// Writes the model to a temporary file beside `path`, syncs it, then renames it over
    /// `path`: a reader never sees a half-written model.
    public func save(path: String) throws(ParleyError) {
        let bytes = serialized()
        let temporary = path + ".tmp.\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw ParleyError(.storage, "cannot create \(temporary): \(String(cString: strerror(errno)))")
        }
        var written = 0
        let failure: String? = bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let n = write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                written += n
            }
            return fsync(fd) == 0 ? nil : String(cString: strerror(errno))
        }
        close(fd)
        if let failure {
            unlink(temporary)
            throw ParleyError(.storage, "cannot write \(temporary): \(failure)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw ParleyError(.storage, "cannot rename \(temporary) to \(path): \(reason)")
        }
    }
}

/// CRC-32 (IEEE 802.3, reflected, as zlib).
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        table.withUnsafeBufferPointer { table in
            for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        }
        return crc ^ 0xFFFF_FFFF
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0) }
    }
}
