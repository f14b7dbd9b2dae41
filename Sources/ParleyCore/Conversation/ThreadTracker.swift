/// What the language stages found in a message that matters for threading.
struct ThreadSignals: Sendable {
    /// The unit or property referenced (normalized), if any: the first named.
    var reference: String?
    /// The other kinds named besides it, the first of each: "Kacyiru Heights, unit 4B" names
    /// the property and the unit, and another unit of the building is another subject.
    var otherReferences: [String] = []
    /// Further references of a kind already named, with how they read ("B7 owes rent, and
    /// B9's roof leaks"): the one the current thread is not about is the message's subject.
    var moreReferences: [(reference: String, label: String)] = []
    /// How the reference reads to people ("unit 4B").
    var referenceLabel: String?
    var intent: String?
    var intentConfidence: Double = 0
    /// The classifier's next best intents: a label torn with the thread's own is no new subject.
    var alternatives: [(name: String, confidence: Double)] = []
    /// The message only adds a detail (a unit, a phone number, a name) in a word or two: its
    /// intent label says little, so it neither switches the subject nor names one.
    var fragment = false
    /// The message is only its detail ("+250 788 123 456"): what the classifier made of it says nothing.
    var bare = false
    /// One word nobody placed and no detail ("Dalu"): thanks or "ok" as likely as a detail.
    var lone = false
    /// It chases the request: in a negative mood ("why no confirmation yet 🙄", "still not
    /// fixed"), or as a short question asking for news of it ("any updates??", "des nouvelles ?").
    var chases = false
    /// The times it names (resolved dates and times, seconds since 1970): when a viewing is.
    var times: [Int64] = []
    /// It asks a question ("?", "؟"): "will the rent rise?" in a renewal is about the new rent.
    var asks = false
    var sentiment: Double?
    /// The message's own urgency (0..1).
    var urgency = 0.0
    var entities: [(type: String, text: String)] = []

    var references: [String] { (reference.map { [$0] } ?? []) + otherReferences + moreReferences.map(\.reference) }

    /// It hands over a way to reach someone: a phone number or an e-mail.
    var contact: Bool { entities.contains { $0.type == "phone" || $0.type == "email" } }
    /// It names an amount ("the welder quoted 150000").
    var amount: Bool { entities.contains { $0.type == "money" || $0.type == "number" } }
    /// It names a length of time, calmly ("we'll do 2 years this time"): a term, not how long a fault lasted.
    var term: Bool { (sentiment ?? 0) >= 0 && entities.contains { $0.type == "duration" } }
}

/// A chat's threading state: its threads that may still continue, the counter for new
/// thread ids and the tenant's mood over the whole chat.
struct ChatConversation: Sendable {
    var chat: String
    var threads: [ConversationThread] = []
    /// Its newest closed threads (at most `ThreadTracker.recentLimit`, by last activity, the
    /// newest last): what a tenant coming back to an earlier subject reopens. Not a column of
    /// its own: the store reads them back as the chat's newest closed thread rows.
    var recentlyClosed: [ConversationThread] = []
    var threadCount = 0
    var sentimentAverage: Double?
    var sentimentCount = 0
    /// The thread the last message went to.
    var currentThreadID: String?
    /// The newest timestamp and host sequence number processed in this chat: what a message
    /// that arrives after its successors is measured against (it is late).
    var lastTimestamp: Int64?
    var lastSequence: Int64?
    /// Which committed state this is (`ChatStateCache`); not stored.
    var revision: UInt64 = 0

    var current: ConversationThread? {
        currentThreadID.flatMap { id in threads.first { $0.id == id } }
    }

    /// Takes the threads the store read back (open ones and the newest closed, in any order)
    /// as its open threads and its recently closed ones, each oldest first.
    mutating func place(_ stored: [ConversationThread]) {
        let sorted = stored.sorted { $0.lastActivity < $1.lastActivity }
        threads = sorted.filter { $0.state == .open }
        recentlyClosed = Array(sorted.filter { $0.state == .closed }.suffix(ThreadTracker.recentLimit))
    }
}

