import Testing
@testable import ParleyCore

/// Threads over conversations that run for days: follow-ups after silence, switches after
/// an idle close, label flips inside one subject, returns to an earlier subject, fragments.
@Suite struct ThreadFlowTests {
    static let hour: Int64 = 3600
    static let day: Int64 = 24 * hour

    /// One chat fed message by message: `say` assigns and returns where the message went.
    struct Chat {
        var state = ChatConversation(chat: "c")
        var options = ThreadOptions()
        var count = 0

        mutating func say(_ intent: String?, at time: Int64, confidence: Double = 0.9, unit: String? = nil, fromMe: Bool = false,
                          fragment: Bool = false, alternatives: [(name: String, confidence: Double)] = [],
                          urgency: Double = 0, sentiment: Double? = nil) -> ThreadDecision {
            count += 1
            var signals = ThreadSignals()
            signals.intent = intent
            signals.intentConfidence = confidence
            signals.reference = unit.map { "unit:" + $0.lowercased() }
            signals.referenceLabel = unit.map { "unit " + $0 }
            signals.fragment = fragment
            signals.alternatives = alternatives
            signals.urgency = urgency
            signals.sentiment = sentiment
            let message = Message(id: "m\(count)", chat: "c", from: fromMe ? "me" : "tenant", fromMe: fromMe, timestamp: time, type: .text)
            return ThreadTracker.assign(message, signals: signals, chat: &state, quotedThread: nil, options: options)
        }
    }

    @Test func followUpsRejoinTheLastThreadAfterAnIdleClose() {
        var chat = Chat()
        let leak = chat.say("maintenance_request", at: 0, unit: "4B")
        _ = chat.say("other", at: 120, fromMe: true)
        // Three days on: "the technician never came" closes and reopens the same thread.
        let never = chat.say("complaint", at: 3 * Self.day)
        #expect(never.thread.id == leak.thread.id && !never.isNew && never.thread.state == .open)
        #expect(never.closed.isEmpty && never.contextSwitch == nil)
        // Two more days: "the plumber came, all fixed, thanks".
        let thanks = chat.say("thanks", at: 5 * Self.day)
        #expect(thanks.thread.id == leak.thread.id && thanks.contextSwitch == nil)
        #expect(thanks.thread.messageCount == 4)
        // The same unit with its kind of request still unknown follows up too.
        let unit = chat.say("unknown", at: 7 * Self.day, confidence: 0.4, unit: "4B")
        #expect(unit.thread.id == leak.thread.id)
    }

    @Test func theReopenWindowEndsAndIsConfigurable() {
        var chat = Chat()
        let leak = chat.say("maintenance_request", at: 0)
        let late = chat.say("complaint", at: 8 * Self.day)
        #expect(late.isNew && late.closed.map(\.id) == [leak.thread.id])
        #expect(late.contextSwitch == nil, "the same kind of request: no change of subject")

        var strict = Chat()
        strict.options.reopenSeconds = 0
        let first = strict.say("rent_payment", at: 0)
        let next = strict.say("rent_payment", at: 2 * Self.day)
        #expect(next.isNew && next.thread.id != first.thread.id)
    }

    @Test func aNewSubjectAfterAnIdleCloseIsASwitch() {
        var chat = Chat()
        let rent = chat.say("rent_payment", at: 0)
        let leak = chat.say("maintenance_request", at: 30 * Self.hour)
        #expect(leak.isNew && leak.closed.map(\.id) == [rent.thread.id])
        #expect(leak.contextSwitch.map { [$0.from, $0.to] } == ["rent_payment", "maintenance_request"])
        // A renewal, then two days later the gate remote: from the renewal to the repair.
        var other = Chat()
        _ = other.say("lease_renewal", at: 0, unit: "7A")
        let gate = other.say("maintenance_request", at: 2 * Self.day, unit: "7A")
        #expect(gate.isNew, "another kind of request outweighs the shared unit")
        #expect(gate.contextSwitch.map { [$0.from, $0.to] } == ["unit 7A", "unit 7A"])
    }

    @Test func aGreetingAfterSilenceOpensAConversationThatLearnsItsTopic() {
        var chat = Chat()
        let rent = chat.say("rent_payment", at: 0)
        let hello = chat.say("greeting", at: 2 * Self.day)
        #expect(hello.isNew && hello.thread.topic == "conversation")
        #expect(hello.contextSwitch == nil, "no subject yet: nothing to switch to")
        let lease = chat.say("lease_renewal", at: 2 * Self.day + 60)
        #expect(lease.thread.id == hello.thread.id && lease.thread.topic == "lease_renewal")
        #expect(lease.thread.id != rent.thread.id)
        // A placeholder gives way even to a label too unsure to steer.
        var quiet = Chat()
        _ = quiet.say("thanks", at: 0)
        let named = quiet.say("move_out", at: 30, confidence: 0.4)
        #expect(named.thread.topic == "move_out" && named.thread.family == nil)
    }

