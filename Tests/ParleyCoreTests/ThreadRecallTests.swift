import Testing
@testable import ParleyCore

/// Coming back to an earlier subject after another one: the chat keeps its newest closed
/// threads (`recentlyClosed`), and a message about one of their subjects reopens it.
@Suite struct ThreadRecallTests {
    typealias Chat = ThreadFlowTests.Chat
    static let hour: Int64 = 3600
    static let day: Int64 = 24 * hour

    @Test func aReturnToAnEarlierSubjectReopensItsThread() {
        var chat = Chat()
        let sink = chat.say("maintenance_request", at: 0, unit: "4B")   // "the sink in 4B leaks"
        let rent = chat.say("rent_payment", at: 2 * Self.day)           // "paid March's rent"
        #expect(rent.isNew && rent.closed.map(\.id) == [sink.thread.id] && !rent.reopened)
        #expect(chat.state.recentlyClosed.map(\.id) == [sink.thread.id])
        // Three days on: "the plumber still hasn't come for the sink in 4B".
        let back = chat.say("complaint", at: 5 * Self.day, unit: "4B", sentiment: -0.4, chases: true)
        #expect(back.thread.id == sink.thread.id && !back.isNew && back.reopened)
        #expect(back.thread.state == .open && back.thread.lastActivity == 5 * Self.day && back.thread.messageCount == 2)
        #expect(back.closed.map(\.id) == [rent.thread.id])
        #expect(back.contextSwitch.map { [$0.from, $0.to] } == ["rent_payment", "unit 4B"])
        #expect(chat.state.threads.map(\.id) == [sink.thread.id])
        #expect(chat.state.recentlyClosed.map(\.id) == [rent.thread.id], "the reopened thread leaves the recently closed")
        // Its follow-up goes on in it, not reopened again.
        let next = chat.say("maintenance_request", at: 5 * Self.day + 60, unit: "4B")
        #expect(next.thread.id == sink.thread.id && !next.reopened)
    }

    @Test func anOpenThreadOfAnotherSubjectGivesWayToTheClosedOneAskedAbout() {
        var chat = Chat()
        let sink = chat.say("maintenance_request", at: 0, unit: "4B")
        let rent = chat.say("rent_payment", at: 30 * Self.hour)   // closes the repair
        // Two hours later, the rent thread still open: "and the sink in 4B?"
        let back = chat.say("maintenance_request", at: 32 * Self.hour, unit: "4B")
        #expect(back.thread.id == sink.thread.id && back.reopened && back.closed.isEmpty)
        #expect(back.contextSwitch != nil)
        #expect(Set(chat.state.threads.map(\.id)) == [sink.thread.id, rent.thread.id])
        // An open thread that matches as well wins over a closed one: the most recent.
        var both = Chat()
        _ = both.say("maintenance_request", at: 0)
        let later = both.say("maintenance_request", at: 2 * Self.day, unit: "9")   // another repair, open
        _ = both.say("rent_payment", at: 2 * Self.day + 60)
        let repair = both.say("maintenance_request", at: 2 * Self.day + 120, unit: "9")
        #expect(repair.thread.id == later.thread.id && !repair.reopened)
    }

    @Test func theRecallWindowNeedsTheUnitPastTheReopenWindow() {
        // Within the reopen window its kind of request is enough, as for the last thread.
        var week = Chat()
        let pump = week.say("maintenance_request", at: 0)
        _ = week.say("rent_payment", at: 2 * Self.day)
        let again = week.say("maintenance_request", at: 4 * Self.day)   // "the pump is off again"
        #expect(again.thread.id == pump.thread.id && again.reopened)
        // Past it, the same kind of request without its unit is a new thread; with it, the thread.
        var later = Chat()
        let sink = later.say("maintenance_request", at: 0, unit: "4B")
        _ = later.say("rent_payment", at: 2 * Self.day)
        var unnamed = later
        let bare = unnamed.say("maintenance_request", at: 10 * Self.day)
        #expect(bare.isNew && !bare.reopened)
        let named = later.say("complaint", at: 10 * Self.day, unit: "4B", chases: true)
        #expect(named.thread.id == sink.thread.id && named.reopened)
        // Past the recall window nothing reopens but a quote.
        var gone = Chat()
        _ = gone.say("maintenance_request", at: 0, unit: "4B")
        _ = gone.say("rent_payment", at: 2 * Self.day)
        #expect(gone.say("maintenance_request", at: 15 * Self.day, unit: "4B").isNew)
        // The last thread too: its unit reopens it past the reopen window, within the recall one.
        var last = Chat()
        let tap = last.say("maintenance_request", at: 0, unit: "7A")
        let drip = last.say("maintenance_request", at: 10 * Self.day, unit: "7A")
        #expect(drip.thread.id == tap.thread.id && drip.reopened && drip.contextSwitch == nil)
    }

