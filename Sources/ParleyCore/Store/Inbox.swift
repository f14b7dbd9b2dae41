import CZlib
#if canImport(Glibc)
import Glibc
#endif

/// The asynchronous core's inbox: each message `submit` accepts is appended to a log file
/// beside the store (one `write`, no SQLite commit) and stays there until its processing
/// commits it to the journal. A received row used to cost its own commit (~12 WAL pages,
/// ~120 µs under the store's one lock) and a second write of the row when processed; an
/// append costs a few microseconds and no lock the workers need.
///
/// Durability is SQLite's under the same `store.synchronous`: the append is in the kernel
/// before `submit` returns (it survives the process being killed); with "full" it is also
/// synced to disk. Files: `<store>-inbox-<slot>.lock` (flock'd by the open store that owns
/// slot `slot`: several engines may share one store file) and segments
/// `<store>-inbox-<slot>.<n>`; a new segment starts past `segmentBytes`, and a finished
/// segment whose messages are all committed is deleted. On open, the segments of every
/// slot whose owner is gone (its lock is free) are read back: what the journal does not
/// hold yet is recovered.
///
/// Record: payload length (UInt32, little endian), CRC-32 of the payload, the payload (JSON
/// {"ticket", "priority", "receivedAt", "handBack"?: true, and "message": the unprocessed
/// context, or for a message `process` answered "context": the context it returned, which
/// holds the message}, or {"handed": [tickets]}). A torn last
/// record (a crash inside `write`: its `submit` never returned) fails its length or CRC and
/// is skipped; an append that fails (a full disk) is cut off the file before `submit` fails.
///
/// A submitted message's result must reach the host, crash or not: its entry ("handBack")
/// stays until its result is both in the journal (`release`) and handed back (`handedBack`:
/// the callback returned, or `poll` gave it out), and each hand-back appends a {"handed"}
/// record first. Recovery then hands back again the result of a processed message without
/// one. A segment holding such records stays while a segment they speak of is still there.
final class Inbox: Sendable {
    struct Entry: Sendable {
        let ticket: Int64
        let priority: Int
        let receivedAt: Int64
        let message: Message
        /// The context `process` returned for this message (write-behind, WriteBehind.swift):
        /// recovery journals it as processed with exactly this context. Nil for a submit.
        var context: String? = nil
        /// A submitted message, whose result the host must be handed (recovery hands back a
        /// processed one without a "handed" record).
        var awaitsHandBack = false
    }

    struct Key: Hashable, Sendable {
        let chat: String
        let id: String
    }

    /// What `append` did with an entry.
    enum Appended: Equatable {
        case appended
        /// Another entry with the same (chat, id) is in the inbox: its ticket.
        case inFlight(Int64)
    }

    /// A segment's size past which the next append starts a new one.
    private let segmentBytes: Int

    private struct State: ~Copyable {
        var fd: Int32
        var segment: Int
        var segmentSize: Int
        /// Entries not yet released, per segment.
        var outstanding: [Int: Int] = [:]
        var entries: [Int64: (key: Key, segment: Int)] = [:]
        var tickets: [Key: Int64] = [:]
        /// Entries whose result is not handed back yet, and those of them already journaled.
        var awaiting: Set<Int64> = []
        var journaled: Set<Int64> = []
        /// Per segment, the older segments its "handed" records speak of: it goes after them.
        var speaksOf: [Int: Set<Int>] = [:]
        /// Segments with nothing outstanding, waiting for one they speak of to go.
        var finished: Set<Int> = []
    }

    private let state: Guarded<State>
    private let prefix: String
    private let lock: InboxSlotLock
    private let sync: Bool
    /// Files of the recovered segments and the lock descriptors of adopted slots, until
    /// `finishRecovery` has re-appended what is still unfinished.
    private let recovery: Guarded<(files: [String], locks: [InboxSlotLock])>
    /// The tickets whose results the previous owners handed back (their "handed" records).
    let handedAtOpen: Set<Int64>

