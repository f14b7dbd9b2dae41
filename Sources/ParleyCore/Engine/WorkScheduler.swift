/// The lane a submitted message runs in (parley_priority).
public enum Priority: Int, Sendable, CaseIterable {
    case high = 0, normal = 1, low = 2
}

/// Which submitted message a worker processes next. Each chat keeps its own queue in
/// order (host sequence number, else timestamp, else arrival) and is taken by one worker
/// at a time, so a chat's messages are processed and handed back in order while different
/// chats run in parallel. Chats ready to run wait in three priority lanes served 4 : 2 : 1,
/// so high goes first and low is never starved. A message that arrives ahead of a gap in
/// its chat's sequence numbers is held back up to the reorder window.
///
/// A plain value: the worker pool guards it with its lock. Times are monotonic milliseconds.
struct WorkScheduler {
    struct Item: Sendable {
        let ticket: Int64
        let message: Message
        let priority: Priority
        let arrivedAt: Int64
        /// Accepted before a crash or close, processed after the reopen.
        let recovered: Bool
        /// When it was accepted (or recovered), for the submit-to-result latency.
        var accepted = ContinuousClock.now
    }

    struct Settings {
        var reorderWindowMillis: Int64 = 1_000
        var holdMillis: Int64 = 0
    }

    private struct Line {
        var items: [Item] = []
        var busy = false
        /// The lane the chat waits in, if it waits in one.
        var lane: Priority?
        /// When the head, held back, may go anyway.
        var heldUntil: Int64?
    }

    private var lines: [String: Line] = [:]
    private var lanes: [[String]] = Array(repeating: [], count: Priority.allCases.count)
    private var laneHeads = Array(repeating: 0, count: Priority.allCases.count)
    private var turn = 0
    /// The highest host sequence number taken per chat (outlives the chat's queue, which
    /// goes when empty); forgotten wholesale past `maxRemembered` chats.
    private var lastSequences: [String: Int64] = [:]
    private static let maxRemembered = 100_000
    /// Chats parked after repeated failures (ChatHealth): nothing of theirs runs before then.
    private var parkedUntil: [String: Int64] = [:]
    /// Chats whose head is held back (their `heldUntil` is set).
    private var held: Set<String> = []
    /// Which lane each turn of the cycle serves first.
    private static let cycle: [Priority] = [.high, .high, .high, .high, .normal, .normal, .low]
    let settings: Settings
    /// Messages queued and not yet taken by a worker.
    private(set) var waiting = 0

    init(settings: Settings) {
        self.settings = settings
    }

    /// Chats that wait for a worker now.
    var readyChats: Int { (0..<lanes.count).reduce(0) { $0 + lanes[$1].count - laneHeads[$1] } }

    mutating func add(_ item: Item, now: Int64) {
        var line = lines[item.message.chat] ?? Line()
        let key = Self.orderKey(item)
        let index = line.items.firstIndex { Self.orderKey($0) > key } ?? line.items.count
        line.items.insert(item, at: index)
        waiting += 1
        lines[item.message.chat] = line
        schedule(item.message.chat, now: now)
    }

    /// Takes the next ready chat's ready messages (at most `limit`, in order) and marks the
    /// chat busy until `finished`.
    mutating func next(now: Int64, limit: Int) -> [Item]? {
        releaseHeld(now: now)
        let preferred = Self.cycle[turn]
        turn = (turn + 1) % Self.cycle.count
        for lane in [preferred] + Priority.allCases {
            if let chat = popLane(lane) { return take(chat, now: now, limit: limit) }
        }
        return nil
    }

    /// `next`, widened under load: after the first chat, further ready chats (each whole
    /// and in order, the high lanes first) while the batch holds fewer than `limit` messages
    /// and `chats` chats, so that one journal transaction carries them all. A chat whose next
    /// message has a file is left for a batch of its own (seconds of OCR must not hold up
    /// other chats' text). At low load a batch is one chat, as before.
    mutating func next(now: Int64, limit: Int, chats: Int) -> [Item]? {
        guard var batch = next(now: now, limit: limit) else { return nil }
        var taken = 1
        while taken < chats, batch.count < limit, batch.last?.message.media == nil,
              let chat = popTextReady() {
            batch += take(chat, now: now, limit: limit - batch.count)
            taken += 1
        }
        return batch
    }

