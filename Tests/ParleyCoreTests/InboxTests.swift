import Testing
@testable import ParleyCore
#if canImport(Glibc)
import Glibc
#endif

/// The inbox's log files: what comes back after a stop, a torn write, a second engine.
@Suite struct InboxTests {
    func temporaryDirectory() -> String { Fixtures.temporaryDirectory("inbox") }

    func entry(_ ticket: Int64, chat: String = "c1@c.us", text: String = "rent paid for unit 4B") -> Inbox.Entry {
        Inbox.Entry(ticket: ticket, priority: 1, receivedAt: 1_764_000_000_000,
                    message: Message(id: "m\(ticket)", chat: chat, from: chat, timestamp: 1_764_000_000 + ticket, type: .text, text: text))
    }

    func files(in directory: String, containing part: String) -> [String] { Fixtures.files(in: directory, containing: part) }

    @Test func entriesNotReleasedComeBackAfterAStopAndReleasedOnesDoNot() throws {
        let directory = temporaryDirectory()
        defer { _ = system("rm -rf '\(directory)'") }
        let path = directory + "/parley.db"
        let (inbox, leftovers) = try Inbox.open(storePath: path, synchronous: false)
        #expect(leftovers.isEmpty)
        try inbox.finishRecovery(keeping: [])
        #expect(try inbox.append([entry(1), entry(2), entry(3, chat: "c2@c.us", text: "مرحبا 🏠 \u{200D}")]) == [.appended, .appended, .appended])
        // The same (chat, id) again while in the inbox: the first's ticket, nothing written.
        #expect(try inbox.append([entry(1)]) == [.inFlight(1)])
        #expect(inbox.ticket(of: Inbox.Key(chat: "c1@c.us", id: "m2")) == 2)
        inbox.release([2, 99])
        #expect(inbox.ticket(of: Inbox.Key(chat: "c1@c.us", id: "m2")) == nil)
        inbox.close()

        let (again, back) = try Inbox.open(storePath: path, synchronous: true)
        #expect(back.map(\.ticket) == [1, 2, 3])   // the file keeps what was appended; the journal decides
        #expect(back[2].message.text == "مرحبا 🏠 \u{200D}" && back[2].message.chat == "c2@c.us")
        try again.finishRecovery(keeping: [back[0], back[2]])
        #expect(again.count == 2)
        again.release([1, 3])
        again.close()
        // Everything released: no segment is left, only the slot's lock file.
        #expect(files(in: directory, containing: "-inbox-") == ["parley.db-inbox-0.lock"])
    }

    @Test func aTornOrCorruptRecordIsSkippedWithoutLosingWholeOnes() throws {
        let directory = temporaryDirectory()
        defer { _ = system("rm -rf '\(directory)'") }
        let path = directory + "/parley.db"
        let (inbox, _) = try Inbox.open(storePath: path, synchronous: false)
        try inbox.finishRecovery(keeping: [])
        _ = try inbox.append([entry(1), entry(2)])
        inbox.close()
        let segment = directory + "/" + files(in: directory, containing: "-inbox-0.").first { !$0.hasSuffix(".lock") }!
        // A crash inside the next write: half a record at the end.
        var torn: [UInt8] = []
        Inbox.encode(entry(3), into: &torn)
        let fd = open(segment, O_WRONLY | O_APPEND)
        _ = torn.withUnsafeBytes { write(fd, $0.baseAddress, $0.count / 2) }
        close(fd)
        #expect(Inbox.read(segment).map(\.ticket) == [1, 2])
        // Records written after the torn one are still found.
        var more: [UInt8] = []
        Inbox.encode(entry(4), into: &more)
        let again = open(segment, O_WRONLY | O_APPEND)
        _ = more.withUnsafeBytes { write(again, $0.baseAddress, $0.count) }
        close(again)
        #expect(Inbox.read(segment).map(\.ticket) == [1, 2, 4])

        // A flipped byte inside the second record: its CRC fails, the first stays.
        var bytes: [UInt8] = []
        Inbox.encode(entry(1), into: &bytes)
        let firstLength = bytes.count
        Inbox.encode(entry(2), into: &bytes)
        Inbox.encode(entry(3), into: &bytes)
        bytes[firstLength + 20] ^= 0x40
        #expect(Inbox.decode(bytes).map(\.ticket) == [1, 3])
        // Garbage between records, and a length that points past the end.
        let garbage: [UInt8] = [0x7B, 0, 0, 0, 0x12, 0x34, 0x56, 0x78, 0x7B, 0x22] + Array(repeating: 0, count: 40) + [0xFF, 0xFF, 0, 0]
        var mixed: [UInt8] = []
        Inbox.encode(entry(5), into: &mixed)
        mixed += garbage
        Inbox.encode(entry(6), into: &mixed)
        #expect(Inbox.decode(mixed).map(\.ticket) == [5, 6])
        #expect(Inbox.decode([]).isEmpty && Inbox.decode([0xFF, 0xFF, 0xFF, 0x7F, 0, 0, 0, 0, 1]).isEmpty)
    }