    /// Opens the inbox of a store file: takes the first free slot and reads back every
    /// entry left by a previous owner of a free slot (a crash, a close with work queued).
    /// Call `finishRecovery` with those still unfinished before appending.
    static func open(storePath: String, synchronous: Bool, segmentBytes: Int = 8 << 20) throws(ParleyError) -> (inbox: Inbox, leftovers: [Entry]) {
        var mine: (slot: Int, lock: InboxSlotLock)?
        var freeSlots: [(slot: Int, lock: InboxSlotLock)] = []
        var slot = 0
        while true {
            let lockPath = "\(storePath)-inbox-\(slot).lock"
            if access(lockPath, F_OK) != 0 && mine != nil { break }
            let attempt: InboxSlotLock.Attempt
            do {
                attempt = try InboxSlotLock.take(lockPath)
            } catch {
                for held in freeSlots { held.lock.release() }
                mine?.lock.release()
                throw error
            }
            if case .taken(let lock) = attempt {
                if mine == nil { mine = (slot, lock) } else { freeSlots.append((slot, lock)) }
            }
            slot += 1
        }
        guard let mine else { throw ParleyError(.internal, "no inbox slot") }
        var leftovers: [Entry] = []
        var handed: Set<Int64> = []
        var files: [String] = []
        var nextSegment = 0
        for owned in [mine] + freeSlots {
            let segments = Self.segments(of: "\(storePath)-inbox-\(owned.slot)")
            if owned.slot == mine.slot { nextSegment = (segments.last?.number ?? -1) + 1 }
            for segment in segments {
                let records = Self.readRecords(segment.path)
                leftovers += records.entries
                handed.formUnion(records.handed)
                files.append(segment.path)
            }
        }
        let prefix = "\(storePath)-inbox-\(mine.slot)"
        let fd: Int32
        do {
            fd = try Self.create(segment: "\(prefix).\(nextSegment)", synchronous: synchronous)
        } catch {
            for held in [mine] + freeSlots { held.lock.release() }
            throw error
        }
        let inbox = Inbox(prefix: prefix, lock: mine.lock, fd: fd, segment: nextSegment, synchronous: synchronous,
                          segmentBytes: segmentBytes, recovery: (files, freeSlots.map(\.lock)), handed: handed)
        return (inbox, leftovers)
    }

    private init(prefix: String, lock: InboxSlotLock, fd: Int32, segment: Int, synchronous: Bool, segmentBytes: Int,
                 recovery: (files: [String], locks: [InboxSlotLock]), handed: Set<Int64>) {
        self.prefix = prefix
        self.handedAtOpen = handed
        self.segmentBytes = segmentBytes
        self.lock = lock
        self.sync = synchronous
        self.recovery = Guarded(recovery)
        state = Guarded(State(fd: fd, segment: segment, segmentSize: 0))
    }

    /// Re-appends the recovered entries still unfinished (to be processed again), synced,
    /// then deletes the old segments and frees the adopted slots.
    func finishRecovery(keeping entries: [Entry]) throws(ParleyError) {
        let (files, locks) = recovery.withLock { $0 }
        if !entries.isEmpty {
            _ = try append(entries)
            try state.withLock { (state: inout State) throws(ParleyError) in
                if !sync && fdatasync(state.fd) != 0 { throw Self.failure("syncing the inbox") }
            }
        }
        for file in files { unlink(file) }
        for lock in locks { lock.release() }
        recovery.withLock { $0 = ([], []) }
    }

    /// The ticket of the entry of (chat, id) still in the inbox, if any.
    func ticket(of key: Key) -> Int64? {
        state.withLock { $0.tickets[key] }
    }

