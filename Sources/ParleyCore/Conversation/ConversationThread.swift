/// One conversation thread of a chat: the messages about one subject (a unit or property, or
/// one kind of request), with a running summary. Stored with the journal, so threads survive
/// restarts and can be listed and read through the C API.
public struct ConversationThread: Sendable, Equatable {
    public enum State: String, Sendable {
        case open, closed
    }

    public var id: String
    public var chat: String
    /// What the thread is about, for people: "unit 4B", "Kacyiru Heights", "maintenance_request".
    public var topic: String
    /// The unit or property the thread is about, normalized for comparison.
    public var reference: String?
    /// The other kinds of reference it named (a unit in a property's thread): what tells two
    /// units of one building apart. Stored, not shown.
    var otherReferences: [String] = []
    /// The request family of its intents (see `ThreadTracker.family`).
    public var family: String?
    /// The request the thread is about: its latest confident intent of its family. What a
    /// message that only completes the request (a unit, a phone number) is lent.
    public var intent: String?
    public var state: State = .open
    public var openedAt: Int64
    public var lastActivity: Int64
    public var messageCount = 0
    public var lastMessageID: String?
    /// Intent name → how many messages of the thread had it, in first-seen order.
    public var intents: [(name: String, count: Int)] = []
    /// Distinct entities mentioned, in first-seen order, at most `maxEntities`.
    public var entities: [(type: String, text: String)] = []
    /// The thread's last urgent report (urgency at least `ThreadTracker.urgentLevel`) and
    /// when it came; thanks clears it. What its follow-ups press (`carriedUrgency`).
    public var urgency: (level: Double, at: Int64)?
    /// When the tenant last thanked in it ("fixed, thanks"): the request is done, and what
    /// only arranged it (a visit) no longer follows. A new message of its request reopens
    /// it. Stored, not shown.
    var resolvedAt: Int64?
    /// Its request is only an "unknown"'s best guess so far (a search in a script the
    /// classifier reads poorly): a sure request of another kind soon after corrects it rather
    /// than opening a thread. Stored, not shown.
    var guessed = false
    /// When the viewing a search booked is (the time its booking named): around then, trouble
    /// at the door is the visit's (`ThreadTracker.visitSeconds`). Stored, not shown.
    var visitAt: Int64?
    public var sentimentFirst: Double?
    public var sentimentAverage: Double?
    public var sentimentLast: Double?

    static let maxEntities = 20

    public static func == (a: ConversationThread, b: ConversationThread) -> Bool {
        a.storedJSON == b.storedJSON
    }

    var references: [String] { (reference.map { [$0] } ?? []) + otherReferences }

    mutating func record(intent: String?, entities mentioned: [(type: String, text: String)], sentiment: Double?) {
        if let intent {
            if let index = intents.firstIndex(where: { $0.name == intent }) {
                intents[index].count += 1
            } else {
                intents.append((intent, 1))
            }
        }
        for mention in mentioned where entities.count < Self.maxEntities {
            if !entities.contains(where: { $0.type == mention.type && $0.text == mention.text }) { entities.append(mention) }
        }
        if let sentiment {
            sentimentFirst = sentimentFirst ?? sentiment
            sentimentAverage = ThreadTracker.smoothed(sentimentAverage, sentiment)
            sentimentLast = sentiment
        }
    }

    /// Whether the tenant's mood across the thread got better or worse.
    var sentimentTrend: String? {
        guard let first = sentimentFirst, let average = sentimentAverage else { return nil }
        if average - first <= -ThreadTracker.trendThreshold { return "worsening" }
        if average - first >= ThreadTracker.trendThreshold { return "improving" }
        return "steady"
    }

    /// What hosts see: sentiment rounded to three decimals.
    public var json: JSONValue { json(exact: false) }

    /// What the store keeps: sentiment at full precision, so a chat's threads read back from
    /// the store (another instance's, or after a restart) go on exactly as if cached.
    var storedJSON: JSONValue { json(exact: true) }

