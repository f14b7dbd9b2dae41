/// The PostgreSQL schema, applied in order and recorded in `parley_schema`. Append new steps;
/// never edit a released one.
///
/// Step 1 is the shape SQLite's migrations 1–9 arrive at (messages, threads, chats,
/// idempotency claims, dead-letter columns, parked write-backs, the media gallery, the outbox
/// and its log): a new backend has no history to replay. Differences from SQLite:
/// - `messages` and `media_refs` are PARTITIONED BY RANGE on the message's `timestamp` (Unix
///   seconds), one partition a month (`messages_2025_01`), created ahead by
///   `parley_ensure_partitions`; retention drops whole months (`parley_drop_partitions`).
///   A `_default` partition takes rows outside the months created (a message dated 1970 or
///   2999); creating their month later moves them into it.
/// - A unique index on a partitioned table must contain the partition key, so (chat, id) —
///   the journal's identity across all months — lives in `message_keys`, an ordinary table
///   naming each message's (seq, timestamp). The journal's lookups go through it.
/// - `media_search` (FTS5) becomes a generated `tsvector` on `media_items` with a GIN index
///   ('simple' configuration: no extension needed on a managed server).
/// - Times stay BIGINT (Unix seconds for messages, milliseconds elsewhere) as in SQLite, so
///   both backends share the Swift code that reads them.
///
/// Two instances starting at once: each step runs in a transaction holding
/// `pg_advisory_xact_lock(migrationLock)` and re-reads the version under it, so a step is
/// applied once and the other instance waits, then finds nothing to do.
enum PGMigrations {
    /// 'PRLY' as in SQLite's application_id: the advisory lock key of migrations.
    static let migrationLock: Int64 = 0x5052_4C59
    /// Months created ahead of (and behind) the current one when the store opens.
    static let monthsAhead = 3

