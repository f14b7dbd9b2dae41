/// The SQL of idempotency claims (table `idempotency`): a host claims a key before a side
/// effect of its own (a sheet write-back, a payment confirmation) and does it only when the
/// claim is new, so a retried bot runs it once. Times are Unix milliseconds.
extension Store {
    /// Expired claims deleted per purge: bounded so a purge never stalls a claim.
    static let idempotencyPurgeBatch = 256

    /// Claims `key` until `expiresAt`: true when this call claimed it (no claim, or only an
    /// expired one, existed), false when an unexpired claim exists. Atomic: of any number of
    /// concurrent claimers, also in other processes sharing the file, exactly one gets true.
    /// `purge` also deletes a bounded batch of claims that expired by `now`.
    func claimIdempotencyKey(_ key: String, now: Int64, expiresAt: Int64, purge: Bool) throws(ParleyError) -> Bool {
        if let postgres { return try postgres.claimIdempotencyKey(key, now: now, expiresAt: expiresAt, purge: purge) }
        return try withConnection { db throws(ParleyError) in
            try db.transaction { () throws(ParleyError) -> Bool in
                try db.statement("""
                    INSERT INTO idempotency (key, claimed_at, expires_at) VALUES (?1, ?2, ?3)
                    ON CONFLICT (key) DO UPDATE SET claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
                    WHERE idempotency.expires_at <= ?2
                    """)
                    .bind([.text(key), .int(now), .int(expiresAt)]).run()
                // An upsert whose WHERE refused the update changes no row.
                let claimed = db.changes > 0
                if purge {
                    try db.statement("""
                        DELETE FROM idempotency WHERE key IN
                            (SELECT key FROM idempotency WHERE expires_at <= ?1 ORDER BY expires_at LIMIT ?2)
                        """)
                        .bind([.int(now), .int(Int64(Self.idempotencyPurgeBatch))]).run()
                }
                return claimed
            }
        }
    }

    /// Forgets a claim, expired or not; true when there was one.
    @discardableResult
    func releaseIdempotencyKey(_ key: String) throws(ParleyError) -> Bool {
        if let postgres { return try postgres.releaseIdempotencyKey(key) }
        return try withConnection { db throws(ParleyError) in
            try db.statement("DELETE FROM idempotency WHERE key = ?1").bind([.text(key)]).run()
            return db.changes > 0
        }
    }

    /// The claim on `key`, if one is stored (expired or not): (claimedAt, expiresAt).
    func idempotencyClaim(_ key: String) throws(ParleyError) -> (claimedAt: Int64, expiresAt: Int64)? {
        if let postgres { return try postgres.idempotencyClaim(key) }
        let row = try withConnection { db throws(ParleyError) -> [Int64]? in
            try db.statement("SELECT claimed_at, expires_at FROM idempotency WHERE key = ?1")
                .bind([.text(key)]).firstRow { [$0.int(0), $0.int(1)] }
        }
        return row.map { (claimedAt: $0[0], expiresAt: $0[1]) }
    }

    /// How many claims are stored, expired ones included.
    func idempotencyClaimCount() throws(ParleyError) -> Int {
        if let postgres { return try postgres.idempotencyClaimCount() }
        return try withConnection { db throws(ParleyError) in
            try db.statement("SELECT count(*) FROM idempotency").firstRow { Int($0.int(0)) } ?? 0
        }
    }
}