/// Where one message went.
struct ThreadDecision: Sendable {
    var thread: ConversationThread
    var isNew: Bool
    /// The subject changed from one thread's topic to another's.
    var contextSwitch: (from: String, to: String)?
    /// Threads closed by this message's arrival (inactive too long).
    var closed: [ConversationThread]
    /// The message's thread had closed (idle, or closed earlier) and opens again.
    var reopened = false
    /// The thread's intent, lent to a message that continues it without a confident intent
    /// of its own (a fragment, "unknown"): what the host reads as the message's intent.
    var threadIntent: String?
    /// The urgency of the emergency this message presses, when above its own (`carriedUrgency`).
    var threadUrgency: Double?
    /// The chat's mood before and after this message.
    var chatSentimentBefore: Double?
    var chatSentimentAfter: Double?
}


public struct ThreadOptions: Sendable, Equatable {
    /// A thread with no message for this long is closed. A day: property conversations run
    /// over days (a leak reported at night, the plumber the next morning), and after a day
    /// of silence a message that does not follow the last subject starts a new thread.
    public var inactivitySeconds: Int64 = 24 * 3600
    /// For this long after its last message, the chat's last thread reopens for a message
    /// that follows it up (same unit, same kind of request, thanks, "still not fixed"):
    /// tradespeople come days later. 0: a closed thread reopens only for a quoted reply.
    public var reopenSeconds: Int64 = 7 * 24 * 3600
    /// For this long after its last message, one of the chat's recently closed threads (the
    /// newest `ThreadTracker.recentLimit`) reopens for a message naming its unit or property
    /// (and no other kind of request): "the plumber still hasn't come for the sink in 4B" a
    /// week and a half after the repair, with a rent thread in between. Within `reopenSeconds`
    /// its kind of request is enough, as for the last thread. 0: only the reopen window.
    public var recallSeconds: Int64 = 14 * 24 * 3600
    /// An intent must be at least this sure to move a message to another subject.
    public var switchConfidence = 0.6

    public init() {}
}

/// Groups a chat's messages into threads by subject: replies join the thread of what they
/// quote; a new unit or property, or a different kind of request, switches the subject (back
/// to the open thread about it, or to a new one); small talk, fragments and the steps of a
/// request continue the current thread; inactivity closes threads, though a follow-up
/// reopens the chat's last one, and a message about an earlier subject one of its recently
/// closed threads. Pure: the engine persists the result with the message.
enum ThreadTracker {
    static let trendThreshold = 0.2
    /// The topic of a thread that has not named a subject yet.
    static let placeholderTopic = "conversation"
    /// Intents that carry no subject of their own: asking for a person ("talk to the
    /// manager") escalates the subject at hand.
    static let social: Set<String> = ["greeting", "thanks", "goodbye", "other", "unknown", "talk_to_agent"]
    /// Intents a message keeps even when it continues a thread: they say what the message does.
    static let ownIntents: Set<String> = ["greeting", "thanks", "goodbye", "talk_to_agent"]
    /// A next-best intent this sure in the thread's family keeps the message in the thread.
    static let doubtConfidence = 0.2
    /// Requests that decide the tenancy: a notice to leave or a renewal is no panic misread to
    /// hold in an emergency, nor a label torn with the thread's.
    static let decisive: Set<String> = ["move_out", "lease_renewal"]
    /// Requests of weight: a guess of one this sure, of another kind than the thread's, is not
    /// overwritten by the thread's request ("leaving on the 30th" in a theft report's thread).
    static let weighty: Set<String> = ["move_out", "lease_renewal", "rent_payment", "maintenance_request"]
    static let weightyGuess = 0.35
    /// Below this a payment inside a renewal is its haggling over the new rent, not a new subject.
    static let sureConfidence = 0.85
    /// After this long without a message, one family is not one subject: a noise complaint
    /// and the next day's broken AC differ, unless the message names its unit, asks for the
    /// same kind of thing or chases it ("still not fixed").
    static let pauseSeconds: Int64 = 6 * 3600
    /// This close to the time of the viewing a search booked (`visitAt`), its complaints are the visit's.
    static let visitSeconds: Int64 = 12 * 3600
    /// How many of a chat's closed threads its state keeps to come back to (`recentlyClosed`).
    static let recentLimit = 4

