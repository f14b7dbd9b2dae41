import CZlib

/// One cached value as stored: its bytes, deflated (zlib) when that saved space. Immutable,
/// so a reader copies it out after letting go of its shard's lock.
public struct CachedValue: Sendable {
    /// What is kept in memory: the value, or its zlib stream.
    let stored: [UInt8]
    /// The value's length as the host gave it.
    public let count: Int
    public let compressed: Bool

    /// The value, deflated when it is longer than `compressAbove` (and that is not 0) and
    /// deflating saves at least an eighth. Level 1: JSON from Sheets shrinks 4-8x at it, and a
    /// put of 50 KB costs a fraction of a millisecond.
    init(_ bytes: UnsafeRawBufferPointer, compressAbove: Int) {
        count = bytes.count
        if compressAbove > 0, bytes.count > compressAbove, let deflated = Self.deflate(bytes), deflated.count <= bytes.count - bytes.count / 8 {
            stored = deflated
            compressed = true
        } else {
            stored = [UInt8](bytes)
            compressed = false
        }
    }

    /// The bytes kept, as allocated.
    var storedCapacity: Int { stored.capacity }

    /// Writes the value into `buffer` (exactly `count` bytes long).
    public func copy(into buffer: UnsafeMutableRawBufferPointer) throws(ParleyError) {
        guard buffer.count == count else { throw ParleyError(.internal, "cache value copy: a \(buffer.count)-byte buffer for \(count) bytes") }
        guard count > 0, let destination = buffer.baseAddress else { return }
        guard compressed else {
            stored.withUnsafeBytes { destination.copyMemory(from: $0.baseAddress!, byteCount: count) }
            return
        }
        var length = uLongf(count)
        let status = stored.withUnsafeBufferPointer { source in
            uncompress(destination.assumingMemoryBound(to: Bytef.self), &length, source.baseAddress, uLong(source.count))
        }
        guard status == Z_OK, Int(length) == count else {
            throw ParleyError(.internal, "cache value copy: inflating a stored value failed (zlib \(status))")
        }
    }

    /// The value as an array.
    public func bytes() throws(ParleyError) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: count)
        var failure: ParleyError?
        result.withUnsafeMutableBytes { buffer in
            do throws(ParleyError) { try copy(into: buffer) } catch { failure = error }
        }
        if let failure { throw failure }
        return result
    }

    /// The zlib stream of `bytes` at level 1, exactly sized, or nil if zlib failed.
    private static func deflate(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        guard let source = bytes.baseAddress else { return nil }
        let bound = Int(compressBound(uLong(bytes.count)))
        var output = [UInt8](repeating: 0, count: bound)
        var length = uLongf(bound)
        let status = output.withUnsafeMutableBufferPointer { destination in
            compress2(destination.baseAddress, &length, source.assumingMemoryBound(to: Bytef.self), uLong(bytes.count), 1)
        }
        guard status == Z_OK else { return nil }
        // A fresh array of the exact length: the bound's slack is not kept in memory.
        return Array(output[0..<Int(length)])
    }
}
