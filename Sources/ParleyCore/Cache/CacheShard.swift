/// One shard of the cache: its entries in a hash index and a least-recently-used list (array
/// slots linked by index, no per-entry objects), the tag index, and the fetches in flight.
/// Only ever reached under its shard's lock (APICache).
struct CacheShard {
    struct Node {
        var key: String
        var value: CachedValue?
        var tags: [String]
        var freshUntil: Int64
        var staleUntil: Int64
        /// What the entry counts against the memory cap.
        var charge: Int
        /// The cache-wide use counter at its last use: the globally oldest tail is evicted.
        var tick: UInt64
        var prev: Int32
        var next: Int32
    }

    /// Hits and misses, counted under the lock; gauges kept up to date on insert and remove.
    struct Counters {
        var hits = 0, staleHits = 0, misses = 0, fetches = 0, puts = 0
        var evictions = 0, expirations = 0, invalidations = 0
        var entries = 0, bytes = 0, valueBytes = 0, storedBytes = 0
        var compressedEntries = 0, compressedValueBytes = 0, compressedStoredBytes = 0
    }

    var index: [String: Int32] = [:]
    var nodes: [Node] = []
    var free: [Int32] = []
    /// Most and least recently used; -1 when empty.
    var head: Int32 = -1
    var tail: Int32 = -1
    /// Tag -> the slots of the entries carrying it.
    var tagIndex: [String: Set<Int32>] = [:]
    var flights: [String: CacheFlight] = [:]
    var counters = Counters()

    /// The tick of the least recently used entry, if any.
    var tailTick: UInt64? { tail >= 0 ? nodes[Int(tail)].tick : nil }

    private mutating func unlink(_ i: Int32) {
        let node = nodes[Int(i)]
        if node.prev >= 0 { nodes[Int(node.prev)].next = node.next } else { head = node.next }
        if node.next >= 0 { nodes[Int(node.next)].prev = node.prev } else { tail = node.prev }
        nodes[Int(i)].prev = -1
        nodes[Int(i)].next = -1
    }

    private mutating func pushFront(_ i: Int32) {
        nodes[Int(i)].prev = -1
        nodes[Int(i)].next = head
        if head >= 0 { nodes[Int(head)].prev = i }
        head = i
        if tail < 0 { tail = i }
    }

    /// Marks slot `i` used now.
    mutating func touch(_ i: Int32, tick: UInt64) {
        nodes[Int(i)].tick = tick
        guard head != i else { return }
        unlink(i)
        pushFront(i)
    }

    /// Stores an entry (replacing the key's previous one); returns the change in charged bytes.
    mutating func insert(key: String, value: CachedValue, tags: [String], freshUntil: Int64, staleUntil: Int64,
                         charge: Int, tick: UInt64) -> Int {
        var delta = 0
        if let existing = index[key] { delta -= remove(existing) }
        let node = Node(key: key, value: value, tags: tags, freshUntil: freshUntil, staleUntil: staleUntil,
                        charge: charge, tick: tick, prev: -1, next: -1)
        let slot: Int32
        if let reused = free.popLast() {
            slot = reused
            nodes[Int(slot)] = node
        } else {
            slot = Int32(nodes.count)
            nodes.append(node)
        }
        index[key] = slot
        pushFront(slot)
        for tag in tags { tagIndex[tag, default: []].insert(slot) }
        counters.entries += 1
        counters.bytes += charge
        counters.valueBytes += value.count
        counters.storedBytes += value.stored.count
        if value.compressed {
            counters.compressedEntries += 1
            counters.compressedValueBytes += value.count
            counters.compressedStoredBytes += value.stored.count
        }
        return delta + charge
    }

    /// Removes slot `i`; returns the bytes it was charged.
    @discardableResult
    mutating func remove(_ i: Int32) -> Int {
        unlink(i)
        let node = nodes[Int(i)]
        index[node.key] = nil
        for tag in node.tags {
            tagIndex[tag]?.remove(i)
            if tagIndex[tag]?.isEmpty == true { tagIndex[tag] = nil }
        }
        if let value = node.value {
            counters.valueBytes -= value.count
            counters.storedBytes -= value.stored.count
            if value.compressed {
                counters.compressedEntries -= 1
                counters.compressedValueBytes -= value.count
                counters.compressedStoredBytes -= value.stored.count
            }
        }
        counters.entries -= 1
        counters.bytes -= node.charge
        // The slot keeps nothing alive.
        nodes[Int(i)] = Node(key: "", value: nil, tags: [], freshUntil: 0, staleUntil: 0, charge: 0, tick: 0, prev: -1, next: -1)
        free.append(i)
        return node.charge
    }
}