    /// Appends entries in one write (synced when the store is "full"); an entry whose (chat,
    /// id) is already in the inbox is not written and gets that entry's ticket, unless
    /// `superseding` and it has that same ticket: then it is written and replaces the earlier
    /// record (a submitted message with the context its worker answered, WriteBehind), which
    /// recovery then ignores.
    func append(_ entries: [Entry], superseding: Bool = false) throws(ParleyError) -> [Appended] {
        try state.withLock { (state: inout State) throws(ParleyError) -> [Appended] in
            var bytes: [UInt8] = []
            var results: [Appended] = []
            var added: [Key: Int64] = [:]
            var superseded: [Int64] = []
            var awaiting: [Int64] = []
            results.reserveCapacity(entries.count)
            for entry in entries {
                let key = Key(chat: entry.message.chat, id: entry.message.id)
                if let existing = state.tickets[key] ?? added[key] {
                    guard superseding && existing == entry.ticket && added[key] == nil else {
                        results.append(.inFlight(existing))
                        continue
                    }
                    superseded.append(existing)
                }
                var entry = entry
                if state.awaiting.contains(entry.ticket) { entry.awaitsHandBack = true }
                Self.encode(entry, into: &bytes)
                added[key] = entry.ticket
                if entry.awaitsHandBack { awaiting.append(entry.ticket) }
                results.append(.appended)
            }
            guard !added.isEmpty else { return results }
            try write(bytes, synced: sync, &state)
            for ticket in superseded {
                // The ticket now lives in this segment; its old record's segment may go, and
                // this one stays while that one does (its record answers for the old one).
                guard let (_, old) = state.entries[ticket] else { continue }
                if old != state.segment { state.speaksOf[state.segment, default: []].insert(old) }
                leave(old, &state)
            }
            for (key, ticket) in added {
                state.tickets[key] = ticket
                state.entries[ticket] = (key, state.segment)
            }
            state.awaiting.formUnion(awaiting)
            state.outstanding[state.segment, default: 0] += added.count
            state.segmentSize += bytes.count
            try startSegmentIfFull(&state)
            return results
        }
    }

    /// The journal holds these tickets' messages now (processed, answered as duplicates or
    /// dead-lettered): their entries are done, once handed back if they await it. Unknown
    /// tickets are ignored.
    func release(_ tickets: [Int64]) {
        state.withLock { state in
            for ticket in tickets where state.entries[ticket] != nil {
                if state.awaiting.contains(ticket) {
                    state.journaled.insert(ticket)
                } else {
                    remove(ticket, &state)
                }
            }
        }
    }

    /// These tickets' results reached the host (its callback returned, or `poll` gave them
    /// out): recorded with one append (before anything is forgotten), then each entry is done
    /// once journaled. Tickets not awaiting a hand-back are ignored; a failed append leaves
    /// them awaiting (a recovery hands them back again: twice rather than never).
    func handedBack(_ tickets: [Int64]) {
        state.withLock { state in
            let handed = tickets.filter { state.awaiting.contains($0) }
            guard !handed.isEmpty, state.fd >= 0 else { return }
            var bytes: [UInt8] = []
            Self.encode(handed: handed, into: &bytes)
            // Not synced even when "full": a record lost with the power only hands its
            // results back once more.
            do throws(ParleyError) { try write(bytes, synced: false, &state) } catch { return }
            state.segmentSize += bytes.count
            for ticket in handed {
                state.awaiting.remove(ticket)
                guard let (_, segment) = state.entries[ticket] else { continue }
                // This record answers for the entry's segment: it stays while that one does.
                if segment != state.segment { state.speaksOf[state.segment, default: []].insert(segment) }
                if state.journaled.remove(ticket) != nil { remove(ticket, &state) }
            }
            try? startSegmentIfFull(&state)
        }
    }

    /// Appends records to the segment. A full disk may have taken part of them: they are cut
    /// off, so that the next append does not follow garbage (a reader stops at a bad record),
    /// or, when they cannot be, later appends go to a fresh segment.
    private func write(_ bytes: [UInt8], synced: Bool, _ state: inout State) throws(ParleyError) {
        do throws(ParleyError) {
            try Self.writeAll(bytes, to: state.fd)
            if synced && fdatasync(state.fd) != 0 { throw Self.failure("syncing the inbox") }
        } catch {
            if ftruncate(state.fd, off_t(state.segmentSize)) != 0,
               let fd = try? Self.create(segment: "\(prefix).\(state.segment + 1)", synchronous: sync) {
                Glibc.close(state.fd)
                let old = state.segment
                (state.fd, state.segment, state.segmentSize) = (fd, old + 1, 0)
                if state.outstanding[old, default: 0] == 0 { finish(old, &state) }
            }
            throw error
        }
    }

