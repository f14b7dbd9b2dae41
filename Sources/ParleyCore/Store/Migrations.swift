/// Schema versions, applied in order inside one transaction each and recorded in
/// `PRAGMA user_version`. Append new steps; never edit a released one.
enum Migrations {
    static let steps: [String] = [
        // 1: the message journal. A rowid table: contexts are kilobytes, and appending them in
        // rowid order is far cheaper than keeping them inside a (chat, id) clustered index.
        """
        CREATE TABLE messages (
            seq INTEGER PRIMARY KEY,
            chat TEXT NOT NULL,
            id TEXT NOT NULL,
            sender TEXT NOT NULL,
            timestamp INTEGER NOT NULL,
            type TEXT NOT NULL,
            format TEXT NOT NULL,
            state TEXT NOT NULL,
            context TEXT NOT NULL,
            received_at INTEGER NOT NULL,
            UNIQUE (chat, id)
        );
        """,
        // 2: conversation threads (summary as JSON), each message's thread, per-chat state.
        """
        ALTER TABLE messages ADD COLUMN thread TEXT;
        CREATE INDEX messages_by_thread ON messages (thread, timestamp);
        CREATE TABLE threads (
            id TEXT NOT NULL UNIQUE,
            chat TEXT NOT NULL,
            state TEXT NOT NULL,
            last_activity INTEGER NOT NULL,
            summary TEXT NOT NULL
        );
        CREATE INDEX threads_by_chat ON threads (chat, state, last_activity);
        CREATE TABLE chats (
            chat TEXT PRIMARY KEY,
            thread_count INTEGER NOT NULL,
            current_thread TEXT,
            sentiment_average REAL,
            sentiment_count INTEGER NOT NULL
        ) WITHOUT ROWID;
        """,
        // 3: idempotency claims of the host's own side effects (times in Unix milliseconds).
        """
        CREATE TABLE idempotency (
            key TEXT PRIMARY KEY,
            claimed_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX idempotency_by_expiry ON idempotency (expires_at);
        """,
        // 4: message states beyond "processed" (received, pending, failed, dead, resolved,
        // duplicate) with the retry schedule and error history of the dead-letter queue; the
        // content hash for duplicates re-sent under new ids; per-chat order marks.
        """
        ALTER TABLE messages ADD COLUMN priority INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE messages ADD COLUMN content_hash INTEGER;
        ALTER TABLE messages ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE messages ADD COLUMN next_attempt_at INTEGER;
        ALTER TABLE messages ADD COLUMN errors TEXT;
        CREATE INDEX messages_unfinished ON messages (state, next_attempt_at) WHERE state IN ('received', 'failed', 'dead');
        CREATE INDEX messages_by_content ON messages (chat, content_hash) WHERE content_hash IS NOT NULL;
        ALTER TABLE chats ADD COLUMN last_timestamp INTEGER;
        ALTER TABLE chats ADD COLUMN last_sequence INTEGER;
        """,
        // 5: retention walks messages by timestamp and closed threads by last activity.
        """
        CREATE INDEX messages_by_time ON messages (timestamp);
        CREATE INDEX threads_by_state ON threads (state, last_activity);
        """,
        // 6: write-backs parked while their dependency's circuit breaker is open, replayed in
        // order when it closes; a host key makes parking the same write twice a no-op.
        """
        CREATE TABLE writebacks (
            seq INTEGER PRIMARY KEY,
            dependency TEXT NOT NULL,
            payload TEXT NOT NULL,
            key TEXT,
            parked_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            UNIQUE (dependency, key)
        );
        CREATE INDEX writebacks_in_order ON writebacks (dependency, seq);
        """,
        // 7: the media gallery. Each file once by its SHA-256 with what its reader found; each
        // message that carried it as a reference (its thread comes from the message's row);
        // extracted text searchable through FTS5.
        """
        CREATE TABLE media_items (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            mimetype TEXT,
            size INTEGER NOT NULL,
            path TEXT,
            status TEXT NOT NULL,
            text TEXT NOT NULL,
            result TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE TABLE media_refs (
            chat TEXT NOT NULL,
            message_id TEXT NOT NULL,
            item INTEGER NOT NULL,
            sender TEXT NOT NULL,
            timestamp INTEGER NOT NULL,
            type TEXT NOT NULL,
            caption TEXT NOT NULL,
            PRIMARY KEY (chat, message_id)
        ) WITHOUT ROWID;
        CREATE INDEX media_refs_by_item ON media_refs (item);
        CREATE INDEX media_refs_by_time ON media_refs (timestamp);
        CREATE VIRTUAL TABLE media_search USING fts5 (text, tokenize = 'unicode61 remove_diacritics 2');
        """,
        // 8: a message has no thread until it is processed: a received row then writes no entry
        // in the thread index that its processing would move (every lookup names a thread).
        """
        DROP INDEX messages_by_thread;
        CREATE INDEX messages_by_thread ON messages (thread, timestamp) WHERE thread IS NOT NULL;
        """,
        // 9: the outbox (Delivery/): each send the host queued, its state (queued, leased, sent,
        // delivered, read, failed), retries and provider id; the log of hand-outs of the last
        // 24 h rebuilds the rate windows after a restart.
        """
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            recipient TEXT NOT NULL,
            target TEXT NOT NULL,
            payload TEXT NOT NULL,
            priority INTEGER NOT NULL,
            idem_key TEXT UNIQUE,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            failures INTEGER NOT NULL DEFAULT 0,
            not_before INTEGER NOT NULL,
            enqueued_at INTEGER NOT NULL,
            leased_until INTEGER,
            message_id TEXT,
            last_error TEXT,
            sent_at INTEGER,
            delivered_at INTEGER,
            read_at INTEGER,
            failed_at INTEGER
        );
        CREATE INDEX outbox_active ON outbox (state) WHERE state IN ('queued', 'leased');
        CREATE INDEX outbox_by_message ON outbox (message_id) WHERE message_id IS NOT NULL;
        CREATE INDEX outbox_finished ON outbox (enqueued_at) WHERE state NOT IN ('queued', 'leased');
        CREATE TABLE outbox_log (
            at INTEGER NOT NULL,
            recipient TEXT NOT NULL,
            new INTEGER NOT NULL
        );
        """,
        // 10: a write-back's and a send's id is the host's handle for confirming it, so it is
        // never given again: as plain rowids, the next park or enqueue after the newest was
        // confirmed (or deleted by retention) took its id, and a repeated confirm of the old
        // one settled the new one unperformed. AUTOINCREMENT needs the tables rebuilt; copying
        // the rows seeds sqlite_sequence with the highest id still held.
        """
        CREATE TABLE writebacks_v10 (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            dependency TEXT NOT NULL,
            payload TEXT NOT NULL,
            key TEXT,
            parked_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            UNIQUE (dependency, key)
        );
        INSERT INTO writebacks_v10 (seq, dependency, payload, key, parked_at, attempts, last_error)
            SELECT seq, dependency, payload, key, parked_at, attempts, last_error FROM writebacks;
        DROP TABLE writebacks;
        ALTER TABLE writebacks_v10 RENAME TO writebacks;
        CREATE INDEX writebacks_in_order ON writebacks (dependency, seq);
        CREATE TABLE outbox_v10 (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            recipient TEXT NOT NULL,
            target TEXT NOT NULL,
            payload TEXT NOT NULL,
            priority INTEGER NOT NULL,
            idem_key TEXT UNIQUE,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            failures INTEGER NOT NULL DEFAULT 0,
            not_before INTEGER NOT NULL,
            enqueued_at INTEGER NOT NULL,
            leased_until INTEGER,
            message_id TEXT,
            last_error TEXT,
            sent_at INTEGER,
            delivered_at INTEGER,
            read_at INTEGER,
            failed_at INTEGER
        );
        INSERT INTO outbox_v10 (id, recipient, target, payload, priority, idem_key, state, attempts, failures, not_before,
                                enqueued_at, leased_until, message_id, last_error, sent_at, delivered_at, read_at, failed_at)
            SELECT id, recipient, target, payload, priority, idem_key, state, attempts, failures, not_before,
                   enqueued_at, leased_until, message_id, last_error, sent_at, delivered_at, read_at, failed_at FROM outbox;
        DROP TABLE outbox;
        ALTER TABLE outbox_v10 RENAME TO outbox;
        CREATE INDEX outbox_active ON outbox (state) WHERE state IN ('queued', 'leased');
        CREATE INDEX outbox_by_message ON outbox (message_id) WHERE message_id IS NOT NULL;
        CREATE INDEX outbox_finished ON outbox (enqueued_at) WHERE state NOT IN ('queued', 'leased');
        """,
        // 11: the outbox's throttle (halved by a rate-limit error, recovered step by step): a
        // restart right after WhatsApp said "too many" must not go back to full rate.
        """
        CREATE TABLE outbox_throttle (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            throttle REAL NOT NULL,
            throttle_at INTEGER NOT NULL,
            last_halved_at INTEGER
        );
        """,
    ]

    static func apply(to db: SQLiteConnection) throws(ParleyError) {
        let current = try db.statement("PRAGMA user_version").firstRow { Int($0.int(0)) } ?? 0
        guard current <= steps.count else {
            throw ParleyError(.storage, "the store has schema version \(current), newer than this Parley (\(steps.count)); upgrade Parley")
        }
        for version in current..<steps.count {
            do {
                try db.transaction { () throws(ParleyError) in
                    // Another process may have opened the same new file at the same moment and
                    // applied this step while we waited for the write lock: read the version again.
                    let now = try db.statement("PRAGMA user_version").firstRow { Int($0.int(0)) } ?? 0
                    guard now == version else { return }
                    try db.execute(steps[version])
                    try db.execute("PRAGMA user_version = \(version + 1); PRAGMA application_id = \(Store.applicationID)")
                }
            } catch {
                // The step's transaction was rolled back: the file is as it was before it.
                throw ParleyError(error.kind, "migrating the store to schema version \(version + 1) failed and was rolled back "
                                  + "(the store stays at version \(version)): \(error)")
            }
        }
    }
}
