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
                          urgency: Double = 0, sentiment: Double? = nil, property: String? = nil, also: String? = nil,
                          chases: Bool = false, bare: Bool = false, lone: Bool = false, contact: Bool = false,
                          asks: Bool = false, amount: Bool = false, term: Bool = false,
                          naming named: Int64? = nil) -> ThreadDecision {
            count += 1
            var signals = ThreadSignals()
            signals.intent = intent
            signals.intentConfidence = confidence
            signals.reference = unit.map { "unit:" + $0.lowercased() }
            signals.referenceLabel = unit.map { "unit " + $0 }
            if let property {
                // "Kacyiru Heights, unit 4B": the property first, the unit beside it.
                signals.reference = "property:" + property.lowercased()
                signals.referenceLabel = property
                signals.otherReferences = unit.map { ["unit:" + $0.lowercased()] } ?? []
            }
            // "B7 still owes rent, and B9's roof leaks": a second unit.
            signals.moreReferences = also.map { [("unit:" + $0.lowercased(), "unit " + $0)] } ?? []
            signals.fragment = fragment || bare
            signals.bare = bare
            signals.lone = lone
            signals.chases = chases
            signals.alternatives = alternatives
            signals.urgency = urgency
            signals.sentiment = sentiment
            // "her number is 0788 123 456".
            signals.entities = contact ? [("phone", "0788 123 456")] : []
            // "the welder quoted 150000", "we'll do 2 years this time".
            if amount { signals.entities.append(("number", "150000")) }
            if term { signals.entities.append(("duration", "2 years")) }
            signals.asks = asks
            signals.times = named.map { [$0] } ?? []
            let message = Message(id: "m\(count)", chat: "c", from: fromMe ? "me" : "tenant", fromMe: fromMe, timestamp: time, type: .text)
            return ThreadTracker.assign(message, signals: signals, chat: &state, quotedThread: nil, options: options)
        }
    }

    @Test func followUpsRejoinTheLastThreadAfterAnIdleClose() {
        var chat = Chat()
        let leak = chat.say("maintenance_request", at: 0, unit: "4B")
        _ = chat.say("other", at: 120, fromMe: true)
        // Three days on: "the technician never came" closes and reopens the same thread.
        let never = chat.say("complaint", at: 3 * Self.day, chases: true)
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
        let late = chat.say("complaint", at: 8 * Self.day, chases: true)   // "still not fixed"
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
        // Only the flat number: a fragment whatever the classifier made of it, and, unsure,
        // lent the thread's request.
        let flat = chat.say("availability", at: 360, confidence: 0.5, unit: "4B", fragment: true)
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
        let still = chat.say("complaint", at: 12 * Self.hour, sentiment: -0.4, chases: true)
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
        #expect(late.say("complaint", at: 25 * Self.hour, sentiment: -0.5, chases: true).threadUrgency == nil)
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

    @Test func digitsAloneTakeTheThreadsRequestUnscored() throws {
        let engine = try Engine(configJSON: #"{"region": "RW"}"#)
        defer { engine.close() }
        // Digits alone open nothing: no words, no intent.
        let first = try send(engine, "0", at: 900, "0788 555 123")
        #expect(first[path: "intent"] == nil && first[path: "language"] == nil)
        let viewing = try send(engine, "1", at: 1_000, "Can I come and see the 2 bedroom apartment on Saturday? Please call me")
        #expect(viewing[path: "thread", "intent"] == "viewing_booking")
        for (id, digits) in [("2", "0788 123 456"), ("3", "350000"), ("4", "+250788123456")] {
            let detail = try send(engine, id, at: 1_060, digits)
            #expect(detail[path: "thread", "id"] == viewing[path: "thread", "id"], "\(digits)")
            #expect(detail[path: "intent", "name"] == "viewing_booking" && detail[path: "intent", "fromThread"] == true, "\(digits)")
            #expect(detail[path: "intent", "confidence"] == 0 && detail[path: "intent", "classified"] == nil, "\(digits)")
            #expect(detail[path: "language"] == nil && detail[path: "sentiment"] == nil, "\(digits)")
        }
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

/// The steps of one request are one subject; a new request, another unit or the end of an
/// emergency moves on.
@Suite struct ThreadStepTests {
    typealias Chat = ThreadFlowTests.Chat
    static let minute: Int64 = 60

    @Test func aFlatSearchRunsFromAvailabilityToTheContract() {
        var chat = Chat()
        let search = chat.say("availability", at: 0)   // "any 2-bedroom in Kololo?"
        // Viewing, "I'm at the gate, which building?", the price, "how much is the deposit?",
        // "is the lease 6 months or a year?", "my email for the contract is …".
        let steps = ["viewing_booking", "location_directions", "price_inquiry", "price_inquiry", "lease_renewal",
                     "rent_payment", "document_request", "move_out"]
        for (n, intent) in steps.enumerated() {
            let next = chat.say(intent, at: Int64(n + 1) * 20 * Self.minute, confidence: 0.99)
            #expect(next.thread.id == search.thread.id && next.contextSwitch == nil, "\(intent)")
        }
        #expect(chat.state.threads.count == 1 && chat.state.current?.family == "leasing")
        // A repair is still another subject.
        let broken = chat.say("maintenance_request", at: 4 * ThreadFlowTests.hour)
        #expect(broken.isNew && broken.contextSwitch != nil)
    }

    @Test func aShortStayExtendsAndChecksOut() {
        var chat = Chat()
        let booking = chat.say("viewing_booking", at: 0)   // "a room for 3 nights from Friday"
        let extend = chat.say("lease_renewal", at: 2 * ThreadFlowTests.day, confidence: 0.99)   // "can I extend by two nights?"
        let paid = chat.say("rent_payment", at: 2 * ThreadFlowTests.day + 600)
        let out = chat.say("move_out", at: 4 * ThreadFlowTests.day, confidence: 0.8)   // "checked out, left the keys"
        for step in [extend, paid, out] { #expect(step.thread.id == booking.thread.id && step.contextSwitch == nil) }
    }

    @Test func aPaymentKeepsItsReceiptButNotARenewal() {
        var chat = Chat()
        let fee = chat.say("rent_payment", at: 0)   // "I have paid the hostel fee"
        let receipt = chat.say("document_request", at: 120, confidence: 0.99)   // "pls send receipt"
        let balance = chat.say("price_inquiry", at: 300, confidence: 0.95)   // "how much is left to pay?"
        #expect(receipt.thread.id == fee.thread.id && balance.thread.id == fee.thread.id)
        #expect(receipt.contextSwitch == nil && balance.contextSwitch == nil)
        // "I want to talk to the owner about renewing the contract": another subject.
        let renew = chat.say("lease_renewal", at: 600, confidence: 0.92, alternatives: [("talk_to_agent", 0.04)])
        #expect(renew.isNew && renew.contextSwitch.map { [$0.from, $0.to] } == ["rent_payment", "lease_renewal"])
    }

    @Test func anEmergencyHoldsItsPanickedMessages() {
        var chat = Chat()
        let geyser = chat.say("maintenance_request", at: 0, unit: "4B", urgency: 0.85, sentiment: -0.75)   // "4B geyser burst!!"
        // "can't find the main tap 😭", read as directions beyond doubt: still the emergency.
        let tap = chat.say("location_directions", at: 40, confidence: 0.97, sentiment: -0.57)
        #expect(tap.thread.id == geyser.thread.id && tap.contextSwitch == nil && tap.threadUrgency != nil)
        // "where is the main tap??", calm, a minute later: the burst holds it too.
        let calm = chat.say("location_directions", at: 100, confidence: 0.97)
        #expect(calm.thread.id == geyser.thread.id && calm.contextSwitch == nil)
        let back = chat.say("complaint", at: 200, sentiment: -0.6)   // "water still coming"
        #expect(back.thread.id == geyser.thread.id && back.contextSwitch == nil)
        #expect(chat.state.threads.count == 1)
        // Another unit moves on even now ("also 7A has no water").
        let other = chat.say("maintenance_request", at: 260, unit: "7A", urgency: 0.6)
        #expect(other.isNew && other.contextSwitch != nil)
    }

    @Test func aCalmRequestAfterTheBurstOrThanksSwitches() {
        var chat = Chat()
        _ = chat.say("maintenance_request", at: 0, urgency: 0.7, sentiment: -0.5)   // "no water since morning!"
        // An hour later, calm: "will the rent go up next year?".
        let rent = chat.say("price_inquiry", at: 3600, confidence: 0.99)
        #expect(rent.isNew && rent.contextSwitch != nil)
        // Thanks ends an emergency: the next request is weighed on its own, at once.
        var fixed = Chat()
        _ = fixed.say("maintenance_request", at: 0, urgency: 0.9, sentiment: -0.7)
        _ = fixed.say("thanks", at: 1800, sentiment: 0.6)
        let paid = fixed.say("rent_payment", at: 1860)
        #expect(paid.isNew && paid.contextSwitch != nil)
    }

    @Test func aFixedRepairLetsANewRequestSwitch() {
        var chat = Chat()
        let ac = chat.say("maintenance_request", at: 0)   // "the AC in the office is dead"
        // "is the technician available tomorrow?": arranging the repair.
        let visit = chat.say("availability", at: 600, confidence: 0.9)
        #expect(visit.thread.id == ac.thread.id && visit.contextSwitch == nil)
        let thanks = chat.say("thanks", at: ThreadFlowTests.day, sentiment: 0.6)   // "AC works now, thanks"
        #expect(thanks.thread.id == ac.thread.id)
        // "also, we want to rent a second office of ~80 m², available?": unknown, availability
        // its sure-enough guess: a new subject, and its price question follows it.
        let office = chat.say("unknown", at: ThreadFlowTests.day + 120, confidence: 0.64,
                              alternatives: [("availability", 0.64), ("rent_payment", 0.11)])
        #expect(office.isNew && office.contextSwitch.map { [$0.from, $0.to] } == ["maintenance_request", "availability"])
        #expect(office.thread.family == "leasing")
        let price = chat.say("price_inquiry", at: ThreadFlowTests.day + 180, confidence: 0.99)
        #expect(price.thread.id == office.thread.id && price.contextSwitch == nil)
        // An unsure guess still switches nothing.
        let vague = chat.say("unknown", at: ThreadFlowTests.day + 240, confidence: 0.45, alternatives: [("maintenance_request", 0.45)])
        #expect(vague.thread.id == office.thread.id)
    }

    @Test func aRepairThatBreaksAgainIsOpenAgain() {
        var chat = Chat()
        let leak = chat.say("maintenance_request", at: 0)
        _ = chat.say("thanks", at: 3600)
        // "ugh, same problem again": negative, "again", it chases the fixed repair.
        let again = chat.say("complaint", at: 2 * 3600, sentiment: -0.67, chases: true)
        #expect(again.thread.id == leak.thread.id && chat.state.current?.resolvedAt == nil)
        // "it's leaking again", read as the repair itself, needs no chase.
        var drip = Chat()
        let tap = drip.say("maintenance_request", at: 0)
        _ = drip.say("thanks", at: 3600)
        #expect(drip.say("maintenance_request", at: 2 * 3600).thread.id == tap.thread.id)
        let visit = chat.say("viewing_booking", at: 2 * 3600 + 60)   // "can he come at 5?"
        #expect(visit.thread.id == leak.thread.id && visit.contextSwitch == nil)
    }

    @Test func twoUnitsAlwaysConflict() {
        // A staff group: tasks about different units, labels unknown.
        var staff = Chat()
        let a3 = staff.say("unknown", at: 0, confidence: 0.3, unit: "A3")
        let b7 = staff.say("unknown", at: 60, confidence: 0.3, unit: "B7")
        #expect(b7.isNew && b7.contextSwitch.map { [$0.from, $0.to] } == ["unit A3", "unit B7"])
        let backToA3 = staff.say("rent_payment", at: 120, unit: "A3")
        #expect(backToA3.thread.id == a3.thread.id && backToA3.contextSwitch != nil)
        // A property's thread learns its unit: another unit of the building is another subject,
        // the same unit or the building alone is not.
        var block = Chat()
        let first = block.say("maintenance_request", at: 0, unit: "4B", property: "Kacyiru Heights")
        let same = block.say("complaint", at: 60, unit: "4B", property: "Kacyiru Heights")
        let building = block.say("complaint", at: 90, property: "Kacyiru Heights")
        #expect(same.thread.id == first.thread.id && building.thread.id == first.thread.id)
        let other = block.say("maintenance_request", at: 120, unit: "5C", property: "Kacyiru Heights")
        #expect(other.isNew && other.contextSwitch != nil)
        #expect(ThreadTracker.conflicting(["unit:4b"], ["property:x", "unit:5c"]))
        #expect(!ThreadTracker.conflicting(["unit:4b"], ["property:x"]))
    }

    @Test func aSureFragmentKeepsItsOwnIntent() {
        var chat = Chat()
        let rent = chat.say("rent_payment", at: 0)
        // "the contract ends on 1 January": a date and few words, but surely a renewal matter.
        let ends = chat.say("lease_renewal", at: 60, confidence: 0.9, fragment: true)
        #expect(ends.thread.id == rent.thread.id && ends.threadIntent == nil && ends.contextSwitch == nil)
        // An unsure or unknown fragment is still lent the thread's request.
        #expect(chat.say("unknown", at: 120, confidence: 0.3, fragment: true).threadIntent == "rent_payment")
        #expect(chat.say("availability", at: 180, confidence: 0.5, fragment: true).threadIntent == "rent_payment")
    }

    @Test func resolutionAndReferencesSurviveTheStore() throws {
        var chat = Chat()
        _ = chat.say("maintenance_request", at: 0, unit: "4B", property: "Kacyiru Heights")
        let thanks = chat.say("thanks", at: 60)
        let read = try ConversationThread(json: thanks.thread.storedJSON)
        #expect(read.resolvedAt == 60 && read.otherReferences == ["unit:4b"] && read == thanks.thread)
        #expect(thanks.thread.json["resolvedAt"] == nil && thanks.thread.json["otherReferences"] == nil, "not shown to hosts")
    }
}

/// Readings that must not overwrite what a message says, switches a shared family hid, and
/// splits a guessed request or a renewal's haggling caused.
@Suite struct ThreadReadingTests {
    typealias Chat = ThreadFlowTests.Chat
    static let hour: Int64 = 3600

    @Test func aChasingComplaintTakesTheRequestNotItsStep() {
        var chat = Chat()
        _ = chat.say("rent_payment", at: 0)   // "sent the rent by MoMo"
        // "why no confirmation yet 🙄": unknown, a receipt its best guess: it chases the payment.
        let why = chat.say("unknown", at: 600, confidence: 0.4, alternatives: [("document_request", 0.4)], sentiment: -0.4, chases: true)
        #expect(why.threadIntent == "rent_payment" && why.contextSwitch == nil)
        // Calm, the same guess is the receipt, a step of the payment.
        let receipt = chat.say("unknown", at: 700, confidence: 0.4, alternatives: [("document_request", 0.4)])
        #expect(receipt.threadIntent == "document_request")
    }

    @Test func aLoneWordIsLentNothingAndABareDetailTheRequest() {
        var chat = Chat()
        _ = chat.say("availability", at: 0)   // "is the 2-bedroom in Kiyovu still free?"
        _ = chat.say("viewing_booking", at: 300)   // "can I see it Saturday?"
        // A phone number alone, read as a payment beyond doubt: still the viewing's detail.
        let phone = chat.say("rent_payment", at: 360, confidence: 0.8, bare: true)
        #expect(phone.threadIntent == "viewing_booking" && phone.contextSwitch == nil)
        // "Dalu": nobody placed it; it is lent nothing.
        let dalu = chat.say("unknown", at: 420, confidence: 0.3, fragment: true, alternatives: [("maintenance_request", 0.3)], lone: true)
        #expect(dalu.threadIntent == nil && dalu.thread.id == phone.thread.id)
        // "confirm pls" (two words, unplaced) is still lent the request.
        #expect(chat.say("unknown", at: 480, confidence: 0.3, fragment: true).threadIntent == "viewing_booking")
    }

    @Test func aWeightyGuessOfAnotherKindIsKept() {
        var chat = Chat()
        _ = chat.say("complaint", at: 0, sentiment: -0.7)   // "someone broke in last night, my laptop is gone"
        // "leaving on the 30th": a date and two words, move_out its unsure guess.
        let notice = chat.say("move_out", at: 600, confidence: 0.5, fragment: true)
        #expect(notice.threadIntent == nil)
        // An unsure detail the thread explains is still lent its request.
        #expect(chat.say("availability", at: 660, confidence: 0.4, fragment: true).threadIntent == "complaint")
    }

    @Test func aNoticeIsNoPanicToHold() {
        var chat = Chat()
        let theft = chat.say("complaint", at: 0, urgency: 0.7, sentiment: -0.8)   // "thieves broke the door!!"
        // "I'm giving notice, I don't feel safe here": sure, negative, in the emergency's burst.
        let notice = chat.say("move_out", at: 120, confidence: 0.8, alternatives: [("complaint", 0.25)], sentiment: -0.6)
        #expect(notice.isNew && notice.contextSwitch != nil)
        // A panicked misread is still held.
        var flood = Chat()
        let pipe = flood.say("maintenance_request", at: 0, urgency: 0.9, sentiment: -0.7)
        let misread = flood.say("location_directions", at: 60, confidence: 0.9, sentiment: -0.5)
        #expect(misread.thread.id == pipe.thread.id && theft.thread.id != notice.thread.id)
    }

    @Test func aSecondUnitInOneBreathIsItsOwnSubject() {
        var chat = Chat()
        let rent = chat.say("rent_payment", at: 0, unit: "B7")   // caretaker: "B7 hasn't paid"
        // "B7 still not paid, and the roof in B9 is leaking": B9 is the news.
        let roof = chat.say("maintenance_request", at: 300, unit: "B7", also: "B9")
        #expect(roof.isNew && roof.thread.topic == "unit B9")
        #expect(roof.contextSwitch.map { [$0.from, $0.to] } == ["unit B7", "unit B9"])
        // Naming both again from B9's thread goes back to B7.
        let back = chat.say("rent_payment", at: 400, unit: "B9", also: "B7")
        #expect(back.thread.id == rent.thread.id)
        // A single unit of the thread stays.
        #expect(chat.say("rent_payment", at: 500, unit: "B7").thread.id == rent.thread.id)
    }

    @Test func aRepairFamilyRequestOfAnotherKindAfterAPauseSwitches() {
        var chat = Chat()
        let noise = chat.say("complaint", at: 0)   // "the neighbours' music all night"
        // The next afternoon: "the AC stopped working".
        let ac = chat.say("maintenance_request", at: 20 * Self.hour)
        #expect(ac.isNew && ac.contextSwitch != nil && ac.thread.id != noise.thread.id)
        // A power cut, then six days on a neighbour complaint: no reopening.
        var cut = Chat()
        let power = cut.say("maintenance_request", at: 0)
        let neighbour = cut.say("complaint", at: 6 * 24 * Self.hour)
        #expect(neighbour.isNew && neighbour.thread.id != power.thread.id && neighbour.contextSwitch != nil)
        // Negatives: "still no power" chases it, the same unit, or minutes later, all join.
        var chase = Chat()
        let dark = chase.say("maintenance_request", at: 0, unit: "3")
        #expect(chase.say("complaint", at: 2 * 24 * Self.hour, chases: true).thread.id == dark.thread.id)
        #expect(chase.say("complaint", at: 4 * 24 * Self.hour, unit: "3").thread.id == dark.thread.id)
        var burst = Chat()
        let angry = burst.say("complaint", at: 0)   // "water off for 2 days, unacceptable"
        #expect(burst.say("maintenance_request", at: 600).thread.id == angry.thread.id)   // "send a plumber"
    }

    @Test func aSureLabelCorrectsAGuessedRequest() {
        var chat = Chat()
        // A Darija search the classifier barely reads: unknown, a payment its guess.
        let search = chat.say("unknown", at: 0, confidence: 0.62, alternatives: [("rent_payment", 0.62)])
        #expect(search.thread.family == "payments" && search.thread.guessed)
        // Then, in French, the viewing, and the way there: one thread, the search's.
        let viewing = chat.say("viewing_booking", at: 600, confidence: 0.9)
        let directions = chat.say("location_directions", at: 900, confidence: 0.8)
        #expect(viewing.thread.id == search.thread.id && directions.thread.id == search.thread.id)
        #expect(viewing.contextSwitch == nil && directions.contextSwitch == nil)
        #expect(chat.state.current?.family == "leasing" && chat.state.current?.intent == "location_directions")
        #expect(chat.state.current?.guessed == false)
        // Negative: a sure request confirms its thread, and another kind still switches.
        var sure = Chat()
        _ = sure.say("rent_payment", at: 0)
        #expect(sure.say("viewing_booking", at: 600).contextSwitch != nil)
        // And a guessed thread is corrected only soon after.
        var late = Chat()
        _ = late.say("unknown", at: 0, confidence: 0.62, alternatives: [("rent_payment", 0.62)])
        #expect(late.say("viewing_booking", at: 8 * Self.hour).isNew)
    }

    @Test func aRenewalsHagglingIsOneThread() {
        var chat = Chat()
        let renewal = chat.say("lease_renewal", at: 0)   // "I'd like to renew for another year"
        // "6000 is too much, can we do 5500?", misread as a payment.
        let haggle = chat.say("rent_payment", at: 600, confidence: 0.7)
        #expect(haggle.thread.id == renewal.thread.id && haggle.contextSwitch == nil)
        // "Paid the rent for March, here is the reference": sure, another subject.
        let paid = chat.say("rent_payment", at: 1200, confidence: 0.95)
        #expect(paid.isNew && paid.contextSwitch != nil)
    }

    @Test func guessedSurvivesTheStore() throws {
        var chat = Chat()
        let search = chat.say("unknown", at: 0, confidence: 0.7, alternatives: [("availability", 0.7)])
        let read = try ConversationThread(json: search.thread.storedJSON)
        #expect(read.guessed && read == search.thread && search.thread.json["guessed"] == nil)
    }
}

/// One subject's steps that read as another kind of request, and new subjects that read as a
/// step or share a family: decided by families, steps, resolution, references and time.
@Suite struct ThreadSubjectTests {
    typealias Chat = ThreadFlowTests.Chat
    static let minute: Int64 = 60
    static let hour: Int64 = 3600
    static let day: Int64 = 24 * hour

    @Test func aSearchKeepsItsComplaintsAndItsProxyViewing() {
        var chat = Chat()
        let search = chat.say("availability", at: 0)   // "any 3-bedroom in Nyarutarama?"
        _ = chat.say("viewing_booking", at: 10 * Self.minute)   // "can I see it Saturday?"
        // "I'm abroad, my brother will come to check it, 0722 …": a visit read as a repair.
        let proxy = chat.say("maintenance_request", at: 20 * Self.minute, confidence: 0.94, contact: true)
        // "the listing said 500k, the agent now says 550k?": unknown, a complaint its guess.
        let price = chat.say("unknown", at: 30 * Self.minute, confidence: 0.7, alternatives: [("complaint", 0.7), ("price_inquiry", 0.18)])
        for step in [proxy, price] { #expect(step.thread.id == search.thread.id && step.contextSwitch == nil) }
        #expect(price.threadIntent == "complaint", "a step's guess stands")
        #expect(chat.state.threads.count == 1 && chat.state.current?.family == "leasing")
        // A repair with no contact is still a repair ("the tap in my current flat leaks").
        let tap = chat.say("maintenance_request", at: 40 * Self.minute)
        #expect(tap.isNew && tap.contextSwitch != nil)
        // After a pause neither a complaint nor a repair with a number is the search's.
        var later = Chat()
        _ = later.say("viewing_booking", at: 0)
        let noise = later.say("complaint", at: 7 * Self.hour)   // "the neighbours are so loud"
        #expect(noise.isNew && noise.contextSwitch != nil)
        var plumber = Chat()
        _ = plumber.say("viewing_booking", at: 0)
        #expect(plumber.say("maintenance_request", at: 7 * Self.hour, contact: true).isNew)
    }

    @Test func aStaysArrivalTroubleIsTheStay() {
        var chat = Chat()
        let stay = chat.say("viewing_booking", at: 0)   // "a room for 3 nights from tonight"
        _ = chat.say("location_directions", at: 3 * Self.hour)   // "where exactly is the building?"
        // "I'm at the door, nobody answers", then "20 minutes and still nobody 😡".
        let door = chat.say("complaint", at: 3 * Self.hour + 10 * Self.minute, confidence: 0.97)
        let still = chat.say("complaint", at: 3 * Self.hour + 30 * Self.minute, sentiment: -0.6, chases: true)
        for step in [door, still] { #expect(step.thread.id == stay.thread.id && step.contextSwitch == nil) }
        let out = chat.say("move_out", at: 3 * Self.day)   // "checked out, keys in the box" (reopens it)
        #expect(out.thread.id == stay.thread.id && out.contextSwitch == nil)
    }

    @Test func aRenewalKeepsItsRentTermAndContract() {
        var chat = Chat()
        let renewal = chat.say("lease_renewal", at: 0)   // "my lease ends next month, I'd like to renew"
        // "will the rent stay the same?", "6 months instead of a year?", "send me the new contract".
        for (n, intent) in ["price_inquiry", "availability", "document_request"].enumerated() {
            let step = chat.say(intent, at: Int64(n + 1) * 10 * Self.minute, confidence: 0.95)
            #expect(step.thread.id == renewal.thread.id && step.contextSwitch == nil, "\(intent)")
        }
        #expect(chat.state.current?.intent == "lease_renewal", "a step does not replace the request")
        // A repair is still another subject.
        #expect(chat.say("maintenance_request", at: Self.hour).isNew)
    }

    @Test func aMoveOutsDocumentIsItsOwnOnlyWhenItReadsAsTheMoveOut() {
        var chat = Chat()
        let notice = chat.say("move_out", at: 0)   // "we leave at the end of the month"
        _ = chat.say("move_out", at: 10 * Self.minute)   // "when do I get the deposit back?"
        // "l'état des lieux de sortie ?": a document, the move-out close behind it.
        let report = chat.say("document_request", at: Self.hour, confidence: 0.75, alternatives: [("move_out", 0.24)])
        #expect(report.thread.id == notice.thread.id && report.contextSwitch == nil)
        // "a reference letter for my new landlord": a task of its own.
        let letter = chat.say("document_request", at: Self.day, confidence: 0.99)
        #expect(letter.isNew && letter.contextSwitch.map { [$0.from, $0.to] } == ["move_out", "document_request"])
        #expect(letter.thread.family == "documents")
        // Back to the move-out the same day: its thread, a switch.
        let keys = chat.say("move_out", at: Self.day + 30 * Self.minute)   // "who takes the keys on Friday?"
        #expect(keys.thread.id == notice.thread.id && keys.contextSwitch != nil)
        // A contract copy and then a notice are two tasks too.
        var copy = Chat()
        _ = copy.say("document_request", at: 0)
        #expect(copy.say("move_out", at: 10 * Self.minute).contextSwitch != nil)
    }

    @Test func aPaymentAsideReturnsToTheAwaitedDocument() {
        var chat = Chat()
        let contract = chat.say("document_request", at: 0)   // "please send a copy of my contract"
        let paid = chat.say("rent_payment", at: 5 * Self.minute, confidence: 0.99)   // "also, I paid the rent, ref 12345"
        #expect(paid.isNew && paid.contextSwitch != nil)
        // "any news on the contract copy?": what the other thread awaits, not the payment's receipt.
        let back = chat.say("document_request", at: 15 * Self.minute, confidence: 0.92)
        #expect(back.thread.id == contract.thread.id)
        #expect(back.contextSwitch.map { [$0.from, $0.to] } == ["rent_payment", "document_request"])
        // A delivered document awaits nothing: the receipt is the payment's.
        var done = Chat()
        _ = done.say("document_request", at: 0)
        _ = done.say("thanks", at: 2 * Self.minute)   // "got it, thanks"
        let rent = done.say("rent_payment", at: 5 * Self.minute, confidence: 0.99)
        let receipt = done.say("document_request", at: 6 * Self.minute, confidence: 0.99)
        #expect(receipt.thread.id == rent.thread.id && receipt.contextSwitch == nil)
        // Nor does one asked for hours ago.
        var old = Chat()
        _ = old.say("document_request", at: 0)
        let march = old.say("rent_payment", at: 7 * Self.hour, confidence: 0.99)
        #expect(old.say("document_request", at: 7 * Self.hour + 60, confidence: 0.99).thread.id == march.thread.id)
    }

    @Test func aFixedRepairIsNoHomeForANeighbourComplaint() {
        var chat = Chat()
        _ = chat.say("maintenance_request", at: 0)   // "the kitchen sink is blocked"
        _ = chat.say("thanks", at: Self.hour, sentiment: 0.6)   // "the plumber fixed it, thank you"
        // "my neighbour keeps dumping dirty water at my door".
        let dump = chat.say("complaint", at: 2 * Self.hour, confidence: 0.9, sentiment: -0.5)
        #expect(dump.isNew && dump.contextSwitch.map { [$0.from, $0.to] } == ["maintenance_request", "complaint"])
        // Before the thanks the same complaint is the repair's ("still blocked, this is a joke").
        var open = Chat()
        let drain = open.say("maintenance_request", at: 0)
        #expect(open.say("complaint", at: Self.hour, sentiment: -0.5).thread.id == drain.thread.id)
        // A complaint about the fixed unit is its thread.
        var unit = Chat()
        let lock = unit.say("maintenance_request", at: 0, unit: "2C")
        _ = unit.say("thanks", at: Self.hour)
        #expect(unit.say("complaint", at: 2 * Self.hour, unit: "2C").thread.id == lock.thread.id)
    }

    @Test func theSameFaultWithinTheReopenWindowIsTheSameSubject() {
        var chat = Chat()
        let generator = chat.say("maintenance_request", at: 0, unit: "3A")   // "the generator in 3A is dead"
        _ = chat.say("thanks", at: 2 * Self.hour)
        // Three days on: "hello, generator imeharibika tena", read as a greeting, negative, "tena".
        let again = chat.say("greeting", at: 3 * Self.day, confidence: 0.99, sentiment: -0.44, chases: true)
        #expect(again.thread.id == generator.thread.id && again.contextSwitch == nil && again.closed.isEmpty)
        // The same repair, no unit named, reopens it too; a plain greeting opens a conversation.
        var repair = Chat()
        let pump = repair.say("maintenance_request", at: 0)
        _ = repair.say("thanks", at: Self.hour)
        #expect(repair.say("maintenance_request", at: 3 * Self.day).thread.id == pump.thread.id)
        var hello = Chat()
        let first = hello.say("maintenance_request", at: 0)
        #expect(hello.say("greeting", at: 3 * Self.day, sentiment: 0.3).thread.id != first.thread.id)
        // Past the reopen window the fault is a new thread, though no new subject.
        var late = Chat()
        _ = late.say("maintenance_request", at: 0)
        let week = late.say("maintenance_request", at: 8 * Self.day)
        #expect(week.isNew && week.contextSwitch == nil)
    }

    @Test func aNoticeLeavesAComplaintEvenAGuessedOne() {
        var chat = Chat()
        // "jirani anavuta sigara, moshi unaingia chumbani": unknown, a complaint its guess.
        let smoke = chat.say("unknown", at: 0, confidence: 0.65, alternatives: [("complaint", 0.65)], sentiment: -0.5)
        #expect(smoke.thread.guessed)
        // "we are leaving on 1 March": news, not a correction of the guess.
        let notice = chat.say("move_out", at: Self.hour, confidence: 0.95)
        #expect(notice.isNew && notice.contextSwitch.map { [$0.from, $0.to] } == ["complaint", "move_out"])
        #expect(chat.state.threads.first { $0.id == smoke.thread.id }?.family == "maintenance")
        // A sure complaint's thread lets it go too, torn or not.
        var sure = Chat()
        _ = sure.say("complaint", at: 0, sentiment: -0.7)
        #expect(sure.say("move_out", at: Self.hour, confidence: 0.8, alternatives: [("complaint", 0.3)]).isNew)
    }

    /// Through `Engine.process`: the classifier's own labels for real messages.
    @Test func realMessagesStayWithTheirSubjectOrLeaveIt() throws {
        let engine = try Engine(configJSON: #"{"region": "RW"}"#)
        defer { engine.close() }
        func send(_ chat: String, _ id: String, minute: Int, _ text: String) throws -> JSONValue {
            var json = #"{"id":"\#(id)","chat":"\#(chat)","from":"t","timestamp":\#(1_700_000_000 + minute * 60),"type":"text","text":"\#(text)"}"#
            return try json.withUTF8 { try engine.process(json: UnsafeRawBufferPointer($0)) }
        }
        // A flat search: the viewing by proxy (read as a repair) and the locked gate (a complaint).
        let search = try send("s", "1", minute: 0, "Hello, is the 2 bedroom apartment in Kimihurura still available?")
        let steps = [try send("s", "2", minute: 10, "Can I view it on Saturday morning?"),
                     try send("s", "3", minute: 20, "My uncle will come to check the flat tomorrow. 0788123456"),
                     try send("s", "4", minute: 30, "I'm at the gate, nobody is opening")]
        for step in steps {
            #expect(step[path: "thread", "id"] == search[path: "thread", "id"], "\(step[path: "message", "text"] ?? .null)")
            #expect(step[path: "flow", "contextSwitch"] == false)
        }
        // A move-out, then a reference letter for the next landlord: a task of its own.
        let notice = try send("m", "1", minute: 0, "We are moving out at the end of this month, please arrange the inspection")
        let deposit = try send("m", "2", minute: 10, "When will I get my deposit back?")
        #expect(deposit[path: "thread", "id"] == notice[path: "thread", "id"])
        let letter = try send("m", "3", minute: 24 * 60, "Can you write me a reference letter for my new landlord?")
        #expect(letter[path: "thread", "new"] == true && letter[path: "flow", "contextSwitch"] == true)
        #expect(letter[path: "flow", "from"] == "move_out")
        // A contract requested, a payment aside, and back to the contract.
        let contract = try send("c", "1", minute: 0, "Please send me a copy of my tenancy contract")
        let paid = try send("c", "2", minute: 5, "Also I paid this month's rent via MoMo, reference 12345")
        #expect(paid[path: "thread", "new"] == true && paid[path: "flow", "contextSwitch"] == true)
        let back = try send("c", "3", minute: 15, "Any news on the contract copy I asked for?")
        #expect(back[path: "thread", "id"] == contract[path: "thread", "id"])
        #expect(back[path: "flow", "contextSwitch"] == true && back[path: "flow", "from"] == "rent_payment")
    }

    @Test func anOldThreadStoredUnderTheTenancyFamilyReadsAsDocuments() throws {
        var chat = Chat()
        let copy = chat.say("document_request", at: 0)
        guard case .object(var stored) = copy.thread.storedJSON else { Issue.record("not an object"); return }
        stored["family"] = .string("tenancy")
        let read = try ConversationThread(json: .object(stored))
        #expect(read.family == "documents" && read == copy.thread)
    }
}