    private func json(exact: Bool) -> JSONValue {
        func shown(_ value: Double) -> Double { exact ? value : rounded(value) }
        var object = JSONObject()
        object.append("id", .string(id))
        object.append("chat", .string(chat))
        object.append("topic", .string(topic))
        if let reference { object.append("reference", .string(reference)) }
        if let family { object.append("family", .string(family)) }
        if let intent { object.append("intent", .string(intent)) }
        object.append("state", .string(state.rawValue))
        object.append("openedAt", .int(openedAt))
        object.append("lastActivity", .int(lastActivity))
        object.append("messageCount", .int(Int64(messageCount)))
        if let lastMessageID { object.append("lastMessageId", .string(lastMessageID)) }
        object.append("intents", .array(intents.map { ["name": .string($0.name), "count": .int(Int64($0.count))] }))
        object.append("entities", .array(entities.map { ["type": .string($0.type), "text": .string($0.text)] }))
        if let urgency { object.append("urgency", ["level": .double(shown(urgency.level)), "at": .int(urgency.at)]) }
        if exact, !otherReferences.isEmpty { object.append("otherReferences", .array(otherReferences.map { .string($0) })) }
        if exact, let resolvedAt { object.append("resolvedAt", .int(resolvedAt)) }
        if exact, guessed { object.append("guessed", .bool(true)) }
        if exact, let visitAt { object.append("visitAt", .int(visitAt)) }
        if let sentimentAverage {
            var sentiment = JSONObject()
            sentiment.append("average", .double(shown(sentimentAverage)))
            if let sentimentFirst { sentiment.append("first", .double(shown(sentimentFirst))) }
            if let sentimentLast { sentiment.append("last", .double(shown(sentimentLast))) }
            if let trend = sentimentTrend { sentiment.append("trend", .string(trend)) }
            object.append("sentiment", .object(sentiment))
        }
        return .object(object)
    }

    /// Reads the stored form written by `storedJSON` (or `json`).
    init(json value: JSONValue) throws(ParleyError) {
        guard let id = value["id"]?.stringValue, let chat = value["chat"]?.stringValue,
              let topic = value["topic"]?.stringValue, let openedAt = value["openedAt"]?.int64Value,
              let lastActivity = value["lastActivity"]?.int64Value else {
            throw ParleyError(.corrupt, "a stored thread is missing fields")
        }
        self.init(id: id, chat: chat, topic: topic, openedAt: openedAt, lastActivity: lastActivity)
        reference = value["reference"]?.stringValue
        otherReferences = (value["otherReferences"]?.arrayValue ?? []).compactMap(\.stringValue)
        resolvedAt = value["resolvedAt"]?.int64Value
        guessed = value["guessed"]?.boolValue ?? false
        visitAt = value["visitAt"]?.int64Value
        family = value["family"]?.stringValue
        intent = value["intent"]?.stringValue
        state = value["state"]?.stringValue.flatMap(State.init(rawValue:)) ?? .open
        messageCount = Int(value["messageCount"]?.int64Value ?? 0)
        lastMessageID = value["lastMessageId"]?.stringValue
        intents = (value["intents"]?.arrayValue ?? []).compactMap { item in
            guard let name = item["name"]?.stringValue, let count = item["count"]?.int64Value else { return nil }
            return (name, Int(count))
        }
        entities = (value["entities"]?.arrayValue ?? []).compactMap { item in
            guard let type = item["type"]?.stringValue, let text = item["text"]?.stringValue else { return nil }
            return (type, text)
        }
        if let level = value[path: "urgency", "level"]?.doubleValue, let at = value[path: "urgency", "at"]?.int64Value {
            urgency = (level, at)
        }
        sentimentAverage = value[path: "sentiment", "average"]?.doubleValue
        sentimentFirst = value[path: "sentiment", "first"]?.doubleValue
        sentimentLast = value[path: "sentiment", "last"]?.doubleValue
        // Threads stored before the field: the most frequent intent of the thread's family.
        if intent == nil, let family {
            intent = intents.filter { ThreadTracker.family(of: $0.name) == family }.max { $0.count < $1.count }?.name
        }
        // A family split since it was stored (documents were the tenancy's) follows the request.
        if let intent { family = ThreadTracker.family(of: intent) }
    }

    init(id: String, chat: String, topic: String, openedAt: Int64, lastActivity: Int64) {
        self.id = id
        self.chat = chat
        self.topic = topic
        self.openedAt = openedAt
        self.lastActivity = lastActivity
    }
}

func rounded(_ value: Double) -> Double {
    (value * 1000).rounded() / 1000
}
