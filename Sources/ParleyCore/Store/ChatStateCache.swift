/// The threading state of chats seen lately, as last committed, behind its own small lock, so
/// a message does not re-read its chat's open threads, and so a message's context can be
/// composed before the store's connection lock is taken (see `Store.precompose`). Every state
/// put here carries a fresh `revision`: a context composed on a snapshot is used only if the
/// chat is still at that snapshot's revision when its transaction runs.
final class ChatStateCache: Sendable {
    private struct Contents {
        var chats: [String: ChatConversation] = [:]
        var lastRevision: UInt64 = 0
    }

    private let contents = Guarded(Contents())
    static let capacity = 10_000

    func state(of chat: String) -> ChatConversation? {
        contents.withLock { $0.chats[chat] }
    }

    /// A revision no state had before.
    func newRevision() -> UInt64 {
        contents.withLock { contents in
            contents.lastRevision += 1
            return contents.lastRevision
        }
    }

    /// Takes the states a transaction committed.
    func commit(_ states: [String: ChatConversation]) {
        guard !states.isEmpty else { return }
        contents.withLock { contents in
            if contents.chats.count + states.count > Self.capacity { contents.chats.removeAll(keepingCapacity: true) }
            contents.chats.merge(states) { $1 }
        }
    }

    /// Drops chats whose stored state changed underneath (retention deleted a thread).
    func forget(_ chats: [String]) {
        guard !chats.isEmpty else { return }
        contents.withLock { contents in for chat in chats { contents.chats[chat] = nil } }
    }

    func removeAll() {
        contents.withLock { $0.chats.removeAll() }
    }
}
