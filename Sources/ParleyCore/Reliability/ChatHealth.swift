/// Error storms: a chat whose messages keep failing (the host's handling reported failed,
/// processing errors) is parked behind its own breaker, so it stops churning retries and
/// results while every other chat goes on. `threshold` failures within `windowSeconds` park
/// it for `parkSeconds`, doubled on each park in a row up to `maxParkSeconds`; a quiet window
/// forgets it. Memory is bounded: at most `maxChats` chats are tracked.
public struct ChatHealthSettings: Sendable, Equatable {
    public var threshold = 5
    public var windowSeconds: Int64 = 600
    public var parkSeconds: Int64 = 300
    public var maxParkSeconds: Int64 = 3_600
    public var maxChats = 10_000

    public init() {}
}

final class ChatHealth: Sendable {
    private struct Record {
        /// Times (Unix ms) of the latest failures, at most `threshold` of them.
        var failures: [Int64] = []
        var parkedUntil: Int64?
        var parksInARow = 0
    }

    let settings: ChatHealthSettings
    private let records = Guarded<[String: Record]>([:])

    init(settings: ChatHealthSettings) {
        self.settings = settings
    }

    /// Notes a failure of one of the chat's messages; returns when the chat is parked until,
    /// if this failure parked it (or it was parked already).
    @discardableResult
    func recordFailure(chat: String, now: Int64) -> Int64? {
        records.withLock { records in
            if records[chat] == nil && records.count >= settings.maxChats { forgetQuiet(&records, now: now) }
            var record = records[chat] ?? Record()
            if let until = record.parkedUntil, until > now { return until }
            record.failures = record.failures.filter { now - $0 < settings.windowSeconds * 1000 }
            record.failures.append(now)
            if record.failures.count > settings.threshold { record.failures.removeFirst() }
            var parked: Int64?
            if record.failures.count >= settings.threshold {
                let seconds = min(settings.maxParkSeconds, settings.parkSeconds << min(record.parksInARow, 20))
                parked = now + seconds * 1000
                record.parkedUntil = parked
                record.parksInARow += 1
                record.failures.removeAll()
            }
            records[chat] = record
            return parked
        }
    }

    /// Until when the chat is parked (Unix ms), if it is now.
    func parkedUntil(chat: String, now: Int64) -> Int64? {
        records.withLock { records in
            guard let until = records[chat]?.parkedUntil, until > now else { return nil }
            return until
        }
    }

    /// How many chats are parked now.
    func parkedCount(now: Int64) -> Int {
        records.withLock { $0.values.filter { ($0.parkedUntil ?? 0) > now }.count }
    }

    /// Drops chats neither parked nor failing lately (and, if that is not enough, all but the
    /// parked ones): the table never outgrows `maxChats`.
    private func forgetQuiet(_ records: inout [String: Record], now: Int64) {
        records = records.filter { _, record in
            (record.parkedUntil ?? 0) > now || record.failures.contains { now - $0 < settings.windowSeconds * 1000 }
        }
        if records.count >= settings.maxChats { records = records.filter { ($0.value.parkedUntil ?? 0) > now } }
    }
}