    @Test func labelFlipsInsideOneSubjectDoNotSwitch() {
        var chat = Chat()
        let leak = chat.say("maintenance_request", at: 0)
        // "Can someone come tomorrow before 9?"
        let visit = chat.say("viewing_booking", at: 300)
        #expect(visit.thread.id == leak.thread.id && visit.contextSwitch == nil)
        // Only the flat number: a fragment whatever the classifier made of it.
        let flat = chat.say("availability", at: 360, unit: "4B", fragment: true)
        #expect(flat.thread.id == leak.thread.id && flat.contextSwitch == nil)
        #expect(flat.threadIntent == "maintenance_request")
        // Unsure, with a visit as its best guess: arranging the repair.
        let unsure = chat.say("unknown", at: 400, confidence: 0.5, alternatives: [("viewing_booking", 0.5)])
        #expect(unsure.threadIntent == "maintenance_request")
        // Unsure with a guess the repair does not explain: the message keeps "unknown".
        let bill = chat.say("unknown", at: 420, confidence: 0.45, alternatives: [("rent_payment", 0.45)])
        #expect(bill.threadIntent == nil && bill.thread.id == leak.thread.id)
        let blank = chat.say("unknown", at: 440, confidence: 0.3)
        #expect(blank.threadIntent == nil)
        let thanks = chat.say("thanks", at: 500)
        #expect(thanks.threadIntent == nil, "thanks keeps its own intent")
        #expect(chat.state.current?.intent == "maintenance_request" && chat.state.current?.topic == "unit 4B")
        // A payment torn with a complaint stays; a sure payment is a new subject.
        let torn = chat.say("rent_payment", at: 600, confidence: 0.76, alternatives: [("complaint", 0.22)])
        #expect(torn.thread.id == leak.thread.id)
        let rent = chat.say("rent_payment", at: 700)
        #expect(rent.isNew && rent.contextSwitch.map { [$0.from, $0.to] } == ["unit 4B", "rent_payment"])
        #expect(rent.threadIntent == nil)
    }

    @Test func aFlatSearchKeepsItsPaymentsAndMoves() {
        var chat = Chat()
        let search = chat.say("availability", at: 0)
        for (n, intent) in ["price_inquiry", "rent_payment", "move_out", "viewing_booking", "rent_payment"].enumerated() {
            let next = chat.say(intent, at: Int64(n + 1) * 2 * Self.hour)
            #expect(next.thread.id == search.thread.id && next.contextSwitch == nil, "\(intent)")
        }
        #expect(chat.state.current?.intent == "viewing_booking")
        // "Can I pay the deposit in two parts?", unsure: a payment is a step of taking a flat,
        // so the guess stands, and the viewing the thread arranged does not replace it.
        let deposit = chat.say("unknown", at: 11 * Self.hour, confidence: 0.55, alternatives: [("rent_payment", 0.55)])
        #expect(deposit.threadIntent == "rent_payment" && deposit.thread.id == search.thread.id)
        let price = chat.say("unknown", at: 11 * Self.hour + 60, confidence: 0.5, alternatives: [("price_inquiry", 0.5)])
        #expect(price.threadIntent == "price_inquiry")
        // "other", sure, with nothing of the thread close behind it: stays "other".
        let chat2 = chat.say("other", at: 11 * Self.hour + 120, confidence: 0.9, alternatives: [("availability", 0.05)])
        #expect(chat2.threadIntent == nil)
        let broken = chat.say("maintenance_request", at: 12 * Self.hour)
        #expect(broken.isNew && broken.contextSwitch != nil, "a repair is a new subject")
    }

    @Test func aReturnGoesToTheThreadItRefersTo() {
        var chat = Chat()
        let gas = chat.say("maintenance_request", at: 0, unit: "4B")
        let other = chat.say("maintenance_request", at: 60, unit: "9")
        let certificate = chat.say("document_request", at: 120)
        #expect(Set([gas.thread.id, other.thread.id, certificate.thread.id]).count == 3)
        // "And the hob in 4B, when?": the repair of 4B, not the newest repair.
        let hob = chat.say("maintenance_request", at: 180, unit: "4B")
        #expect(hob.thread.id == gas.thread.id)
        #expect(hob.contextSwitch.map { [$0.from, $0.to] } == ["document_request", "unit 4B"])
        // A lift problem in a unit of a parking request: another kind of request.
        var block = Chat()
        let parking = block.say("availability", at: 0, unit: "D")
        let lift = block.say("maintenance_request", at: 60, unit: "D")
        #expect(lift.thread.id != parking.thread.id && lift.contextSwitch != nil)
    }

