import Testing
@testable import ParleyCore

/// What is one subject and what is a new one: steps a request takes whatever the classifier
/// read (a search's visit, a payment's chase, a renewal's rent and term, a repair's way in and
/// cost), requests that are done (a repair thanked for), and switches after an idle close.
@Suite struct ThreadRequestTests {
    typealias Chat = ThreadFlowTests.Chat
    static let hour: Int64 = 3600
    static let day: Int64 = 24 * hour

    @Test func aSearchsComplaintsAroundItsViewingAreTheVisits() {
        var chat = Chat()
        let search = chat.say("availability", at: 0)
        // "Can I view it tomorrow at 10?": the visit 26 hours on.
        _ = chat.say("viewing_booking", at: 300, naming: 26 * Self.hour)
        #expect(chat.state.current?.visitAt == 26 * Self.hour)
        // That morning, hours after the pause: "I'm at the gate, the guard knows nothing 😡".
        let gate = chat.say("complaint", at: 20 * Self.hour, confidence: 0.94, sentiment: -0.4)
        #expect(gate.thread.id == search.thread.id && gate.contextSwitch == nil)
        _ = chat.say("thanks", at: 20 * Self.hour + 600)   // "thanks, he called the owner"
        // "We'll take it, how do the contract and deposit work?" (read as a move-out).
        let take = chat.say("move_out", at: 22 * Self.hour)
        #expect(take.thread.id == search.thread.id && take.contextSwitch == nil)
        #expect(chat.state.current?.intent == "viewing_booking", "the complaint did not become the search's request")
        // Without a time for the viewing, the complaint after the pause is another subject, as before.
        var unbooked = Chat()
        let flat = unbooked.say("availability", at: 0)
        _ = unbooked.say("viewing_booking", at: 300)
        let noise = unbooked.say("complaint", at: 20 * Self.hour)
        #expect(noise.thread.id != flat.thread.id && noise.contextSwitch != nil)
        // Far from the viewing's time too; at it, even after the thread closed, it reopens.
        var far = Chat()
        let early = far.say("viewing_booking", at: 0, naming: 3 * Self.day)
        #expect(far.say("complaint", at: 20 * Self.hour).thread.id != early.thread.id)
        var later = Chat()
        let visit = later.say("viewing_booking", at: 0, naming: 3 * Self.day)
        let door = later.say("complaint", at: 3 * Self.day - Self.hour)
        #expect(door.thread.id == visit.thread.id && door.reopened && door.contextSwitch == nil)
    }

    @Test func aComplaintChasingARequestNotThankedForPressesIt() {
        var chat = Chat()
        let payment = chat.say("rent_payment", at: 0)
        _ = chat.say("document_request", at: 300)   // "please send the receipt"
        // Two days on: "the receipt still hasn't arrived, eh" read as a complaint.
        let chase = chat.say("complaint", at: 2 * Self.day, sentiment: -0.3, chases: true)
        #expect(chase.thread.id == payment.thread.id && chase.reopened && chase.contextSwitch == nil)
        // A complaint that does not chase is a subject of its own.
        var calm = Chat()
        let rent = calm.say("rent_payment", at: 0)
        let noise = calm.say("complaint", at: 2 * Self.day, sentiment: -0.3)
        #expect(noise.thread.id != rent.thread.id && noise.contextSwitch != nil)
        // So is one chasing after the payment was thanked for: it presses something else.
        var thanked = Chat()
        let paid = thanked.say("rent_payment", at: 0)
        _ = thanked.say("thanks", at: 300)
        let water = thanked.say("complaint", at: 2 * Self.day, sentiment: -0.5, chases: true)
        #expect(water.thread.id != paid.thread.id)
    }