    private func remove(_ ticket: Int64, _ state: inout State) {
        guard let (key, segment) = state.entries.removeValue(forKey: ticket) else { return }
        if state.tickets[key] == ticket { state.tickets[key] = nil }
        state.awaiting.remove(ticket)
        state.journaled.remove(ticket)
        leave(segment, &state)
    }

    /// One entry fewer in `segment`; a finished segment (not the one being written) goes
    /// when no segment it speaks of is left, and then so may those that spoke of it.
    private func leave(_ segment: Int, _ state: inout State) {
        let left = state.outstanding[segment, default: 1] - 1
        state.outstanding[segment] = left == 0 ? nil : left
        if left == 0 && segment != state.segment { finish(segment, &state) }
    }

    private func finish(_ segment: Int, _ state: inout State) {
        state.finished.insert(segment)
        var candidates = [segment]
        while let candidate = candidates.popLast() {
            guard state.finished.contains(candidate), state.outstanding[candidate, default: 0] == 0 else { continue }
            let live = (state.speaksOf[candidate] ?? []).filter { state.finished.contains($0) || state.outstanding[$0] != nil || $0 == state.segment }
            guard live.isEmpty else { state.speaksOf[candidate] = live; continue }
            unlink("\(prefix).\(candidate)")
            state.finished.remove(candidate)
            state.speaksOf[candidate] = nil
            candidates += state.speaksOf.filter { $0.value.contains(candidate) }.map(\.key)
        }
    }

    /// Past `segmentBytes` a new segment starts; the old one goes once nothing holds it.
    private func startSegmentIfFull(_ state: inout State) throws(ParleyError) {
        guard state.segmentSize >= segmentBytes else { return }
        let next = state.segment + 1
        let fd = try Self.create(segment: "\(prefix).\(next)", synchronous: sync)
        Glibc.close(state.fd)
        let old = state.segment
        (state.fd, state.segment, state.segmentSize) = (fd, next, 0)
        if state.outstanding[old, default: 0] == 0 { finish(old, &state) }
    }

    /// Entries not released yet (accepted, not yet in the journal).
    var count: Int { state.withLock { $0.entries.count } }

    /// Closes the segment and frees the slot (and slots adopted for a recovery that did not
    /// finish); an empty inbox leaves no segment behind, the rest is recovered by the next open.
    func close() {
        recovery.withLock { recovery in
            for lock in recovery.locks { lock.release() }
            recovery = ([], [])
        }
        state.withLock { state in
            guard state.fd >= 0 else { return }
            Glibc.close(state.fd)
            state.fd = -1
            if state.entries.isEmpty && state.finished.isEmpty { unlink("\(prefix).\(state.segment)") }
            lock.release()
        }
    }

    // MARK: - Files

    private static func failure(_ what: String) -> ParleyError {
        ParleyError(.storage, "\(what) failed: \(String(cString: strerror(errno)))")
    }

