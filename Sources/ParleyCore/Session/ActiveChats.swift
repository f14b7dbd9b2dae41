/// Each chat's last inbound time, for the session watchdog's count of active chats: a silent
/// client is a stall only while chats are active. At most `capacity` chats are kept. Full, a
/// new chat first drops the chats idle past the window — at most once per eighth of the window:
/// a bot with more active chats than that rebuilt the whole table at every message, a quarter
/// of `process`'s time with 23,000 chats.
struct ActiveChats {
    static let capacity = 4096
    private var lastInbound: [String: Int64] = [:]
    private var prunedAt: Int64?

    mutating func note(_ chat: String, at: Int64, window: Int64) {
        if lastInbound[chat] == nil && lastInbound.count >= Self.capacity {
            if let prunedAt, abs(at - prunedAt) < max(1, window / 8) { return }
            prunedAt = at
            lastInbound = lastInbound.filter { at - $0.value <= window }
            if lastInbound.count >= Self.capacity { return }
        }
        lastInbound[chat] = max(lastInbound[chat] ?? at, at)
    }

    /// Chats with an inbound message within `window` before `now`.
    func count(now: Int64, window: Int64) -> Int {
        lastInbound.values.reduce(0) { $0 + (now - $1 <= window ? 1 : 0) }
    }
}
