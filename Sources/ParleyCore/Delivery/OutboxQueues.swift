/// Small containers of the scheduler: a binary min-heap and a window of ascending times. Not
/// thread-safe by themselves: they live inside the outbox's lock.
struct MinHeap {
    struct Entry {
        var key: Int64
        var tie: Int64
        var value: Int64

        @inline(__always) func less(_ other: Entry) -> Bool { key != other.key ? key < other.key : tie < other.tie }
    }

    private(set) var entries: [Entry] = []

    var top: Entry? { entries.first }
    var count: Int { entries.count }

    mutating func push(key: Int64, tie: Int64, value: Int64) {
        entries.append(Entry(key: key, tie: tie, value: value))
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard entries[child].less(entries[parent]) else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    @discardableResult
    mutating func pop() -> Entry? {
        guard !entries.isEmpty else { return nil }
        let first = entries[0]
        let last = entries.removeLast()
        if !entries.isEmpty {
            entries[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                guard left < entries.count else { break }
                var smallest = left
                if left + 1 < entries.count && entries[left + 1].less(entries[left]) { smallest = left + 1 }
                guard entries[smallest].less(entries[parent]) else { break }
                entries.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return first
    }
}

/// Times (ms) in ascending order, oldest dropped as windows slide past them.
struct TimeWindow {
    private(set) var times: [Int64] = []
    private var head = 0

    var count: Int { times.count - head }

    mutating func append(_ time: Int64) {
        // Kept ascending even if a clock steps back: a later entry never sorts before an earlier one.
        let last = count > 0 ? times[times.count - 1] : Int64.min
        times.append(max(time, last))
    }

    /// Drops every time <= cutoff.
    mutating func drop(through cutoff: Int64) {
        while head < times.count && times[head] <= cutoff { head += 1 }
        if head == times.count {
            times.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 1024 && head * 2 >= times.count {
            times.removeFirst(head)
            head = 0
        }
    }

    /// How many times are > after.
    func count(after: Int64) -> Int {
        var low = head, high = times.count
        while low < high {
            let mid = (low + high) / 2
            if times[mid] <= after { low = mid + 1 } else { high = mid }
        }
        return times.count - low
    }

    /// The time at `offset` from the oldest kept.
    subscript(offset: Int) -> Int64 { times[head + offset] }
}