    private static func create(segment path: String, synchronous: Bool) throws(ParleyError) -> Int32 {
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("creating the inbox segment \(path)") }
        if synchronous {
            // The new name must survive a power loss too.
            let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
            let dirFD = Glibc.open(directory.isEmpty ? "/" : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if dirFD >= 0 {
                fsync(dirFD)
                Glibc.close(dirFD)
            }
        }
        return fd
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32) throws(ParleyError) {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure("writing the inbox")
            }
            written += n
        }
    }

    /// The segments of a slot, oldest first.
    private static func segments(of prefix: String) -> [(number: Int, path: String)] {
        let slash = prefix.lastIndex(of: "/")
        let directory = slash.map { String(prefix[..<$0]) } ?? "."
        let stem = slash.map { String(prefix[prefix.index(after: $0)...]) } ?? prefix
        guard let dir = opendir(directory.isEmpty ? "/" : directory) else { return [] }
        defer { closedir(dir) }
        var found: [(Int, String)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            guard name.hasPrefix(stem + "."), let number = Int(name.dropFirst(stem.count + 1)) else { continue }
            found.append((number, "\(directory)/\(name)"))
        }
        return found.sorted { $0.0 < $1.0 }.map { (number: $0.0, path: $0.1) }
    }

    static func encode(_ entry: Entry, into bytes: inout [UInt8]) {
        var object = JSONObject()
        object.append("ticket", .int(entry.ticket))
        object.append("priority", .int(Int64(entry.priority)))
        object.append("receivedAt", .int(entry.receivedAt))
        if entry.awaitsHandBack { object.append("handBack", .bool(true)) }
        var text: String
        if let context = entry.context {
            // The context holds the message, and is JSON text already: spliced in as a value.
            text = JSONWriter.string(.object(object))
            text.removeLast()
            text += ",\"context\":" + context + "}"
        } else {
            object.append("message", EnrichedContext.unprocessed(entry.message, status: .received))
            text = JSONWriter.string(.object(object))
        }
        frame(Array(text.utf8), into: &bytes)
    }

    /// A record of results handed back.
    static func encode(handed tickets: [Int64], into bytes: inout [UInt8]) {
        frame(Array(JSONWriter.string(["handed": .array(tickets.map { .int($0) })]).utf8), into: &bytes)
    }

    private static func frame(_ payload: [UInt8], into bytes: inout [UInt8]) {
        let crc = payload.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        for value in [UInt32(payload.count), crc] {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }
        bytes.append(contentsOf: payload)
    }

    /// The whole records of a segment.
    static func read(_ path: String) -> [Entry] {
        readRecords(path).entries
    }

    static func readRecords(_ path: String) -> (entries: [Entry], handed: Set<Int64>) {
        guard let bytes = readFile(path) else { return ([], []) }
        return decodeRecords(bytes)
    }

    /// The whole records of a segment. A record that fails its length or CRC (a torn write, a
    /// damaged block) is skipped by searching for the next whole one, so one bad record does
    /// not hide those after it.
    static func decode(_ bytes: [UInt8]) -> [Entry] {
        decodeRecords(bytes).entries
    }

    static func decodeRecords(_ bytes: [UInt8]) -> (entries: [Entry], handed: Set<Int64>) {
        var entries: [Entry] = []
        var handed: Set<Int64> = []
        var offset = 0
        func word(at position: Int) -> UInt32 {
            (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[position + $1]) << (8 * $1) }
        }
        while offset + 8 <= bytes.count {
            let length = Int(word(at: offset))
            let start = offset + 8
            // A payload is a JSON object: "{" first keeps the search cheap on garbage.
            guard length > 1, length <= bytes.count - start, bytes[start] == 0x7B else {
                offset += 1
                continue
            }
            let crc = word(at: offset + 4)
            let actual = bytes.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress! + start, uInt(length))) }
            guard actual == crc, let record = try? JSONParser.parse(Array(bytes[start..<start + length])) else {
                offset += 1
                continue
            }
            if let tickets = record["handed"]?.arrayValue {
                handed.formUnion(tickets.compactMap(\.int64Value))
            } else if let entry = try? entry(of: record) {
                entries.append(entry)
            } else {
                offset += 1
                continue
            }
            offset = start + length
        }
        return (entries, handed)
    }

    private static func entry(of value: JSONValue) throws(ParleyError) -> Entry {
        guard let ticket = value["ticket"]?.int64Value, let priority = value["priority"]?.int64Value,
              let receivedAt = value["receivedAt"]?.int64Value, let stored = value["message"] ?? value["context"] else {
            throw ParleyError(.corrupt, "an inbox record lacks a field")
        }
        let context = value["context"].map { JSONWriter.string($0) }
        // A processed context carries the message as an unprocessed one does.
        let message = try EnrichedContext.message(ofUnprocessed: context ?? JSONWriter.string(stored))
        return Entry(ticket: ticket, priority: Int(priority), receivedAt: receivedAt, message: message, context: context,
                     awaitsHandBack: value["handBack"]?.boolValue == true)
    }

    private static func readFile(_ path: String) -> [UInt8]? {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { Glibc.close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }
}