    static let steps: [String] = [
        // 1: the journal and everything SQLite's migrations 1–9 hold.
        #"""
        CREATE SEQUENCE messages_seq AS BIGINT;
        CREATE TABLE messages (
            seq BIGINT NOT NULL DEFAULT nextval('messages_seq'),
            chat TEXT NOT NULL,
            id TEXT NOT NULL,
            sender TEXT NOT NULL,
            timestamp BIGINT NOT NULL,
            type TEXT NOT NULL,
            format TEXT NOT NULL,
            state TEXT NOT NULL,
            context TEXT NOT NULL,
            received_at BIGINT NOT NULL,
            thread TEXT,
            priority INTEGER NOT NULL DEFAULT 1,
            content_hash BIGINT,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at BIGINT,
            errors TEXT,
            PRIMARY KEY (seq, timestamp)
        ) PARTITION BY RANGE (timestamp);
        ALTER SEQUENCE messages_seq OWNED BY messages.seq;
        CREATE TABLE messages_default PARTITION OF messages DEFAULT;
        CREATE INDEX messages_unfinished ON messages (state, next_attempt_at) WHERE state IN ('received', 'pending', 'failed', 'dead');
        CREATE INDEX messages_due ON messages (next_attempt_at, seq) WHERE state = 'failed';
        CREATE INDEX messages_by_content ON messages (chat, content_hash, timestamp) WHERE content_hash IS NOT NULL;
        CREATE INDEX messages_by_thread ON messages (thread, timestamp) WHERE thread IS NOT NULL;
        CREATE INDEX messages_by_chat ON messages (chat, timestamp);
        CREATE TABLE message_keys (
            chat TEXT NOT NULL,
            id TEXT NOT NULL,
            seq BIGINT NOT NULL,
            timestamp BIGINT NOT NULL,
            PRIMARY KEY (chat, id)
        );
        CREATE INDEX message_keys_by_time ON message_keys (timestamp);
        CREATE UNIQUE INDEX message_keys_by_seq ON message_keys (seq);

        CREATE TABLE threads (
            id TEXT PRIMARY KEY,
            chat TEXT NOT NULL,
            state TEXT NOT NULL,
            last_activity BIGINT NOT NULL,
            summary TEXT NOT NULL
        );
        CREATE INDEX threads_by_chat ON threads (chat, state, last_activity);
        CREATE INDEX threads_by_state ON threads (state, last_activity);
        CREATE TABLE chats (
            chat TEXT PRIMARY KEY,
            thread_count INTEGER NOT NULL,
            current_thread TEXT,
            sentiment_average DOUBLE PRECISION,
            sentiment_count INTEGER NOT NULL,
            last_timestamp BIGINT,
            last_sequence BIGINT
        );

        CREATE TABLE idempotency (
            key TEXT PRIMARY KEY,
            claimed_at BIGINT NOT NULL,
            expires_at BIGINT NOT NULL
        );
        CREATE INDEX idempotency_by_expiry ON idempotency (expires_at);

        CREATE TABLE writebacks (
            seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            dependency TEXT NOT NULL,
            payload TEXT NOT NULL,
            key TEXT,
            parked_at BIGINT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            UNIQUE (dependency, key)
        );
        CREATE INDEX writebacks_in_order ON writebacks (dependency, seq);

        CREATE TABLE media_items (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            mimetype TEXT,
            size BIGINT NOT NULL,
            path TEXT,
            status TEXT NOT NULL,
            text TEXT NOT NULL,
            result TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            search TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED
        );
        CREATE INDEX media_items_search ON media_items USING GIN (search);
        CREATE TABLE media_refs (
            chat TEXT NOT NULL,
            message_id TEXT NOT NULL,
            item BIGINT NOT NULL,
            sender TEXT NOT NULL,
            timestamp BIGINT NOT NULL,
            type TEXT NOT NULL,
            caption TEXT NOT NULL,
            PRIMARY KEY (chat, message_id, timestamp)
        ) PARTITION BY RANGE (timestamp);
        CREATE TABLE media_refs_default PARTITION OF media_refs DEFAULT;
        CREATE INDEX media_refs_by_item ON media_refs (item);

        CREATE TABLE outbox (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            recipient TEXT NOT NULL,
            target TEXT NOT NULL,
            payload TEXT NOT NULL,
            priority INTEGER NOT NULL,
            idem_key TEXT UNIQUE,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            failures INTEGER NOT NULL DEFAULT 0,
            not_before BIGINT NOT NULL,
            enqueued_at BIGINT NOT NULL,
            leased_until BIGINT,
            message_id TEXT,
            last_error TEXT,
            sent_at BIGINT,
            delivered_at BIGINT,
            read_at BIGINT,
            failed_at BIGINT
        );
        CREATE INDEX outbox_active ON outbox (state) WHERE state IN ('queued', 'leased');
        CREATE INDEX outbox_due ON outbox (not_before, id) WHERE state = 'queued';
        CREATE INDEX outbox_by_message ON outbox (message_id) WHERE message_id IS NOT NULL;
        CREATE INDEX outbox_finished ON outbox (enqueued_at) WHERE state NOT IN ('queued', 'leased');
        CREATE TABLE outbox_log (
            at BIGINT NOT NULL,
            recipient TEXT NOT NULL,
            new INTEGER NOT NULL
        );
        CREATE INDEX outbox_log_by_time ON outbox_log (at);
        """#,
        // 2: monthly partitions. parley_ensure_partitions('messages', from, n) creates the n
        // months from `from`'s month on (rows of those months waiting in the default
        // partition move in); parley_drop_partitions('messages', before) drops every month
        // that ended by `before`, except a month of messages still unfinished (received,
        // pending, failed), and forgets the dropped messages' keys. Both hold an advisory lock:
        // instances run them concurrently.
        #"""
        CREATE FUNCTION parley_month_start(ts BIGINT) RETURNS BIGINT LANGUAGE sql IMMUTABLE AS
            $$ SELECT extract(epoch FROM date_trunc('month', to_timestamp(ts) AT TIME ZONE 'UTC'))::BIGINT $$;
        CREATE FUNCTION parley_next_month(ts BIGINT) RETURNS BIGINT LANGUAGE sql IMMUTABLE AS
            $$ SELECT extract(epoch FROM date_trunc('month', to_timestamp(ts) AT TIME ZONE 'UTC') + INTERVAL '1 month')::BIGINT $$;

        CREATE FUNCTION parley_ensure_partitions(parent TEXT, from_ts BIGINT, months INTEGER) RETURNS INTEGER
        LANGUAGE plpgsql AS $$
        DECLARE
            lower_ts BIGINT := parley_month_start(from_ts);
            upper_ts BIGINT;
            part TEXT;
            waiting BOOLEAN;
            created INTEGER := 0;
        BEGIN
            IF parent NOT IN ('messages', 'media_refs') THEN
                RAISE EXCEPTION 'parley_ensure_partitions: % is not partitioned by month', parent;
            END IF;
            PERFORM pg_advisory_xact_lock(1347571545, hashtext(parent));
            FOR i IN 1..months LOOP
                upper_ts := parley_next_month(lower_ts);
                part := parent || '_' || to_char(to_timestamp(lower_ts) AT TIME ZONE 'UTC', 'YYYY_MM');
                IF to_regclass(part) IS NULL THEN
                    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE timestamp >= %s AND timestamp < %s)',
                                   parent || '_default', lower_ts, upper_ts) INTO waiting;
                    IF waiting THEN
                        -- Rows of this month wait in the default partition: move them, then attach.
                        EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS)', part, parent);
                        EXECUTE format('WITH moved AS (DELETE FROM %I WHERE timestamp >= %s AND timestamp < %s RETURNING *) '
                                       'INSERT INTO %I SELECT * FROM moved', parent || '_default', lower_ts, upper_ts, part);
                        EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%s) TO (%s)',
                                       parent, part, lower_ts, upper_ts);
                    ELSE
                        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%s) TO (%s)',
                                       part, parent, lower_ts, upper_ts);
                    END IF;
                    created := created + 1;
                END IF;
                lower_ts := upper_ts;
            END LOOP;
            RETURN created;
        END $$;

        CREATE FUNCTION parley_drop_partitions(parent TEXT, before_ts BIGINT) RETURNS SETOF TEXT
        LANGUAGE plpgsql AS $$
        DECLARE
            part RECORD;
            lower_ts BIGINT;
            upper_ts BIGINT;
            unfinished BOOLEAN;
        BEGIN
            IF parent NOT IN ('messages', 'media_refs') THEN
                RAISE EXCEPTION 'parley_drop_partitions: % is not partitioned by month', parent;
            END IF;
            PERFORM pg_advisory_xact_lock(1347571545, hashtext(parent));
            FOR part IN
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = parent::regclass AND c.relname ~ ('^' || parent || '_[0-9]{4}_[0-9]{2}$')
                ORDER BY c.relname
            LOOP
                lower_ts := extract(epoch FROM to_timestamp(right(part.relname, 7), 'YYYY_MM') AT TIME ZONE 'UTC')::BIGINT;
                lower_ts := parley_month_start(lower_ts + 86400);
                upper_ts := parley_next_month(lower_ts);
                CONTINUE WHEN upper_ts > before_ts;
                IF parent = 'messages' THEN
                    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE state IN (''received'', ''pending'', ''failed''))',
                                   part.relname) INTO unfinished;
                    CONTINUE WHEN unfinished;
                    EXECUTE format('DELETE FROM message_keys WHERE seq IN (SELECT seq FROM %I)', part.relname);
                END IF;
                EXECUTE format('DROP TABLE %I', part.relname);
                RETURN NEXT part.relname;
            END LOOP;
        END $$;
        """#,
        // 3: chat ownership across instances (ChatLeases.swift). `token` is the fencing
        // token: a new one (from chat_lease_tokens, never reused) each time the lease changes
        // hands, so an instance that paused past its lease and wakes up is refused. Times are
        // the database's clock in Unix milliseconds (instances' clocks may differ).
        #"""
        CREATE SEQUENCE chat_lease_tokens AS BIGINT;
        CREATE TABLE chat_leases (
            chat TEXT PRIMARY KEY,
            owner TEXT NOT NULL,
            token BIGINT NOT NULL,
            acquired_at BIGINT NOT NULL,
            expires_at BIGINT NOT NULL
        );
        CREATE INDEX chat_leases_by_expiry ON chat_leases (expires_at);
        CREATE INDEX chat_leases_by_owner ON chat_leases (owner);
        CREATE FUNCTION parley_now_ms() RETURNS BIGINT LANGUAGE sql VOLATILE AS
            $$ SELECT (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT $$;
        """#,
        // 4: the rest of the store shared by instances (PGStore+Outbox, +Gallery, +Retention,
        // +Breakers). The outbox: each send and hand-out names its sending line (WhatsApp
        // number; '' for the one an engine sends through); `version` (from outbox_versions,
        // assigned under the line's row lock in outbox_lines) orders every change the
        // scheduler must see, so each instance replays the others' changes since its last
        // look; outbox_log gets an ordered `seq` for the same. outbox_lines holds the line's
        // shared scheduler state (throttle, jitter gap) and is the lock of its next_batch.
        // The gallery by chat and time. Retention: parley_drop_partitions_counted drops months
        // like parley_drop_partitions, keeps a month with a message that arrived after
        // `received_before` (history re-delivered lately), and says how many rows each held.
        // Breakers: one row per breaker, times on the database's clock.
        #"""
        ALTER TABLE outbox ADD COLUMN line TEXT NOT NULL DEFAULT '';
        ALTER TABLE outbox ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
        CREATE SEQUENCE outbox_versions AS BIGINT;
        CREATE INDEX outbox_changes ON outbox (line, version);
        CREATE INDEX outbox_active_by_line ON outbox (line, id) WHERE state IN ('queued', 'leased');
        ALTER TABLE outbox_log ADD COLUMN seq BIGINT GENERATED ALWAYS AS IDENTITY;
        ALTER TABLE outbox_log ADD COLUMN line TEXT NOT NULL DEFAULT '';
        CREATE INDEX outbox_log_by_line ON outbox_log (line, seq);
        CREATE INDEX outbox_log_by_line_time ON outbox_log (line, at);
        CREATE TABLE outbox_lines (
            line TEXT PRIMARY KEY,
            throttle DOUBLE PRECISION NOT NULL DEFAULT 1,
            throttle_at BIGINT NOT NULL DEFAULT 0,
            last_halved_at BIGINT,
            next_global_at BIGINT,
            updated_at BIGINT NOT NULL DEFAULT 0
        );

        CREATE INDEX media_refs_by_chat ON media_refs (chat, timestamp);

        CREATE FUNCTION parley_drop_partitions_counted(parent TEXT, before_ts BIGINT, received_before BIGINT)
        RETURNS TABLE (partition_name TEXT, row_count BIGINT)
        LANGUAGE plpgsql AS $$
        DECLARE
            part RECORD;
            lower_ts BIGINT;
            upper_ts BIGINT;
            keep BOOLEAN;
        BEGIN
            IF parent NOT IN ('messages', 'media_refs') THEN
                RAISE EXCEPTION 'parley_drop_partitions_counted: % is not partitioned by month', parent;
            END IF;
            PERFORM pg_advisory_xact_lock(1347571545, hashtext(parent));
            FOR part IN
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = parent::regclass AND c.relname ~ ('^' || parent || '_[0-9]{4}_[0-9]{2}$')
                ORDER BY c.relname
            LOOP
                lower_ts := extract(epoch FROM to_timestamp(right(part.relname, 7), 'YYYY_MM') AT TIME ZONE 'UTC')::BIGINT;
                lower_ts := parley_month_start(lower_ts + 86400);
                upper_ts := parley_next_month(lower_ts);
                CONTINUE WHEN upper_ts > before_ts;
                IF parent = 'messages' THEN
                    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE state IN (''received'', ''pending'', ''failed'') '
                                   'OR received_at >= %s)', part.relname, received_before) INTO keep;
                    CONTINUE WHEN keep;
                END IF;
                EXECUTE format('SELECT count(*) FROM %I', part.relname) INTO row_count;
                IF parent = 'messages' THEN
                    EXECUTE format('DELETE FROM message_keys WHERE seq IN (SELECT seq FROM %I)', part.relname);
                END IF;
                EXECUTE format('DROP TABLE %I', part.relname);
                partition_name := part.relname;
                RETURN NEXT;
            END LOOP;
        END $$;

        CREATE TABLE breakers (
            name TEXT PRIMARY KEY,
            state TEXT NOT NULL,
            generation BIGINT NOT NULL DEFAULT 0,
            opened_at BIGINT,
            retry_at BIGINT,
            probe_owner TEXT,
            probe_until BIGINT,
            opened_by TEXT,
            updated_at BIGINT NOT NULL
        );
        """#,
    ]

    /// Applies the steps this database lacks, then makes sure the months around `nowSeconds`
    /// have their partitions (`monthsAhead` behind and ahead). Returns the version reached.
    @discardableResult
    static func apply(to db: PGConnection, nowSeconds: Int64) throws(ParleyError) -> Int {
        try db.transaction { (db) throws(ParleyError) in
            try db.execute("""
                SELECT pg_advisory_xact_lock(\(migrationLock));
                CREATE TABLE IF NOT EXISTS parley_schema (version INTEGER NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now());
                """)
        }
        for version in 0..<steps.count {
            do {
                try db.transaction { (db) throws(ParleyError) in
                    try db.execute("SELECT pg_advisory_xact_lock(\(migrationLock))")
                    // Another instance may have applied this step while we waited for the lock.
                    let current = try Self.version(db)
                    guard current == version else {
                        if current > steps.count {
                            throw ParleyError(.storage, "the PostgreSQL store has schema version \(current), newer than this Parley (\(steps.count)); upgrade Parley")
                        }
                        return
                    }
                    try db.execute(steps[version])
                    try db.queryOnce("INSERT INTO parley_schema (version) VALUES ($1)", [.int(Int64(version + 1))])
                }
            } catch {
                throw ParleyError(error.kind, "migrating the PostgreSQL store to schema version \(version + 1) failed and was rolled back "
                                  + "(the store stays at version \(version)): \(error)")
            }
        }
        try ensurePartitions(db, aroundSeconds: nowSeconds)
        return try version(db)
    }

    static func version(_ db: PGConnection) throws(ParleyError) -> Int {
        let rows = try db.queryOnce("SELECT coalesce(max(version), 0) FROM parley_schema")
        return Int(rows.first?.int(0) ?? 0)
    }

    /// Creates the months from `monthsAhead` before `aroundSeconds` to `monthsAhead` after,
    /// for both partitioned tables; returns how many partitions were new. Run at open and by
    /// maintenance (monthly partitions must exist before their messages arrive, or those
    /// wait in the default partition).
    @discardableResult
    static func ensurePartitions(_ db: PGConnection, aroundSeconds: Int64) throws(ParleyError) -> Int {
        let from = aroundSeconds - Int64(monthsAhead) * 31 * 86_400
        let months = 2 * monthsAhead + 1
        var created = 0
        for table in ["messages", "media_refs"] {
            let rows = try db.transaction { (db) throws(ParleyError) in
                try db.queryOnce("SELECT parley_ensure_partitions($1, $2, $3)", [.text(table), .int(from), .int(Int64(months))])
            }
            created += Int(rows.first?.int(0) ?? 0)
        }
        return created
    }

    /// Retention: drops the months of `table` ("messages" or "media_refs") that ended by
    /// `beforeSeconds`; returns the partitions dropped. A month still holding unfinished
    /// messages is kept.
    static func dropPartitions(_ db: PGConnection, table: String, beforeSeconds: Int64) throws(ParleyError) -> [String] {
        let rows = try db.transaction { (db) throws(ParleyError) in
            try db.queryOnce("SELECT parley_drop_partitions($1, $2)", [.text(table), .int(beforeSeconds)])
        }
        return rows.rows.compactMap { $0.text(0) }
    }
}
