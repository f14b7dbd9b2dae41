/// Parked write-backs on PostgreSQL: the SQL of WriteBacks.swift with the same decisions. A key
/// parked twice (by two instances at once too) is one row: the unique (dependency, key) decides.
extension PGStore {
    func parkWriteBack(dependency: String, payload: String, key: String?, now: Int64) throws(ParleyError) -> (id: Int64, new: Bool) {
        try transaction { (db) throws(ParleyError) -> (id: Int64, new: Bool) in
            if let id = try db.query("""
                INSERT INTO writebacks (dependency, payload, key, parked_at) VALUES ($1, $2, $3, $4)
                ON CONFLICT (dependency, key) DO NOTHING RETURNING seq
                """, [.text(dependency), .text(payload), key.map(PGValue.text) ?? .null, .int(now)]).first?.int(0) {
                return (id, true)
            }
            guard let key, let existing = try db.query("SELECT seq FROM writebacks WHERE dependency = $1 AND key = $2",
                                                       [.text(dependency), .text(key)]).first?.int(0) else {
                throw ParleyError(.storage, "a write-back was neither parked nor found under its key")
            }
            return (existing, false)
        }
    }

    func parkedWriteBacks(dependency: String?, limit: Int) throws(ParleyError) -> [Store.WriteBack] {
        try read { (db) throws(ParleyError) -> [Store.WriteBack] in
            try db.query("""
                SELECT seq, dependency, payload, key, parked_at, attempts, last_error FROM writebacks
                WHERE $1::TEXT IS NULL OR dependency = $1 ORDER BY dependency, seq LIMIT $2
                """, [dependency.map(PGValue.text) ?? .null, .int(Int64(limit))]).rows.map { row in
                Store.WriteBack(id: row.int(0) ?? 0, dependency: row.text(1) ?? "", payload: row.text(2) ?? "", key: row.text(3),
                                parkedAt: row.int(4) ?? 0, attempts: Int(row.int(5) ?? 0), lastError: row.text(6))
            }
        }
    }

    func confirmWriteBack(id: Int64, ok: Bool, error: String?) throws(ParleyError) -> Bool {
        try read { (db) throws(ParleyError) -> Bool in
            if ok { return try db.query("DELETE FROM writebacks WHERE seq = $1", [.int(id)]).affected > 0 }
            return try db.query("UPDATE writebacks SET attempts = attempts + 1, last_error = $2 WHERE seq = $1",
                                [.int(id), error.map(PGValue.text) ?? .null]).affected > 0
        }
    }

    func parkedWriteBackCounts() throws(ParleyError) -> [String: Int] {
        try read { (db) throws(ParleyError) -> [String: Int] in
            var counts: [String: Int] = [:]
            for row in try db.query("SELECT dependency, count(*) FROM writebacks GROUP BY dependency").rows {
                counts[row.text(0) ?? ""] = Int(row.int(1) ?? 0)
            }
            return counts
        }
    }
}