    @Test func theRecallWindowIsConfigurable() throws {
        var strict = Chat()
        strict.options.recallSeconds = 0
        _ = strict.say("maintenance_request", at: 0, unit: "4B")
        _ = strict.say("rent_payment", at: 2 * Self.day)
        #expect(strict.say("maintenance_request", at: 10 * Self.day, unit: "4B").isNew, "only the reopen window")
        let configuration = try Configuration(json: #"{"threads": {"recallMinutes": 60}}"#)
        #expect(configuration.threads.recallSeconds == 3_600 && ThreadOptions().recallSeconds == 14 * Self.day)
        #expect(throws: ParleyError.self) { try Configuration(json: #"{"threads": {"recallMinutes": -1}}"#) }
        #expect(throws: ParleyError.self) { try Configuration(json: #"{"threads": {"recallMinutes": 525601}}"#) }
    }

    @Test func anotherKindOfRequestOrUnitReopensNothing() {
        var chat = Chat()
        let sink = chat.say("maintenance_request", at: 0, unit: "4B")
        _ = chat.say("rent_payment", at: 2 * Self.day, unit: "4B")
        // A renewal for 4B: the unit is shared, the kind of request is not.
        let renewal = chat.say("lease_renewal", at: 4 * Self.day, unit: "4B")
        #expect(renewal.isNew && renewal.thread.id != sink.thread.id)
        // A repair of another unit.
        let other = chat.say("maintenance_request", at: 6 * Self.day, unit: "9C")
        #expect(other.isNew && !other.reopened)
    }

    @Test func smallTalkAndTheBotGoToTheLastThreadNotAnEarlierOne() {
        var chat = Chat()
        _ = chat.say("maintenance_request", at: 0, unit: "4B")
        let rent = chat.say("rent_payment", at: 2 * Self.day)
        // "thank you" three days on follows the last subject up, reopening it.
        let thanks = chat.say("thanks", at: 5 * Self.day)
        #expect(thanks.thread.id == rent.thread.id && thanks.reopened)
        var bot = Chat()
        _ = bot.say("maintenance_request", at: 0, unit: "4B")
        _ = bot.say("rent_payment", at: 2 * Self.day)
        let reminder = bot.say("maintenance_request", at: 5 * Self.day, unit: "4B", fromMe: true)
        #expect(reminder.isNew && !reminder.reopened, "the bot's own messages reopen nothing")
    }

    @Test func theRecentlyClosedAreBounded() {
        var chat = Chat()
        let units = ["1A", "2A", "3A", "4A", "5A", "6A"]
        var ids: [String] = []
        for (n, unit) in units.enumerated() {
            ids.append(chat.say("maintenance_request", at: Int64(n) * 2 * Self.day, unit: unit).thread.id)
        }
        #expect(chat.state.recentlyClosed.count == ThreadTracker.recentLimit)
        #expect(chat.state.recentlyClosed.map(\.id) == Array(ids.dropLast().suffix(ThreadTracker.recentLimit)))
        // The oldest fell out: a new thread. A kept one reopens.
        #expect(chat.say("complaint", at: 11 * Self.day, unit: "1A", chases: true).isNew)
        let kept = chat.say("complaint", at: 11 * Self.day + 60, unit: "3A", chases: true)
        #expect(kept.thread.id == ids[2] && kept.reopened)
        #expect(chat.state.recentlyClosed.count <= ThreadTracker.recentLimit)
    }

    @Test func aReplyToAnEarlierThreadReopensItsKeptState() {
        var chat = Chat()
        let sink = chat.say("maintenance_request", at: 0, unit: "4B")
        _ = chat.say("rent_payment", at: 2 * Self.day)
        // A stale copy of the quoted thread (what a queued message carried) gives way to the kept one.
        var stale = sink.thread
        stale.messageCount = 0
        let message = Message(id: "r", chat: "c", from: "tenant", fromMe: false, timestamp: 20 * Self.day, type: .text,
                              quoted: Message.Quoted(id: "m1"))
        var signals = ThreadSignals()
        signals.intent = "other"
        signals.intentConfidence = 0.9
        let reply = ThreadTracker.assign(message, signals: signals, chat: &chat.state, quotedThread: stale, options: chat.options)
        #expect(reply.thread.id == sink.thread.id && reply.reopened && reply.thread.messageCount == 2)
        #expect(!chat.state.recentlyClosed.contains { $0.id == sink.thread.id })
    }

    @Test func theFlowNamesTheReopenedThread() throws {
        var chat = Chat()
        _ = chat.say("maintenance_request", at: 0, unit: "4B")
        _ = chat.say("rent_payment", at: 2 * Self.day)
        let back = chat.say("complaint", at: 5 * Self.day, unit: "4B", chases: true)
        let flow = EnrichedContext.flow(back, OrderMarks())
        #expect(flow["reopened"]?.stringValue == back.thread.id)
        #expect(flow["closedThreads"]?.arrayValue?.count == 1)
        let stays = chat.say("maintenance_request", at: 5 * Self.day + 60, unit: "4B")
        #expect(EnrichedContext.flow(stays, OrderMarks())["reopened"] == nil)
    }

    @Test func theStoreReadsBackTheOpenAndTheNewestClosed() {
        var chat = ChatConversation(chat: "c")
        func thread(_ n: Int, _ state: ConversationThread.State, at time: Int64) -> ConversationThread {
            var thread = ConversationThread(id: "c#\(n)", chat: "c", topic: "t", openedAt: time, lastActivity: time)
            thread.state = state
            return thread
        }
        chat.place([thread(1, .closed, at: 50), thread(2, .open, at: 70), thread(3, .closed, at: 10), thread(4, .open, at: 20),
                    thread(5, .closed, at: 40), thread(6, .closed, at: 30), thread(7, .closed, at: 60)])
        #expect(chat.threads.map(\.id) == ["c#4", "c#2"])
        #expect(chat.recentlyClosed.map(\.id) == ["c#6", "c#5", "c#1", "c#7"])
    }
}
