/// `process`'s journal with write-behind (WriteBehind.swift): every decision a commit would
/// make, taken now against SQLite (through the reader connection, which never waits for the
/// writer) plus the queued messages, then one inbox append and the answer.
extension Store {
    /// Journals `process`'s messages: written behind on a file store with write-behind on,
    /// else in one transaction now (`journal`).
    func journalProcessed(_ entries: [JournalEntry], receivedAt: Int64) throws(ParleyError) -> [Journaled] {
        guard let writeBehind, let inbox, !entries.contains(where: { $0.compose == nil }) else {
            // A placeholder is a row of its own, waiting for its content: written now.
            return try journal(entries, receivedAt: receivedAt)
        }
        return try writeBehind.compose { (ledger: inout WriteBehind.Ledger) throws(ParleyError) -> [Journaled] in
            var results: [Journaled] = []
            results.reserveCapacity(entries.count)
            // This call's messages, queued together once their append succeeded.
            var decided: [(entry: JournalEntry, pending: WriteBehind.Pending, state: ChatConversation?)] = []
            var states: [String: ChatConversation] = [:]
            var mine: [Inbox.Key: WriteBehind.Pending] = [:]
            try withReader { db throws(ParleyError) in
                for var entry in entries {
                    let message = entry.message
                    let key = Inbox.Key(chat: message.chat, id: message.id)
                    if let queued = mine[key] ?? ledger.pending[key] {
                        results.append(.duplicate(queued.text))
                        continue
                    }
                    // The early look-up (Engine.prepare) still holds if nothing was queued since.
                    let existing = entry.absentAt == ledger.enqueued ? nil : try Self.row(chat: message.chat, id: message.id, in: db)
                    if let existing, !existing.state.awaitsCompletion {
                        results.append(.duplicate(existing.context))
                        continue
                    }
                    entry.receivedAt = receivedAt
                    // A received or pending row is completed under its own number; a submitted
                    // message keeps its ticket (its inbox record is superseded by this one).
                    entry.ticket = existing?.seq ?? entry.ticket ?? nextSeq()
                    let hash = Self.contentHash(of: message)
                    if let hash, contentWindowSeconds > 0 {
                        let window = contentWindowSeconds
                        // The oldest first, as the journal's own check orders by row number: what
                        // was queued before this call, then this call's own messages.
                        var queued = ledger.sameContent(chat: message.chat, hash: hash, timestamp: message.timestamp, window: window)
                        if queued == nil {
                            for (other, pending) in mine where other.chat == message.chat && pending.contentHash == hash
                                && abs(pending.timestamp - message.timestamp) <= window && pending.ticket < (queued?.ticket ?? .max) {
                                queued = pending
                            }
                        }
                        var original = queued.map { (id: $0.id, context: $0.text) }
                        if original == nil { original = try Self.sameContent(as: message, hash: hash, window: window, in: db) }
                        if let original {
                            // Journaled as a duplicate behind its original, composed again there.
                            let text = try EnrichedContext.contentDuplicate(of: original.context, originalID: original.id, message: message)
                            entry.recorded = text
                            let pending = WriteBehind.Pending(ticket: entry.ticket!, text: text, thread: nil, contentHash: nil, timestamp: message.timestamp, id: message.id)
                            mine[key] = pending
                            decided.append((entry, pending, nil))
                            results.append(.duplicate(text))
                            continue
                        }
                    }
                    var chat: ChatConversation
                    if let known = states[message.chat] ?? ledger.ahead[message.chat].flatMap(\.state) ?? chatStates.state(of: message.chat) {
                        chat = known
                    } else {
                        var loaded = try Self.loadChat(message.chat, from: db)
                        loaded.revision = chatStates.newRevision()
                        chat = chatStates.adopt(loaded)
                    }
                    var quoted: ConversationThread?
                    if let quotedID = message.quoted?.id {
                        let quotedKey = Inbox.Key(chat: message.chat, id: quotedID)
                        quoted = (mine[quotedKey] ?? ledger.pending[quotedKey])?.thread
                        if quoted == nil { quoted = try Self.thread(ofMessage: quotedID, chat: message.chat, in: db) }
                    }
                    guard let compose = entry.compose else { throw ParleyError(.internal, "a message to journal has no composer") }
                    let basis = chat.revision
                    let composed = compose(&chat, quoted)
                    chat.revision = chatStates.newRevision()
                    let text = JSONWriter.string(composed.context)
                    // The threads' summaries are serialized by the writing thread, once a batch.
                    entry.precomposed = Precomposed(
                        basis: basis, chat: chat, context: composed.context, text: text, decision: composed.decision, summaries: nil)
                    entry.recorded = text
                    states[message.chat] = chat
                    let pending = WriteBehind.Pending(ticket: entry.ticket!, text: text, thread: composed.decision.thread, contentHash: hash,
                                                      timestamp: message.timestamp, id: message.id)
                    mine[key] = pending
                    decided.append((entry, pending, chat))
                    results.append(.stored(composed.context, text: text))
                }
            }
            guard !decided.isEmpty else { return results }
            // Durable before the answer: the messages with their contexts, in one write.
            let appended = try inbox.append(decided.map {
                Inbox.Entry(ticket: $0.entry.ticket!, priority: 1, receivedAt: receivedAt, message: $0.entry.message, context: $0.entry.recorded)
            }, superseding: true)
            for (item, outcome) in zip(decided, appended) {
                var entry = item.entry
                // Submitted and not processed yet: that inbox entry keeps the message (and its
                // worker will find this row and answer a duplicate); this row gets a number of its own.
                if case .inFlight = outcome { entry.ticket = nil }
                ledger.enqueue(entry, pending: item.pending, state: item.state)
            }
            return results
        }
    }

    /// Writes a batch of `journalProcessed`'s messages to SQLite (on the write-behind
    /// thread) and lets their inbox entries go; the error when the transaction failed.
    func applyBehind(_ batch: [JournalEntry]) -> ParleyError? {
        do {
            _ = try groupCommit.journal(batch) { (group) throws(ParleyError) in
                try journalNow(group, receivedAt: Engine.unixMillis())
            }
        } catch {
            return error
        }
        release(batch.compactMap(\.ticket))
        return nil
    }
}
