import Testing
@testable import ParleyCore

/// What is one subject and what is a new one: steps a request takes whatever the classifier
/// read (a search's visit, a payment's chase, a renewal's rent and term, a repair's way in and
/// cost), requests that are done (a repair thanked for), and switches after an idle close.
@Suite struct ThreadRequestTests {
    typealias Chat = ThreadFlowTests.Chat
    static let hour: Int64 = 3600
    static let day: Int64 = 24 * hour

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
}
