import Synchronization

/// The threading state of chats seen lately, as last committed, behind its own small lock, so
/// a message does not re-read its chat's open threads, and so a message's context can be
/// composed before the store's connection lock is taken (see `Store.precompose`). Every state
/// put here carries a fresh `revision`: a context composed on a snapshot is used only if the
/// chat is still at that snapshot's revision when its transaction runs.
final class ChatStateCache: Sendable {
    private let chats = Guarded<[String: ChatConversation]>([:])
    private let lastRevision = Atomic<UInt64>(0)
    static let capacity = 10_000

    func state(of chat: String) -> ChatConversation? {
        chats.withLock { $0[chat] }
    }

    /// A revision no state had before.
    func newRevision() -> UInt64 {
        lastRevision.add(1, ordering: .relaxed).newValue
    }

    /// Caches a state loaded from the store unless the chat is cached already; the cached one.
    func adopt(_ state: ChatConversation) -> ChatConversation {
        chats.withLock { chats in
            if let cached = chats[state.chat] { return cached }
            if chats.count >= Self.capacity { chats.removeAll(keepingCapacity: true) }
            chats[state.chat] = state
            return state
        }
    }

    /// Takes the states a transaction committed.
    func commit(_ states: [String: ChatConversation]) {
        guard !states.isEmpty else { return }
        chats.withLock { chats in
            if chats.count + states.count > Self.capacity { chats.removeAll(keepingCapacity: true) }
            chats.merge(states) { $1 }
        }
    }

    /// Drops chats whose stored state changed underneath (retention deleted a thread).
    func forget(_ gone: [String]) {
        guard !gone.isEmpty else { return }
        chats.withLock { chats in for chat in gone { chats[chat] = nil } }
    }

    func removeAll() {
        chats.withLock { $0.removeAll() }
    }
}