    /// Intents that belong to one subject share a family: asking about a flat, its price,
    /// where it is and booking a viewing are one conversation; a renewal and a notice both
    /// decide the tenancy. A document is a task of its own (a reference letter, a certificate,
    /// a copy of the contract) unless the request at hand produces it (`isStep`).
    static func family(of intent: String) -> String {
        switch intent {
        case "availability", "price_inquiry", "viewing_booking", "location_directions": return "leasing"
        case "maintenance_request", "complaint": return "maintenance"
        case "rent_payment": return "payments"
        case "lease_renewal", "move_out": return "tenancy"
        case "document_request": return "documents"
        default: return intent
        }
    }

    /// Intents that, without a new unit or property, are a step of the thread's `request`
    /// (its intent) rather than a new one: "can someone come before 9?" after a leak report
    /// arranges the repair; a flat search or a short stay goes on to the deposit, the lease
    /// length or an extension, the move date or check-out, the contract and its receipt
    /// ("my email for the contract is …"); a payment to its receipt and what is owed;
    /// a renewal to the new rent and term ("will the rent stay the same?", "6 months instead
    /// of a year?", read as availability) and to the new contract, and haggling over the rent
    /// (a payment the classifier is not `sureConfidence` of: "6000 is too much, 5500?").
    /// A repair's steps arrange the visit: once it is `resolved` ("fixed, thanks") there is
    /// none left, while a receipt or a check-out comes after its request is done.
    /// A search or stay has no repair of its own yet: until it pauses (`paused`, its last
    /// message over `pauseSeconds` old) a complaint is about it ("the advert said 400k, the
    /// agent says 450k", "I'm at the door, nobody answers"), and a repair label on a message
    /// handing over a contact is its viewing by proxy ("my uncle will come to check it,
    /// 0788 …": a visit reads as a repair). A move-out produces no document it does not name:
    /// a reference letter or a certificate for the next landlord is a task of its own (its
    /// check-out report, read with the move-out behind it, is torn with it and stays).
    /// A repair's steps also find the way in ("where's the stopcock?" in a flood) and, before
    /// it pauses, its cost (a payment question naming an amount: "the welder quoted 150000,
    /// can I deduct it from the rent?"). A renewal's rent is asked about sure or not
    /// ("will the rent rise? I pay 450000 now", `asks`), and a calm message naming a length of
    /// time sets its term whatever its label ("we'll do 2 years this time", `term`).
    static func isStep(_ intent: String, of request: String, resolved: Bool = false, paused: Bool = false,
                       confidence: Double = 0, contact: Bool = false, asks: Bool = false, amount: Bool = false,
                       term: Bool = false) -> Bool {
        switch family(of: request) {
        case "maintenance":
            return !resolved && (intent == "viewing_booking" || intent == "availability" || intent == "location_directions"
                || !paused && intent == "rent_payment" && asks && amount)
        case "leasing":
            return ["rent_payment", "move_out", "lease_renewal", "document_request"].contains(intent)
                || !paused && (intent == "complaint" || contact && intent == "maintenance_request")
        case "payments": return intent == "document_request" || intent == "price_inquiry"
        case "tenancy":
            return intent == "price_inquiry" || intent == "availability"
                || intent == "rent_payment" && (confidence < sureConfidence || asks && request == "lease_renewal")
                || request == "lease_renewal" && (intent == "document_request" || term)
        case "documents": return intent == "price_inquiry" || intent == "rent_payment" && confidence < sureConfidence
        default: return false
        }
    }

    /// What an unsure guess means inside a thread whose request is `intent`: a guess of the
    /// same kind of request stands (the thread confirms it); a step of the request stands
    /// too, except the "visit" a repair thread arranges, which is the repair; anything else
    /// is no reading (the message keeps its own answer).
    static func reading(_ guess: String, inThreadOf intent: String) -> String? {
        let threadFamily = family(of: intent)
        if family(of: guess) == threadFamily { return guess }
        guard isStep(guess, of: intent) else { return nil }
        return threadFamily == "maintenance" ? intent : guess
    }