    @Test func aSecondOwnerTakesAnotherSlotAndAFreedSlotIsRecoveredByTheNextOpen() throws {
        let directory = temporaryDirectory()
        defer { _ = system("rm -rf '\(directory)'") }
        let path = directory + "/parley.db"
        let (first, _) = try Inbox.open(storePath: path, synchronous: false)
        try first.finishRecovery(keeping: [])
        let (second, seen) = try Inbox.open(storePath: path, synchronous: false)
        #expect(seen.isEmpty)   // the first slot is held: its entries are not another's to recover
        try second.finishRecovery(keeping: [])
        _ = try first.append([entry(1)])
        _ = try second.append([entry(2)])
        #expect(files(in: directory, containing: ".lock") == ["parley.db-inbox-0.lock", "parley.db-inbox-1.lock"])
        second.close()
        // Slot 1 is free now: a new owner takes it and recovers its entry, not slot 0's.
        let (third, recovered) = try Inbox.open(storePath: path, synchronous: false)
        #expect(recovered.map(\.ticket) == [2])
        try third.finishRecovery(keeping: recovered)
        first.close()
        third.close()
        let (fourth, all) = try Inbox.open(storePath: path, synchronous: false)
        #expect(all.map(\.ticket).sorted() == [1, 2])
        fourth.close()
    }

    /// A child the host forks shares the closed store's lock until its exec: the next open
    /// waits for it instead of taking another slot and leaving the entries behind. A lock
    /// held by a live store (of this process, or of another) is not waited for.
    @Test func aSlotHeldOnlyByAForkedChildIsWaitedForAndRecovered() throws {
        let directory = temporaryDirectory()
        defer { _ = system("rm -rf '\(directory)'") }
        let path = directory + "/parley.db"
        let lockPath = path + "-inbox-0.lock"
        let (first, _) = try Inbox.open(storePath: path, synchronous: false)
        try first.finishRecovery(keeping: [])
        _ = try first.append([entry(1)])
        // The child's copy of the descriptor: another open file description holding the lock.
        let child = open(lockPath, O_RDWR | O_CLOEXEC)
        first.close()
        #expect(flock(child, LOCK_EX | LOCK_NB) == 0)
        guard case .success(let exec) = Threads.start({ usleep(100_000); close(child) }) else { Issue.record("no thread"); return }
        let (second, recovered) = try Inbox.open(storePath: path, synchronous: false)
        pthread_join(exec, nil)
        #expect(recovered.map(\.ticket) == [1])
        #expect(files(in: directory, containing: ".lock") == ["parley.db-inbox-0.lock"])
        try second.finishRecovery(keeping: recovered)

        // Slot 0 held by a live store of this process: the next open takes slot 1 at once.
        let (third, none) = try Inbox.open(storePath: path, synchronous: false)
        #expect(none.isEmpty)
        #expect(files(in: directory, containing: ".lock") == ["parley.db-inbox-0.lock", "parley.db-inbox-1.lock"])
        third.close()
        second.close()

        // Slot 0 held by a running process (pid 1) that owns it: not its to recover.
        let other = open(lockPath, O_RDWR | O_CLOEXEC)
        #expect(flock(other, LOCK_EX | LOCK_NB) == 0)
        _ = ftruncate(other, 0)
        _ = write(other, "1\n", 2)
        let (fourth, slot1) = try Inbox.open(storePath: path, synchronous: false)
        #expect(slot1.isEmpty)
        fourth.close()
        close(other)
        let (fifth, all) = try Inbox.open(storePath: path, synchronous: false)
        #expect(all.map(\.ticket) == [1])
        fifth.close()
    }

    /// Two engines on one store file give out different tickets (a host deduplicates results
    /// by ticket), each the number of its message's journal row; a lone engine numbers on
    /// without gaps after a reopen.
    @Test func twoEnginesOnOneFileNeverGiveTheSameTicket() throws {
        let directory = temporaryDirectory()
        defer { _ = system("rm -rf '\(directory)'") }
        var config = Configuration()
        config.storePath = directory + "/parley.db"
        let first = try Engine(configuration: config)
        let second = try Engine(configuration: config)
        var tickets: [Int64] = []
        for i in 0..<30 {
            let engine = i % 3 == 0 ? second : first
            let message = Message(id: "t\(i)", chat: "c\(i % 4)", from: "c\(i % 4)", timestamp: 1_764_000_000 + Int64(i), type: .text, text: "rent for unit \(i)")
            tickets.append(try engine.submit(message))
        }
        #expect(Set(tickets).count == 30)
        #expect(first.drain(timeoutMillis: 10_000) && second.drain(timeoutMillis: 10_000))
        second.close()
        for (i, ticket) in tickets.enumerated() {
            let row = try first.store.withConnection { db throws(ParleyError) in try Store.row(chat: "c\(i % 4)", id: "t\(i)", in: db) }
            #expect(row?.seq == ticket, "message t\(i)")
        }
        first.close()

        let alone = try Engine(configuration: config)
        let last = tickets.max()!
        let next = try alone.submit(Message(id: "n1", chat: "c9", from: "c9", timestamp: 1_764_000_100, type: .text, text: "hello"))
        #expect(next > last)
        alone.close()
        let again = try Engine(configuration: config)
        #expect(try again.submit(Message(id: "n2", chat: "c9", from: "c9", timestamp: 1_764_000_101, type: .text, text: "hello again")) == next + 1)
        again.close()
    }

