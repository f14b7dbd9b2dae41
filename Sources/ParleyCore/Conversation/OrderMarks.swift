/// Where a message stands in its chat's order, judged against the newest message processed
/// before it: `late` when it was sent before a message already processed (it arrived after
/// its successors), `gap` when the host's sequence numbers skip (messages not arrived yet).
struct OrderMarks: Sendable, Equatable {
    var late = false
    /// The last sequence number seen and how many numbers after it are missing.
    var gap: (after: Int64, missing: Int64)?

    static func == (a: OrderMarks, b: OrderMarks) -> Bool {
        a.late == b.late && a.gap?.after == b.gap?.after && a.gap?.missing == b.gap?.missing
    }

    /// Marks `message` and advances the chat's newest timestamp and sequence number. A
    /// replayed (history) message is old by nature: never late, and it moves nothing back.
    static func note(_ message: Message, in chat: inout ChatConversation) -> OrderMarks {
        var marks = OrderMarks()
        if let sequence = message.sequence {
            if let last = chat.lastSequence {
                if sequence <= last { marks.late = !message.history }
                else if sequence > last + 1 { marks.gap = (after: last, missing: sequence - last - 1) }
            }
            chat.lastSequence = max(chat.lastSequence ?? sequence, sequence)
        } else if let last = chat.lastTimestamp, message.timestamp < last {
            marks.late = !message.history
        }
        chat.lastTimestamp = max(chat.lastTimestamp ?? message.timestamp, message.timestamp)
        return marks
    }
}
