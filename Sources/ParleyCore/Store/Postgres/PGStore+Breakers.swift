/// Breakers shared by the instances on one database (table `breakers`, migration step 4): the
/// `SharedBreakerStore` of BreakerRegistry. Times are the database's clock (`parley_now_ms`), so
/// instances with different clocks agree on when an open period ends. Each statement is one
/// autocommitted UPDATE or INSERT whose WHERE decides: of several instances claiming the probe
/// at once, exactly one gets the row back.
extension PGStore: SharedBreakerStore {
    func sharedBreaker(_ name: String) throws(ParleyError) -> SharedBreakerView? {
        try read { (db) throws(ParleyError) -> SharedBreakerView? in
            guard let row = try db.query("""
                SELECT state, generation,
                       CASE state WHEN 'open' THEN retry_at - parley_now_ms() WHEN 'half_open' THEN probe_until - parley_now_ms() ELSE 0 END,
                       probe_owner
                FROM breakers WHERE name = $1
                """, [.text(name)]).first else { return nil }
            return SharedBreakerView(state: CircuitBreaker.State(rawValue: row.text(0) ?? "") ?? .closed, generation: row.int(1) ?? 0,
                                     remainingMillis: row.int(2) ?? 0, probeOwner: row.text(3))
        }
    }

    func publishOpen(_ name: String, owner: String, openMillis: Int64) throws(ParleyError) {
        try read { (db) throws(ParleyError) in
            try db.query("""
                INSERT INTO breakers AS b (name, state, generation, opened_at, retry_at, opened_by, updated_at)
                VALUES ($1, 'open', 1, parley_now_ms(), parley_now_ms() + $3, $2, parley_now_ms())
                ON CONFLICT (name) DO UPDATE SET state = 'open', generation = b.generation + 1, opened_at = excluded.opened_at,
                    retry_at = excluded.retry_at, probe_owner = NULL, probe_until = NULL, opened_by = $2, updated_at = excluded.updated_at
                WHERE b.state <> 'open'
                """, [.text(name), .text(owner), .int(openMillis)])
        }
    }

    func claimProbe(_ name: String, owner: String, openMillis: Int64) throws(ParleyError) -> Bool {
        try read { (db) throws(ParleyError) -> Bool in
            try db.query("""
                UPDATE breakers SET state = 'half_open', probe_owner = $2, probe_until = parley_now_ms() + $3, updated_at = parley_now_ms()
                WHERE name = $1 AND ((state = 'open' AND retry_at <= parley_now_ms()) OR (state = 'half_open' AND probe_until <= parley_now_ms()))
                """, [.text(name), .text(owner), .int(openMillis)]).affected > 0
        }
    }

    func publishClosed(_ name: String, owner: String) throws(ParleyError) {
        try read { (db) throws(ParleyError) in
            try db.query("""
                UPDATE breakers SET state = 'closed', generation = generation + 1, probe_owner = NULL, probe_until = NULL,
                    updated_at = parley_now_ms()
                WHERE name = $1 AND state = 'half_open' AND probe_owner = $2
                """, [.text(name), .text(owner)])
        }
    }
}