    @Test func fullSegmentsAreDeletedOnceTheirEntriesAreReleased() throws {
        let directory = temporaryDirectory()
        defer { _ = system("rm -rf '\(directory)'") }
        let path = directory + "/parley.db"
        let (inbox, _) = try Inbox.open(storePath: path, synchronous: false, segmentBytes: 1_000)
        try inbox.finishRecovery(keeping: [])
        for ticket in 1...12 { _ = try inbox.append([entry(Int64(ticket))]) }
        let segments = files(in: directory, containing: "-inbox-0.").filter { !$0.hasSuffix(".lock") }
        #expect(segments.count > 3)
        inbox.release(Array(1...6))
        #expect(files(in: directory, containing: "-inbox-0.").filter { !$0.hasSuffix(".lock") }.count < segments.count)
        inbox.close()
        let (again, left) = try Inbox.open(storePath: path, synchronous: false)
        // Unreleased entries all come back; of the released, only those sharing a segment with
        // an unreleased one (the journal tells them apart).
        #expect(Set(left.map(\.ticket)).isSuperset(of: 7...12) && left.count < 12)
        again.close()
    }

    /// A submitted entry goes once written and handed back, in either order; its "handed"
    /// record tells the next open not to hand it back again, and the segment holding that
    /// record outlives the one it speaks of.
    @Test func aSubmittedEntryGoesOnceWrittenAndHandedBack() throws {
        let directory = temporaryDirectory()
        defer { _ = system("rm -rf '\(directory)'") }
        let path = directory + "/parley.db"
        let (inbox, _) = try Inbox.open(storePath: path, synchronous: false, segmentBytes: 200)
        try inbox.finishRecovery(keeping: [])
        var submitted = [entry(1), entry(2), entry(3)]
        for i in submitted.indices { submitted[i].awaitsHandBack = true }
        _ = try inbox.append(submitted)
        inbox.release([1, 2])          // written
        #expect(inbox.count == 3)      // not handed back yet
        inbox.handedBack([1, 3, 99])   // 99: unknown, ignored
        #expect(inbox.count == 2)      // 1 done; 3 handed but not written; 2 written, not handed
        inbox.release([3])
        #expect(inbox.count == 1)
        inbox.close()
        let (again, back) = try Inbox.open(storePath: path, synchronous: false)
        #expect(again.handedAtOpen == [1, 3])
        #expect(back.filter(\.awaitsHandBack).map(\.ticket).sorted() == [1, 2, 3])
        try again.finishRecovery(keeping: [])
        again.close()
        #expect(Fixtures.files(in: directory, containing: "-inbox-").allSatisfy { $0.hasSuffix(".lock") })
    }

    /// Through the engine: a submitted message is in the inbox, not in the journal, until a
    /// worker commits it and its result is handed back; its row carries the ticket as its number.
    @Test func aSubmittedMessagesRowIsNumberedByItsTicket() throws {
        let directory = temporaryDirectory()
        defer { _ = system("rm -rf '\(directory)'") }
        var config = Configuration()
        config.storePath = directory + "/parley.db"
        let engine = try Engine(configuration: config)
        defer { engine.close() }
        _ = try engine.process(Message(id: "sync1", chat: "c1@c.us", from: "c1@c.us", timestamp: 1_764_000_000, type: .text, text: "hello"))
        let ticket = try engine.submit(Message(id: "async1", chat: "c1@c.us", from: "c1@c.us", timestamp: 1_764_000_001, type: .text, text: "rent paid"))
        #expect(engine.drain(timeoutMillis: 10_000))
        // Written, but its result waits to be polled: the entry stays until it is handed back.
        #expect(engine.store.inbox?.count == 1)
        #expect(engine.poll(max: 10, timeoutMillis: 0).map(\.ticket) == [ticket])
        #expect(engine.store.inbox?.count == 0)
        let seq = try engine.store.withConnection { db throws(ParleyError) in
            try db.statement("SELECT seq FROM messages WHERE id = 'async1'").firstRow { $0.int(0) }
        }
        #expect(seq == ticket)
        // Numbers keep rising across the two paths.
        _ = try engine.process(Message(id: "sync2", chat: "c1@c.us", from: "c1@c.us", timestamp: 1_764_000_002, type: .text, text: "thanks"))
        let last = try engine.store.withConnection { db throws(ParleyError) in
            try db.statement("SELECT seq FROM messages WHERE id = 'sync2'").firstRow { $0.int(0) }
        }
        #expect((last ?? 0) > ticket)
    }
}
