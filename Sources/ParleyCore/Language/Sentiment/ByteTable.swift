/// A read-mostly hash table keyed by byte strings (UTF-8 words and phrases), looked up by a
/// range of a byte buffer so the hot path builds no `String`. Open addressing, linear probing,
/// FNV-1a hashes; built once at first use, then only read (so sharing it between threads is safe).
struct ByteTable<Value: Sendable>: Sendable {
    private var keyBytes: [UInt8] = []
    private var keyStarts: [Int32] = []
    private var keyCounts: [Int32] = []
    private var hashes: [UInt64] = []
    private(set) var values: [Value] = []
    /// Per slot: the hash's upper 32 bits (a tag) above the entry's index + 1 (0: empty). Most
    /// words looked up are in no table, and the tag rejects them from the slot alone, without
    /// reading an entry's hash or bytes elsewhere (each a cache miss once the table is cold).
    private var slots: [UInt64]
    private var mask: Int

    init(minimumCapacity: Int = 64) {
        var size = 16
        while size < minimumCapacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    var count: Int { values.count }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h ^ (h >> 29)
    }

    /// The entry index of `key`, or nil.
    @inline(__always)
    func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        let h = Self.hash(key)
        let tag = h >> 32
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let packed = slots[slot]
            if packed == 0 { return nil }
            let entry = Int(truncatingIfNeeded: packed & 0xFFFF_FFFF) - 1
            if packed >> 32 == tag, hashes[entry] == h, Int(keyCounts[entry]) == key.count {
                let start = Int(keyStarts[entry])
                var equal = true
                var k = 0
                while k < key.count {
                    if keyBytes[start + k] != key[k] { equal = false; break }
                    k += 1
                }
                if equal { return entry }
            }
            slot = (slot + 1) & mask
        }
    }

    func value(for key: UnsafeBufferPointer<UInt8>) -> Value? {
        guard let i = index(of: key) else { return nil }
        return values[i]
    }

    func value(for key: String) -> Value? {
        var key = key
        return key.withUTF8 { value(for: $0) }
    }

    /// Inserts `key` with `initial` if absent, then lets `modify` change its value.
    mutating func update(_ key: String, initial: Value, _ modify: (inout Value) -> Void) {
        var key = key
        let existing = key.withUTF8 { index(of: $0) }
        if let existing {
            modify(&values[existing])
            return
        }
        if (values.count + 1) * 2 > slots.count { grow() }
        let bytes = Array(key.utf8)
        let h = bytes.withUnsafeBufferPointer { Self.hash($0) }
        keyStarts.append(Int32(keyBytes.count))
        keyCounts.append(Int32(bytes.count))
        keyBytes.append(contentsOf: bytes)
        hashes.append(h)
        var value = initial
        modify(&value)
        values.append(value)
        place(values.count - 1)
    }

    private mutating func place(_ entry: Int) {
        let h = hashes[entry]
        var slot = Int(truncatingIfNeeded: h) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = (h >> 32) << 32 | UInt64(entry + 1)
    }

    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for entry in 0..<values.count { place(entry) }
    }
}

/// Calls `body` with each non-empty line of an embedded table, split at tabs.
func forEachTableLine(_ table: String, _ body: ([Substring]) -> Void) {
    for line in table.split(separator: "\n", omittingEmptySubsequences: true) {
        body(line.split(separator: "\t", omittingEmptySubsequences: false))
    }
}
