/// What the language stages found in a message that matters for threading.
struct ThreadSignals: Sendable {
    /// The unit or property referenced (normalized), if any.
    var reference: String?
    /// How the reference reads to people ("unit 4B").
    var referenceLabel: String?
    var intent: String?
    var intentConfidence: Double = 0
    var sentiment: Double?
    var entities: [(type: String, text: String)] = []
}

/// A chat's threading state: its threads that may still continue, the counter for new
/// thread ids and the tenant's mood over the whole chat.
struct ChatConversation: Sendable {
    var chat: String
    var threads: [ConversationThread] = []
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
}

/// Where one message went.
struct ThreadDecision: Sendable {
    var thread: ConversationThread
    var isNew: Bool
    /// The subject changed from one thread's topic to another's.
    var contextSwitch: (from: String, to: String)?
    /// Threads closed by this message's arrival (inactive too long).
    var closed: [ConversationThread]
    /// The chat's mood before and after this message.
    var chatSentimentBefore: Double?
    var chatSentimentAfter: Double?
}

public struct ThreadOptions: Sendable, Equatable {
    /// A thread with no message for this long is closed; the next message opens a new one.
    public var inactivitySeconds: Int64 = 4 * 3600
    /// An intent must be at least this sure to move a message to another subject.
    public var switchConfidence = 0.6

    public init() {}
}

/// Groups a chat's messages into threads by subject: replies join the thread of what they
/// quote; a new unit or property, or a different kind of request, switches the subject (back
/// to an open thread about it, or to a new one); small talk continues the current thread;
/// inactivity closes threads. Pure: the engine persists the result with the message.
enum ThreadTracker {
    static let trendThreshold = 0.2
    /// Intents that carry no subject of their own.
    static let social: Set<String> = ["greeting", "thanks", "goodbye", "other", "unknown"]

    /// Intents that belong to one subject share a family: asking about a flat, its price,
    /// where it is and booking a viewing are one conversation.
    static func family(of intent: String) -> String {
        switch intent {
        case "availability", "price_inquiry", "viewing_booking", "location_directions": return "leasing"
        case "maintenance_request", "complaint": return "maintenance"
        case "rent_payment": return "payments"
        case "lease_renewal", "move_out", "document_request": return "tenancy"
        default: return intent
        }
    }

    static func smoothed(_ average: Double?, _ value: Double) -> Double {
        guard let average else { return value }
        return average * 0.7 + value * 0.3
    }

    static func assign(_ message: Message, signals: ThreadSignals, chat: inout ChatConversation,
                       quotedThread: ConversationThread?, options: ThreadOptions) -> ThreadDecision {
        let now = message.timestamp
        var closed: [ConversationThread] = []
        chat.threads.removeAll { thread in
            guard now - thread.lastActivity > options.inactivitySeconds else { return false }
            var done = thread
            done.state = .closed
            closed.append(done)
            return true
        }
        if let current = chat.currentThreadID, !chat.threads.contains(where: { $0.id == current }) {
            chat.currentThreadID = nil
        }
        let current = chat.current

        let topical = signals.intent.map { !social.contains($0) && signals.intentConfidence >= options.switchConfidence } ?? false
        let family = topical ? signals.intent.map(family(of:)) : nil

        // A thread matches a message unless they name different units or properties, or
        // different kinds of request; a thread that has not named one yet matches any.
        func compatible(_ thread: ConversationThread) -> Bool {
            (signals.reference == nil || thread.reference == nil || thread.reference == signals.reference)
                && (family == nil || thread.family == nil || thread.family == family)
        }
        var target: ConversationThread?
        if let quotedThread {
            // A reply joins what it answers, reopening it if it had closed.
            target = chat.threads.first { $0.id == quotedThread.id } ?? quotedThread
        } else if message.fromMe {
            // The bot's own messages follow the conversation; they do not steer it.
            target = current
        } else if let current, compatible(current) {
            target = current
        } else {
            target = chat.threads.last(where: compatible)
        }

        var thread: ConversationThread
        let isNew = target == nil
        if let target {
            thread = target
            thread.state = .open
        } else {
            chat.threadCount += 1
            let topic = signals.referenceLabel ?? signals.intent.flatMap { social.contains($0) ? nil : $0 } ?? "conversation"
            thread = ConversationThread(id: "\(chat.chat)#\(chat.threadCount)", chat: chat.chat, topic: topic,
                                        openedAt: now, lastActivity: now)
        }
        // A thread learns its subject from the first message that names one.
        if thread.reference == nil, let reference = signals.reference {
            thread.reference = reference
            thread.topic = signals.referenceLabel ?? thread.topic
        }
        if thread.family == nil, let family {
            thread.family = family
            if thread.reference == nil, let intent = signals.intent { thread.topic = intent }
        }
        let mood = message.fromMe ? nil : signals.sentiment
        thread.record(intent: signals.intent, entities: signals.entities, sentiment: mood)
        thread.messageCount += 1
        thread.lastActivity = max(thread.lastActivity, now)
        thread.lastMessageID = message.id

        var contextSwitch: (from: String, to: String)?
        if let current, current.id != thread.id {
            contextSwitch = (current.topic, thread.topic)
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
        return ThreadDecision(thread: thread, isNew: isNew, contextSwitch: contextSwitch, closed: closed,
                              chatSentimentBefore: before, chatSentimentAfter: chat.sentimentAverage)
    }
}