    /// The urgency a thread's report lends its follow-ups.
    static let urgentLevel = 0.5
    /// How long an urgent report stays pressing: its level falls to half over this.
    static let urgencyCarrySeconds: Int64 = 24 * 3600

    /// An emergency stays one until it is over: a follow-up that presses it ("please,
    /// quickly", "still dripping!!": some urgency of its own, or a negative mood) is as urgent
    /// as the thread's report, less the longer ago it was. Thanks, greetings and goodbyes, and
    /// a calm message ("the plumber is here"), press nothing. Nil when its own is as high.
    static func carriedUrgency(_ thread: ConversationThread, _ signals: ThreadSignals, now: Int64) -> Double? {
        guard let (level, at) = thread.urgency, now >= at, now - at <= urgencyCarrySeconds,
              !calm(signals), presses(signals) else { return nil }
        let carried = level * (1 - 0.5 * Double(now - at) / Double(urgencyCarrySeconds))
        return carried > signals.urgency ? carried : nil
    }

    /// Thanks, greetings and goodbyes press no emergency.
    static func calm(_ signals: ThreadSignals) -> Bool {
        signals.intent.map { ["thanks", "goodbye", "greeting"].contains($0) } ?? false
    }

    static func presses(_ signals: ThreadSignals) -> Bool {
        signals.urgency > 0 || (signals.sentiment ?? 0) <= -0.05
    }

    /// For this long after a thread's last message, a message in an emergency's thread is
    /// part of the burst that reports it.
    static let burstSeconds: Int64 = 5 * 60

    /// An emergency holds the chat until it is over: while its report is under a day old and
    /// not thanked for, a message that presses it ("can't find the main tap 😭") or comes in
    /// its burst (minutes after the last) is about it whatever the classifier read — panic
    /// reads as anything ("main tap" as directions, sure). Only another unit or property, a
    /// quote, or a calm message after the burst moves on.
    static func holds(_ thread: ConversationThread, _ signals: ThreadSignals, now: Int64) -> Bool {
        guard let (_, at) = thread.urgency, now >= at, now - at <= urgencyCarrySeconds, !calm(signals) else { return false }
        return presses(signals) || now - thread.lastActivity <= burstSeconds
    }

    static func smoothed(_ average: Double?, _ value: Double) -> Double {
        guard let average else { return value }
        return average * 0.7 + value * 0.3
    }

    /// The kind of reference ("unit", "property"): a unit and a property do not contradict
    /// each other (a flat in a building), two units do.
    static func kind(of reference: String) -> Substring {
        reference.prefix { $0 != ":" }
    }

    /// Whether two sets of references name different units, or different properties.
    static func conflicting(_ a: [String], _ b: [String]) -> Bool {
        a.contains { x in b.contains { y in x != y && kind(of: x) == kind(of: y) } }
    }

    static func sharing(_ a: [String], _ b: [String]) -> Bool {
        a.contains { b.contains($0) }
    }

    static func hasSubject(_ thread: ConversationThread) -> Bool {
        thread.reference != nil || thread.family != nil
    }

    /// Two threads about one subject. Two repair-family threads of different requests and no
    /// shared unit are two subjects unless the later one chases the first (`pauseSeconds`). A
    /// thread opened after `a` closed (`renewed`: the message did not follow it up) shares its
    /// subject only through its unit or property, by chasing it, or by asking again for `a`'s
    /// request never thanked for: its kind of request alone is a new one ("I'm moving out" 11
    /// days after a renewal, an AC fault in another room 10 days after the first was thanked for).
    static func sameSubject(_ a: ConversationThread, _ b: ConversationThread, chasing: Bool = false,
                            renewed: Bool = false) -> Bool {
        let shared = sharing(a.references, b.references)
        if a.family == "maintenance", b.family == "maintenance", a.intent != b.intent, !shared, !chasing { return false }
        // Past its reopen window, the same request `a` asked and was never thanked for is still its subject.
        let again = a.intent == b.intent && a.resolvedAt == nil
        return !conflicting(a.references, b.references) && (a.family == nil || b.family == nil || a.family == b.family)
            && (shared || a.family != nil && a.family == b.family && (!renewed || chasing || again))
    }