    /// The first ready chat, by lane, whose next message has no file; taken out of its lane.
    private mutating func popTextReady() -> String? {
        for lane in Priority.allCases {
            let index = lane.rawValue
            guard let position = lanes[index][laneHeads[index]...].prefix(16).firstIndex(where: { lines[$0]?.items.first?.message.media == nil })
            else { continue }
            let chat = lanes[index].remove(at: position)
            lines[chat]?.lane = nil
            return chat
        }
        return nil
    }

    /// A worker is done with `chat`: its next messages may run.
    mutating func finished(_ chat: String, now: Int64) {
        guard var line = lines[chat] else { return }
        line.busy = false
        if line.items.isEmpty {
            lines[chat] = nil
            return
        }
        lines[chat] = line
        schedule(chat, now: now)
    }

    /// The earliest moment a held-back message may go, for a worker's timed wait.
    var nextRelease: Int64? {
        held.lazy.compactMap { self.lines[$0]?.heldUntil }.min()
    }

    private static func orderKey(_ item: Item) -> (Int64, Int64, Int64) {
        (item.message.sequence ?? -1, item.message.timestamp, item.ticket)
    }

    /// Holds the chat's messages until `until` (a failing chat parked behind its breaker).
    mutating func park(_ chat: String, until: Int64, now: Int64) {
        parkedUntil = parkedUntil.filter { $0.value > now }
        parkedUntil[chat] = until
        schedule(chat, now: now)
    }

    /// Puts a chat in its lane if its head may run now, or notes when it may.
    private mutating func schedule(_ chat: String, now: Int64) {
        guard var line = lines[chat], !line.busy, let head = line.items.first else { return }
        var until = releaseTime(of: head, after: lastSequences[chat])
        if let parked = parkedUntil[chat] {
            if parked > now { until = max(until, parked) } else { parkedUntil[chat] = nil }
        }
        if until > now {
            line.heldUntil = until
            held.insert(chat)
            if let lane = line.lane { remove(chat, from: lane); line.lane = nil }
        } else {
            line.heldUntil = nil
            held.remove(chat)
            let lane = line.items.map(\.priority).min { $0.rawValue < $1.rawValue } ?? .normal
            if line.lane != lane {
                if let old = line.lane { remove(chat, from: old) }
                lanes[lane.rawValue].append(chat)
                line.lane = lane
            }
        }
        lines[chat] = line
    }

    /// When a message may be processed: at once, or after waiting for a missing predecessor
    /// (a sequence gap) or for stragglers (hold time).
    private func releaseTime(of item: Item, after lastSequence: Int64?) -> Int64 {
        if item.recovered { return item.arrivedAt }
        if let sequence = item.message.sequence, let lastSequence {
            return sequence > lastSequence + 1 ? item.arrivedAt + settings.reorderWindowMillis : item.arrivedAt
        }
        return item.arrivedAt + settings.holdMillis
    }

    private mutating func releaseHeld(now: Int64) {
        for chat in held where lines[chat]?.heldUntil.map({ $0 <= now }) == true {
            schedule(chat, now: now)
        }
    }

    private mutating func popLane(_ lane: Priority) -> String? {
        let index = lane.rawValue
        guard laneHeads[index] < lanes[index].count else { return nil }
        let chat = lanes[index][laneHeads[index]]
        laneHeads[index] += 1
        if laneHeads[index] > 64 && laneHeads[index] * 2 > lanes[index].count {
            lanes[index].removeFirst(laneHeads[index])
            laneHeads[index] = 0
        }
        lines[chat]?.lane = nil
        return chat
    }

    private mutating func remove(_ chat: String, from lane: Priority) {
        let index = lane.rawValue
        if let position = lanes[index][laneHeads[index]...].firstIndex(of: chat) { lanes[index].remove(at: position) }
    }

    private mutating func take(_ chat: String, now: Int64, limit: Int) -> [Item] {
        guard var line = lines[chat] else { return [] }
        var taken: [Item] = []
        while taken.count < limit, let head = line.items.first,
              taken.isEmpty || releaseTime(of: head, after: lastSequences[chat]) <= now {
            // A message with a file (seconds of OCR or transcription) goes in a batch of its
            // own, so a batch's time limit is never spent on several files.
            if !taken.isEmpty && head.message.media != nil { break }
            taken.append(line.items.removeFirst())
            if let sequence = head.message.sequence {
                if lastSequences.count >= Self.maxRemembered && lastSequences[chat] == nil { lastSequences.removeAll() }
                lastSequences[chat] = max(lastSequences[chat] ?? sequence, sequence)
            }
            if head.message.media != nil { break }
        }
        waiting -= taken.count
        line.busy = true
        line.heldUntil = nil
        held.remove(chat)
        lines[chat] = line
        return taken
    }
}
