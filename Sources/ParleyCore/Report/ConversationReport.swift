/// The report's data, gathered from the store (ReportGatherer) and rendered to HTML
/// (ReportHTML). Plain values: the renderer never touches the store.
public struct ConversationReport: Sendable {
    public var title: String
    public var generatedAt: Int64
    /// The zone times are shown in (the engine's "timeZone").
    public var timeZone: String
    public var chats: [ChatReport]
    /// The chat filter given, if any.
    public var chatFilter: String?
    /// Chats past the chatLimit option (the least active): listed with their counts only.
    public var otherChats: [ChatSummary] = []

    public struct ChatSummary: Sendable {
        public var chat: String
        public var messages: Int
        public var first: Int64
        public var last: Int64
    }

    /// Messages of every chat, shown in full or only listed.
    public var messageCount: Int { chats.reduce(0) { $0 + $1.messageCount } + otherChats.reduce(0) { $0 + $1.messages } }
    public var chatCount: Int { chats.count + otherChats.count }
    public var deadLetterCount: Int { chats.reduce(0) { $0 + $1.deadLetters.count } }
    public var degradedPeriodCount: Int { chats.reduce(0) { $0 + $1.degradedPeriods.count } }
    public var threadCount: Int { chats.reduce(0) { $0 + $1.threads.count } }
    public var mediaCount: Int { chats.reduce(0) { $0 + $1.media.count } }
}

/// One chat: its messages in order and what the report shows about them.
public struct ChatReport: Sendable {
    public var chat: String
    /// The tenant's name as WhatsApp gave it (in a 1:1 chat: the first sender name of a message the chat sent).
    public var name: String?
    /// Every message of the chat in the journal, whatever its state, but re-sent duplicates.
    public var messageCount: Int
    /// The same content re-sent under a new id (journaled as "duplicate"), not counted above.
    public var duplicates: Int
    public var first: Int64
    public var last: Int64
    /// The messages, oldest first (at most the messageLimit option; `messageCount` counts all).
    public var messages: [ReportMessage]
    /// Per message (all of them, not only those listed): the points of the charts.
    public var points: [ReportPoint]
    public var threads: [ReportThread]
    public var deadLetters: [ReportDeadLetter]
    public var degradedPeriods: [DegradedPeriod]
    public var media: [ReportMedia]
    public var entities: [EntityTally.Row]
    /// Stored contexts that could not be read (corrupt JSON): counted, not fatal.
    public var unreadable: Int
}

/// One message as listed.
public struct ReportMessage: Sendable {
    public var id: String
    /// The page anchor of this message ("c1-m42"): ids are the host's and may hold anything.
    public var anchor: String
    public var sender: String
    public var senderName: String?
    public var fromMe: Bool
    public var timestamp: Int64
    public var type: String
    public var state: String
    public var text: String
    /// What the message's file said (a voice note's transcript, a photo's or document's text).
    public var mediaText: String?
    public var intent: String?
    public var intentConfidence: Double?
    public var sentiment: Double?
    public var sentimentLabel: String?
    public var sarcasm: Bool
    public var urgency: Double?
    public var entities: [(type: String, text: String)]
    public var thread: String?
    public var degraded: [String]
}

/// What a chart needs of a message (kept for every message, also past the message limit).
public struct ReportPoint: Sendable {
    public var timestamp: Int64
    public var anchor: String
    public var listed: Bool
    public var fromMe: Bool
    public var intent: String?
    public var sentiment: Double?
}

public struct ReportThread: Sendable {
    public var id: String
    public var topic: String
    public var reference: String?
    public var state: String
    public var openedAt: Int64
    public var lastActivity: Int64
    public var messageCount: Int
    public var intents: [(name: String, count: Int)]
    public var sentimentAverage: Double?
    public var trend: String?
    /// The anchor of the thread's first listed message, if any.
    public var firstAnchor: String?
}

public struct ReportDeadLetter: Sendable {
    public var id: String
    /// The message's anchor on the page (nil: past the message limit, not listed).
    public var anchor: String?
    public var state: String
    public var attempts: Int
    public var timestamp: Int64
    /// The last recorded error's message (masked like every error).
    public var lastError: String?
}

public struct ReportMedia: Sendable {
    public var messageID: String
    public var anchor: String?
    public var sender: String
    public var timestamp: Int64
    public var kind: String
    public var mimetype: String?
    public var size: Int64
    public var status: String
    public var caption: String
    public var text: String
    /// An embedded image ("data:image/jpeg;base64,…"), when the file was at hand and small enough.
    public var dataURL: String?
}