    /// A message naming two of a kind is about the one the thread at hand is not about: the
    /// caretaker's "B7 still owes rent, and the roof in B9 leaks" in B7's thread is B9's.
    static func focused(_ signals: ThreadSignals, awayFrom thread: ConversationThread?) -> ThreadSignals {
        guard let thread, let reference = signals.reference, !signals.moreReferences.isEmpty else { return signals }
        let named = [(reference: reference, label: signals.referenceLabel ?? reference)] + signals.moreReferences
        guard named.contains(where: { thread.references.contains($0.reference) }),
              let fresh = named.first(where: { !thread.references.contains($0.reference) }) else { return signals }
        var focused = signals
        focused.reference = fresh.reference
        focused.referenceLabel = fresh.label
        focused.moreReferences = named.filter { $0.reference != fresh.reference && !thread.references.contains($0.reference) }
        return focused
    }

    static func assign(_ message: Message, signals named: ThreadSignals, chat: inout ChatConversation,
                       quotedThread: ConversationThread?, options: ThreadOptions) -> ThreadDecision {
        let now = message.timestamp
        let signals = quotedThread == nil ? focused(named, awayFrom: chat.current) : named
        var closed: [ConversationThread] = []
        chat.threads.removeAll { thread in
            guard now - thread.lastActivity > options.inactivitySeconds else { return false }
            var done = thread
            done.state = .closed
            closed.append(done)
            return true
        }
        // The thread the chat's last message went to, open or just closed: what a follow-up
        // continues and what a new subject switches from.
        let previous = chat.currentThreadID.flatMap { id in chat.threads.first { $0.id == id } ?? closed.first { $0.id == id } }
        if let current = chat.currentThreadID, !chat.threads.contains(where: { $0.id == current }) {
            chat.currentThreadID = nil
        }
        let current = chat.current

        // What the message asks for: its intent, or the best guess of an "unknown" still sure
        // enough to switch (the engine names an intent only above a higher bar: "also, we want
        // to rent a second office, available?" is availability at 0.64), and what stands behind it.
        let unknown = signals.intent == IntentModel.unknownName
        let asked = unknown ? signals.alternatives.first?.name : signals.intent
        let askedConfidence = unknown ? signals.alternatives.first?.confidence ?? 0 : signals.intentConfidence
        let behind = unknown ? Array(signals.alternatives.dropFirst()) : signals.alternatives
        let references = signals.references
        // Once a repair is thanked for and has paused, a guess of weight of another kind is a new
        // request: the electricity bill days after the power came back (not a chase, nor about its unit).
        let movesOn = !message.fromMe && !signals.fragment && !signals.chases && askedConfidence >= weightyGuess
            && asked.map { !social.contains($0) && Self.family(of: $0) != "maintenance" } ?? false
            && previous.map { $0.family == "maintenance" && $0.resolvedAt != nil && now - $0.lastActivity > pauseSeconds
                && !sharing(references, $0.references) } ?? false
        let topical = !signals.fragment
            && (asked.map { !social.contains($0) && askedConfidence >= options.switchConfidence } ?? false) || movesOn
        let request = topical ? asked : nil
        let family = request.map(family(of:))
        // Its own label, not an "unknown"'s guess (nor a guess moving on): what may correct a guessed thread.
        let labelled = request != nil && !unknown && askedConfidence >= options.switchConfidence

        // After a pause, or once its request is done (thanked for), a repair-family request of
        // another kind is another subject: a fixed sink, then the neighbour's dirty water
        // (`pauseSeconds`).
        func apart(_ thread: ConversationThread) -> Bool {
            family == "maintenance" && thread.family == "maintenance" && request != thread.intent
                && (now - thread.lastActivity > pauseSeconds || thread.resolvedAt != nil)
                && !sharing(references, thread.references) && !signals.chases
        }
        // A thread matches a message unless they name different units or properties, or
        // different kinds of request; a thread that has not named one yet matches any.
        func compatible(_ thread: ConversationThread) -> Bool {
            !conflicting(references, thread.references) && (family == nil || thread.family == nil || thread.family == family)
                && !apart(thread)
        }
        // How surely a message is about a thread: the same unit or property, the same kind
        // of request. A different kind of request outweighs a shared reference.
        func affinity(_ thread: ConversationThread) -> Int {
            guard compatible(thread) else { return -1 }
            return (sharing(references, thread.references) ? 2 : 0) + (family != nil && family == thread.family ? 1 : 0)
        }
        // Another open thread whose request is exactly this one, not thanked for and active
        // within the pause: the tenant is back to it ("any news on the contract?" after a
        // payment aside), not taking a step of the thread at hand.
        func awaited(besides thread: ConversationThread) -> Bool {
            chat.threads.contains { $0.id != thread.id && $0.intent == request && $0.resolvedAt == nil
                && now - $0.lastActivity <= pauseSeconds && compatible($0) }
        }
        // The current thread goes on unless the message names a new subject: a label that is
        // a step of the thread's request, torn with it, or read in its emergency is none.
        func continues(_ thread: ConversationThread) -> Bool {
            if compatible(thread) { return true }
            guard !conflicting(references, thread.references), !apart(thread) else { return false }
            // A decision on the tenancy is no panic misread, no correction of a guess, nor torn
            // with the thread's label: "we are leaving on 1 March" after a complaint is news.
            let decides = request.map { decisive.contains($0) && !isStep($0, of: thread.intent ?? "") } ?? false
            if !message.fromMe && !decides && holds(thread, signals, now: now) { return true }
            guard let threadFamily = thread.family, let threadRequest = thread.intent, let request else { return false }
            let gap = now - thread.lastActivity
            let paused = gap > pauseSeconds
            let resolved = thread.resolvedAt != nil
            // A sure label of its own, soon after, corrects a request that was only a guess.
            if thread.guessed, labelled, !decides, !paused { return true }
            // Around the time of the viewing it booked, a search's complaints are about the visit
            // however long it paused: "I'm at the gate, the guard knows nothing" the next morning.
            let booked = threadFamily == "leasing" && thread.visitAt.map { abs(now - $0) <= visitSeconds } ?? false
            func step(_ intent: String) -> Bool {
                isStep(intent, of: threadRequest, resolved: resolved, paused: paused && !booked, confidence: askedConfidence,
                       contact: signals.contact, asks: signals.asks, amount: signals.amount, term: signals.term)
            }
            if step(request) && !awaited(besides: thread) { return true }
            // A label torn with the thread's kind of request, or with a step of it of another kind
            // than its own, is no new subject; a repair thanked for and paused has nothing left to be torn with.
            guard !decides, !(threadFamily == "maintenance" && resolved && paused) else { return false }
            return behind.contains { $0.confidence >= doubtConfidence && (Self.family(of: $0.name) == threadFamily
                || Self.family(of: $0.name) != family && step($0.name)) }
        }
        // After an idle close, the chat's last thread reopens for a follow-up within the
        // reopen window: thanks, a resolution, a fragment (no subject of its own, though not
        // a greeting, which opens a conversation, unless it chases), or a message about its
        // unit or request.
        func followsUp(_ thread: ConversationThread) -> Bool {
            guard thread.state == .closed, now - thread.lastActivity <= options.reopenSeconds else { return false }
            // A greeting that chases opens nothing: "hello, the generator broke again" (negative, "again").
            if !topical { return (signals.intent != "greeting" || signals.chases) && !conflicting(references, thread.references) }
            return hasSubject(thread) && (affinity(thread) > 0 || !compatible(thread) && continues(thread))
        }

        // The chat's recently closed threads, the ones this message closed last (the newest).
        let recalled = chat.recentlyClosed + closed
        // A closed thread the tenant comes back to: a message about its subject (its unit or
        // property within the recall window, its kind of request within the reopen window),
        // as surely as it would be about an open one; nil when it is none.
        func recalls(_ thread: ConversationThread) -> Int {
            let score = affinity(thread)
            guard score > 0, hasSubject(thread) else { return -1 }
            let window = sharing(references, thread.references) ? max(options.recallSeconds, options.reopenSeconds) : options.reopenSeconds
            return now - thread.lastActivity <= window ? score : -1
        }
        // Where a message about another subject goes: the open thread that matches best, or a
        // recently closed one that matches better (equals go to the open one, the most recent).
        func returning() -> ConversationThread? {
            var found: (thread: ConversationThread, score: Int)?
            for thread in recalled {
                let score = recalls(thread)
                if score > 0 && score >= (found?.score ?? 0) { found = (thread, score) }
            }
            for thread in chat.threads {
                let score = affinity(thread)
                if score >= 0 && score >= (found?.score ?? 0) { found = (thread, score) }
            }
            return found?.thread
        }

        var target: ConversationThread?
        if let quotedThread {
            // A reply joins what it answers, reopening it if it had closed.
            target = chat.threads.first { $0.id == quotedThread.id } ?? recalled.last { $0.id == quotedThread.id } ?? quotedThread
        } else if let current {
            // The bot's own messages follow the conversation; they do not steer it.
            target = message.fromMe || continues(current) ? current : returning()
        } else if let previous, followsUp(previous) {
            target = previous
        } else if !message.fromMe {
            target = returning()
        }
        // A complaint chasing that finds no thread of its own presses the last request, not thanked
        // for, within the reopen window: "the receipt still hasn't come, eh" two days after the payment.
        if target == nil, !message.fromMe, let previous, request == "complaint", signals.chases, previous.resolvedAt == nil,
           let last = previous.family, last != "maintenance", now - previous.lastActivity <= options.reopenSeconds,
           references.isEmpty || sharing(references, previous.references) {
            target = previous
        }
        let reopened = target.map { target in !chat.threads.contains { $0.id == target.id } } ?? false
        if let target { closed.removeAll { $0.id == target.id } }
        // What the chat keeps to come back to: its newest closed threads, less the one reopened.
        if reopened || !closed.isEmpty {
            var recent = chat.recentlyClosed.filter { $0.id != target?.id } + closed
            if recent.count > 1 { recent.sort { $0.lastActivity < $1.lastActivity } }
            chat.recentlyClosed = Array(recent.suffix(recentLimit))
        }

        var thread: ConversationThread
        let isNew = target == nil
        if let target {
            thread = target
            thread.state = .open
        } else {
            chat.threadCount += 1
            thread = ConversationThread(id: "\(chat.chat)#\(chat.threadCount)", chat: chat.chat, topic: placeholderTopic,
                                        openedAt: now, lastActivity: now)
        }
        learn(signals, request: request, family: family, guessed: !labelled, into: &thread)
        // A search's viewing, by the time it names: what its complaints around then are about (`visitSeconds`).
        if thread.family == "leasing", signals.intent == "viewing_booking", let time = signals.times.first { thread.visitAt = time }
        let threadUrgency = message.fromMe || isNew ? nil : carriedUrgency(thread, signals, now: now)
        if !message.fromMe {
            if signals.urgency >= urgentLevel {
                thread.urgency = (signals.urgency, now)
            } else if signals.intent == "thanks" {
                thread.urgency = nil   // "it's fixed, thanks": the emergency is over
            }
            if signals.intent == "thanks", thread.family != nil { thread.resolvedAt = now }
        }
        let mood = message.fromMe ? nil : signals.sentiment
        thread.record(intent: signals.intent, entities: signals.entities, sentiment: mood)
        thread.messageCount += 1
        thread.lastActivity = max(thread.lastActivity, now)
        thread.lastMessageID = message.id

        // A switch is a change of subject: from the thread the chat's last message went to
        // (even if it just closed) to another one with a different subject of its own.
        var contextSwitch: (from: String, to: String)?
        if let previous, previous.id != thread.id, hasSubject(previous), hasSubject(thread),
           !sameSubject(previous, thread, chasing: signals.chases, renewed: isNew && previous.state == .closed) {
            contextSwitch = (previous.topic, thread.topic)
        }
        // The tenant completing the thread's request: a detail takes the thread's intent; an
        // unsure reading only what the thread confirms of it (`reading`).
        var threadIntent: String?
        // A sure intent of its own stands, fragment or not ("the contract ends on 1 January").
        // A message that is only its detail takes it whatever the classifier made of the digits.
        // A lone word nobody placed ("Dalu") is lent nothing.
        if !isNew, !message.fromMe, let intent = thread.intent, signals.intent == nil, signals.bare {
            // Digits alone ("0788 123 456", "350000") have no words for the classifier to read.
            threadIntent = intent
        } else if !isNew, !message.fromMe, let intent = thread.intent, let own = signals.intent, !ownIntents.contains(own), !signals.lone,
           own == "unknown" || own == "other" || signals.intentConfidence < options.switchConfidence || signals.bare {
            // Unknown lists its best guess first; "other" its next best, if near.
            let best = own == "unknown" || own == "other" ? signals.alternatives.first : (own, signals.intentConfidence)
            let guess = own == "other" && (best?.confidence ?? 0) < doubtConfidence ? nil : best
            let threadFamily = Self.family(of: intent)
            // A guess of weight of another kind than the thread's stays the message's own.
            let weighs = guess.map { weighty.contains($0.name) && $0.confidence >= weightyGuess
                && Self.family(of: $0.name) != threadFamily && !isStep($0.name, of: intent) } ?? false
            // Leaning to an agent request the thread already made, it presses that request ("still not called back").
            let pressesAgent = !signals.bare && thread.intents.contains { $0.name == "talk_to_agent" }
                && signals.alternatives.contains { $0.name == "talk_to_agent" && $0.confidence >= doubtConfidence }
            if pressesAgent {
                threadIntent = "talk_to_agent"
            } else if signals.bare {
                threadIntent = intent
            } else if weighs {
                threadIntent = nil
            } else if signals.fragment {
                threadIntent = intent
            } else {
                threadIntent = guess.flatMap { reading($0.name, inThreadOf: intent) }
                // A complaint presses the request at hand, not its next step ("why no confirmation yet 🙄").
                if signals.chases, threadIntent.map({ Self.family(of: $0) != threadFamily }) ?? true { threadIntent = intent }
            }
            if threadIntent == own { threadIntent = nil }
        }
        if let index = chat.threads.firstIndex(where: { $0.id == thread.id }) {
            chat.threads[index] = thread
        } else {
            chat.threads.append(thread)
        }
        chat.currentThreadID = thread.id

        let before = chat.sentimentAverage
        if let mood {
            chat.sentimentAverage = smoothed(chat.sentimentAverage, mood)
            chat.sentimentCount += 1
        }
        return ThreadDecision(thread: thread, isNew: isNew, contextSwitch: contextSwitch, closed: closed, reopened: reopened, threadIntent: threadIntent,
                              threadUrgency: threadUrgency, chatSentimentBefore: before, chatSentimentAfter: chat.sentimentAverage)
    }