    @Test func anEmergencysFollowUpsPressIt() {
        var chat = Chat()
        _ = chat.say("maintenance_request", at: 0, urgency: 0.9, sentiment: -0.6)   // water pouring in
        // "please, quickly": a little urgency of its own, the thread's emergency behind it.
        let quickly = chat.say("unknown", at: 600, confidence: 0.4, urgency: 0.25)
        #expect((quickly.threadUrgency ?? 0) > 0.85)
        // "still dripping" the next morning: negative, pressing, less than at first.
        let still = chat.say("complaint", at: 12 * Self.hour, sentiment: -0.4)
        #expect((still.threadUrgency ?? 0) > 0.6 && (still.threadUrgency ?? 1) < 0.85)
        // A calm update presses nothing; the bot's messages neither.
        #expect(chat.say("maintenance_request", at: 13 * Self.hour, sentiment: 0).threadUrgency == nil)
        #expect(chat.say("other", at: 13 * Self.hour + 60, fromMe: true, urgency: 0.3).threadUrgency == nil)
        // Thanks ends the emergency: what follows is weighed on its own.
        #expect(chat.say("thanks", at: 14 * Self.hour, sentiment: 0.6).threadUrgency == nil)
        #expect(chat.say("complaint", at: 15 * Self.hour, sentiment: -0.5).threadUrgency == nil)
        // A day after the report it presses no more.
        var late = Chat()
        _ = late.say("maintenance_request", at: 0, urgency: 0.9)
        #expect(late.say("complaint", at: 25 * Self.hour, sentiment: -0.5).threadUrgency == nil)
        #expect(late.state.current?.urgency?.level == 0.9, "kept with the thread")
    }

    @Test func theBotDoesNotSteerButFollowsUp() {
        var chat = Chat()
        let leak = chat.say("maintenance_request", at: 0)
        let asked = chat.say("thanks", at: 2 * Self.day, fromMe: true)   // "did the plumber come?"
        #expect(asked.thread.id == leak.thread.id)
        let bot = chat.say("rent_payment", at: 2 * Self.day + 10, fromMe: true)
        #expect(bot.thread.id == leak.thread.id && bot.contextSwitch == nil && bot.threadIntent == nil)
    }
}

/// What hosts read: a fragment continuing a request carries the thread's intent, marked,
/// with the classifier's own answer beside it; the thread says its request.
@Suite struct ThreadIntentContextTests {
    func send(_ engine: Engine, _ id: String, at time: Int, _ text: String) throws -> JSONValue {
        var json = #"{"id":"\#(id)","chat":"c","from":"t","timestamp":\#(time),"type":"text","text":"\#(text)"}"#
        return try json.withUTF8 { try engine.process(json: UnsafeRawBufferPointer($0)) }
    }

    @Test func aFragmentIsLentTheThreadsIntent() throws {
        let engine = try Engine(configJSON: "{}")
        defer { engine.close() }
        let leak = try send(engine, "1", at: 1_000, "The kitchen tap in unit 4B is leaking badly, water everywhere")
        #expect(leak[path: "intent", "name"] == "maintenance_request" && leak[path: "intent", "fromThread"] == nil)
        #expect(leak[path: "thread", "intent"] == "maintenance_request")
        let name = try send(engine, "2", at: 1_060, "Claudine Mukamana")
        #expect(name[path: "thread", "id"] == leak[path: "thread", "id"])
        #expect(name[path: "intent", "name"] == "maintenance_request")
        #expect(name[path: "intent", "fromThread"] == true)
        #expect(name[path: "intent", "classified"] != nil && name[path: "intent", "classified"] != "maintenance_request")
        #expect(name[path: "flow", "contextSwitch"] == false)
        // Two days later the rent: a new subject, switched from the closed repair.
        let rent = try send(engine, "3", at: 1_000 + 2 * 86_400, "I have paid the rent for this month")
        #expect(rent[path: "intent", "fromThread"] == nil && rent[path: "thread", "new"] == true)
        #expect(rent[path: "flow", "contextSwitch"] == true && rent[path: "flow", "from"] == "unit 4B")
    }

    @Test func anEmergencysFollowUpIsUrgentToo() throws {
        let engine = try Engine(configJSON: "{}")
        defer { engine.close() }
        let flood = try send(engine, "1", at: 1_000, "Water is pouring through the ceiling in unit 4B, come now!!")
        #expect((flood[path: "sentiment", "urgency"]?.doubleValue ?? 0) >= 0.5)
        let please = try send(engine, "2", at: 1_300, "please hurry")
        #expect((please[path: "sentiment", "urgency"]?.doubleValue ?? 0) >= 0.5)
        #expect(please[path: "sentiment", "urgencyFromThread"] == true)
        let thanks = try send(engine, "3", at: 5_000, "The plumber fixed it, thank you so much")
        #expect(thanks[path: "sentiment", "urgencyFromThread"] == nil)
        // Stored with the thread, and read back after a restart's cache miss.
        let stored = try engine.thread(id: flood[path: "thread", "id"]!.stringValue!)
        #expect(stored[path: "thread", "urgency", "level"] == nil, "thanks cleared it")
    }

    @Test func theReopenWindowIsConfigured() throws {
        let configuration = try Configuration(json: #"{"threads": {"inactivityMinutes": 60, "reopenMinutes": 0}}"#)
        #expect(configuration.threads.inactivitySeconds == 3_600 && configuration.threads.reopenSeconds == 0)
        #expect(try Configuration(json: "{}").threads.inactivitySeconds == 24 * 3_600)
        #expect(throws: ParleyError.self) { try Configuration(json: #"{"threads": {"reopenMinutes": -1}}"#) }
    }
}