    @Test func aRenewalKeepsItsRentQuestionsAndItsTerm() {
        var chat = Chat()
        let renewal = chat.say("lease_renewal", at: 0)
        // "Will the rent rise? I pay 450000 now": a sure payment, asked.
        let rise = chat.say("rent_payment", at: 600, confidence: 1, asks: true, amount: true)
        #expect(rise.thread.id == renewal.thread.id && rise.contextSwitch == nil)
        // The next day, "we'll do 2 years this time", read as a complaint.
        let term = chat.say("complaint", at: Self.day, sentiment: 0.1, term: true)
        #expect(term.thread.id == renewal.thread.id && term.contextSwitch == nil)
        #expect(chat.state.current?.intent == "lease_renewal")
        // A sure payment that asks nothing is a payment; a length of time in a negative
        // message is how long a fault lasted ("no water for 3 days").
        var paid = Chat()
        let lease = paid.say("lease_renewal", at: 0)
        #expect(paid.say("rent_payment", at: 600, confidence: 1).thread.id != lease.thread.id)
        var fault = Chat()
        let again = fault.say("lease_renewal", at: 0)
        #expect(fault.say("complaint", at: 600, sentiment: -0.5, term: true).thread.id != again.thread.id)
    }

    @Test func aRepairKeepsItsWayInAndItsCost() {
        // "Where's the stopcock?" 20 minutes into a flood, sure of itself and calm.
        var flood = Chat()
        let leak = flood.say("maintenance_request", at: 0, urgency: 0.96, sentiment: -0.7)
        let stopcock = flood.say("location_directions", at: 20 * 60, confidence: 1, sentiment: 0)
        #expect(stopcock.thread.id == leak.thread.id && stopcock.contextSwitch == nil)
        let here = flood.say("thanks", at: 80 * 60)   // "the plumber's here, thanks"
        #expect(here.thread.id == leak.thread.id && here.contextSwitch == nil)
        // "Where is the stopcock?", unsure: the repair's, lent its request.
        var unsure = Chat()
        _ = unsure.say("maintenance_request", at: 0)
        let guess = unsure.say("unknown", at: 600, confidence: 0.45, alternatives: [("location_directions", 0.45)])
        #expect(guess.threadIntent == "maintenance_request")
        // "The welder quoted 150000, can I pay it and deduct it from the rent?"
        var bars = Chat()
        let repair = bars.say("maintenance_request", at: 0)
        let quote = bars.say("rent_payment", at: 3 * Self.hour, confidence: 0.99, asks: true, amount: true)
        #expect(quote.thread.id == repair.thread.id && quote.contextSwitch == nil)
        // A payment without the amount, or after the repair paused, is one of its own.
        var rent = Chat()
        let sink = rent.say("maintenance_request", at: 0)
        #expect(rent.say("rent_payment", at: 3 * Self.hour, asks: true).thread.id != sink.thread.id)
        var later = Chat()
        let tap = later.say("maintenance_request", at: 0)
        #expect(later.say("rent_payment", at: 8 * Self.hour, asks: true, amount: true).thread.id != tap.thread.id)
    }

    @Test func aLabelTornWithAStepOfTheRequestStays() {
        // Two days after a break-in: "when are the bars coming? you said Monday", read as a
        // payment with the visit behind it.
        var chat = Chat()
        let breakIn = chat.say("maintenance_request", at: 0)
        let bars = chat.say("rent_payment", at: 2 * Self.day, confidence: 0.7, alternatives: [("viewing_booking", 0.24)])
        #expect(bars.thread.id == breakIn.thread.id && bars.reopened && bars.contextSwitch == nil)
        // A step of its own kind behind a label is no tie to the repair: a price with
        // availability behind it is a search.
        var search = Chat()
        let tap = search.say("maintenance_request", at: 0)
        let price = search.say("price_inquiry", at: 600, confidence: 0.7, alternatives: [("availability", 0.25)])
        #expect(price.thread.id != tap.thread.id && price.contextSwitch != nil)
    }