    /// A thread learns its subject from the first message that names one, and its request
    /// from the messages of that request; a placeholder topic gives way to the first name.
    /// A message of its request reopens a resolved one ("it's leaking again").
    /// A sure label of its own corrects a request that was only a guess (`guessed`).
    static func learn(_ signals: ThreadSignals, request: String?, family: String?, guessed: Bool = false,
                      into thread: inout ConversationThread) {
        if thread.reference == nil, let reference = signals.reference {
            thread.reference = reference
            thread.topic = signals.referenceLabel ?? thread.topic
        }
        // Kinds of reference it has not named yet: a unit in a property's thread.
        for reference in signals.references where !thread.references.contains(where: { kind(of: $0) == kind(of: reference) }) {
            thread.otherReferences.append(reference)
        }
        if let family, thread.family == nil || thread.family == family || thread.guessed && !guessed, let intent = request {
            if thread.family == nil || thread.guessed && thread.family != family, thread.reference == nil { thread.topic = intent }
            thread.guessed = guessed && (thread.family == nil || thread.guessed)
            thread.family = family
            thread.intent = intent
            thread.resolvedAt = nil
        }
        if thread.topic == placeholderTopic, let intent = signals.intent, !social.contains(intent) {
            thread.topic = intent
        }
    }
}