    @Test func aRepairThankedForAndPausedIsDone() {
        // The day after the lift was fixed, thanked for: "how much is a parking spot?",
        // with a complaint close behind it.
        var chat = Chat()
        let lift = chat.say("maintenance_request", at: 0)
        _ = chat.say("thanks", at: 3 * Self.hour)
        let parking = chat.say("price_inquiry", at: 20 * Self.hour, confidence: 0.7, alternatives: [("complaint", 0.25)])
        #expect(parking.thread.id != lift.thread.id && parking.contextSwitch != nil)
        // Six days after the power came back, thanked for: "I want to pay the electricity
        // bill", a guess of weight under the switch bar, opens its own thread.
        var power = Chat()
        let cut = power.say("maintenance_request", at: 0)
        _ = power.say("thanks", at: 2 * Self.hour)
        let bill = power.say("unknown", at: 6 * Self.day, confidence: 0.45, alternatives: [("rent_payment", 0.45)])
        #expect(bill.isNew && bill.thread.id != cut.thread.id && bill.thread.intent == "rent_payment")
        #expect(bill.contextSwitch.map { [$0.from, $0.to] } == ["maintenance_request", "rent_payment"])
        // A sure payment after it corrects nothing and stays there.
        let pay = power.say("rent_payment", at: 6 * Self.day + 60)
        #expect(pay.thread.id == bill.thread.id && pay.contextSwitch == nil)
        // Not thanked for, the same guess follows the repair up; a chase or its unit too.
        var open = Chat()
        let fault = open.say("maintenance_request", at: 0, unit: "4B")
        #expect(open.say("unknown", at: 3 * Self.day, confidence: 0.45, alternatives: [("rent_payment", 0.45)]).thread.id == fault.thread.id)
        var named = Chat()
        let sink = named.say("maintenance_request", at: 0, unit: "4B")
        _ = named.say("thanks", at: 600)
        #expect(named.say("unknown", at: 3 * Self.day, confidence: 0.45, unit: "4B",
                          alternatives: [("rent_payment", 0.45)]).thread.id == sink.thread.id)
    }

    @Test func aThreadOpenedAfterTheLastOneClosedIsANewSubject() {
        // A move-out notice 11 days after a renewal: another request of the tenancy.
        var chat = Chat()
        _ = chat.say("lease_renewal", at: 0)
        let notice = chat.say("move_out", at: 11 * Self.day)
        #expect(notice.isNew && notice.contextSwitch.map { [$0.from, $0.to] } == ["lease_renewal", "move_out"])
        // A new fault 10 days after the first was thanked for.
        var ac = Chat()
        _ = ac.say("maintenance_request", at: 0)
        _ = ac.say("thanks", at: Self.day)
        let living = ac.say("maintenance_request", at: 11 * Self.day)
        #expect(living.isNew && living.contextSwitch != nil)
        // Chasing it, or naming its unit, it is the same subject though the thread is new.
        var chase = Chat()
        _ = chase.say("maintenance_request", at: 0)
        #expect(chase.say("complaint", at: 9 * Self.day, chases: true).contextSwitch == nil)
        var unit = Chat()
        _ = unit.say("maintenance_request", at: 0, unit: "7A")
        let named = unit.say("maintenance_request", at: 16 * Self.day, unit: "7A")
        #expect(named.isNew && named.contextSwitch == nil)
        // Within the reopen window the same request follows the thread up: no switch, no new thread.
        var week = Chat()
        let first = week.say("maintenance_request", at: 0)
        let again = week.say("maintenance_request", at: 3 * Self.day)
        #expect(again.thread.id == first.thread.id && again.contextSwitch == nil)
    }

    @Test func aMessageLeaningToAnAgentRequestMadeInTheThreadPressesIt() {
        var chat = Chat()
        _ = chat.say("maintenance_request", at: 0)
        _ = chat.say("talk_to_agent", at: 300)   // "I want to talk to the manager"
        // "still not called back": unplaced, a complaint first and the agent request behind.
        let callBack = chat.say("unknown", at: 3 * Self.hour, confidence: 0.42,
                                alternatives: [("complaint", 0.42), ("talk_to_agent", 0.26)])
        #expect(callBack.threadIntent == "talk_to_agent")
        // Without an agent request in the thread, the complaint reads through the repair.
        var plain = Chat()
        _ = plain.say("maintenance_request", at: 0)
        let still = plain.say("unknown", at: 3 * Self.hour, confidence: 0.42,
                              alternatives: [("complaint", 0.42), ("talk_to_agent", 0.26)])
        #expect(still.threadIntent == "complaint")
    }

    @Test func signalsAsking() {
        func signals(_ text: String, intent: String) -> ThreadSignals {
            var enrichment = Enrichment(entities: [])
            enrichment.intent = IntentPrediction(name: intent, confidence: 0.9, alternatives: [], outOfScope: false)
            return enrichment.threadSignals(text: text)
        }
        #expect(signals("Will the rent rise?", intent: "rent_payment").asks)
        #expect(signals("هل سيرتفع الإيجار؟", intent: "rent_payment").asks)
        #expect(!signals("I paid the rent", intent: "rent_payment").asks)
    }
}
