/// The SQL of parked write-backs (table `writebacks`): the host's side effects (a Sheets row, a
/// CRM update) that could not run while their dependency's breaker was open, kept durably in
/// the order they were parked until the host confirms each was done.
extension Store {
    public struct WriteBack: Sendable {
        public let id: Int64
        public let dependency: String
        public let payload: String
        public let key: String?
        public let parkedAt: Int64
        public let attempts: Int
        public let lastError: String?
    }

    /// Parks a write-back; with a key already parked for the dependency, returns that one's
    /// id and stores nothing.
    func parkWriteBack(dependency: String, payload: String, key: String?, now: Int64) throws(ParleyError) -> (id: Int64, new: Bool) {
        if let postgres { return try postgres.parkWriteBack(dependency: dependency, payload: payload, key: key, now: now) }
        return try withConnection { db throws(ParleyError) in
            try db.transaction { () throws(ParleyError) -> (Int64, Bool) in
                if let key, let existing = try db.statement("SELECT seq FROM writebacks WHERE dependency = ?1 AND key = ?2")
                    .bind([.text(dependency), .text(key)]).firstRow({ $0.int(0) }) {
                    return (existing, false)
                }
                try db.statement("INSERT INTO writebacks (dependency, payload, key, parked_at) VALUES (?1, ?2, ?3, ?4)")
                    .bind([.text(dependency), .text(payload), key.map(SQLiteValue.text) ?? .null, .int(now)]).run()
                return (db.lastInsertRowID, true)
            }
        }
    }

    /// The oldest parked write-backs of a dependency (all dependencies when nil), in order.
    func parkedWriteBacks(dependency: String?, limit: Int) throws(ParleyError) -> [WriteBack] {
        if let postgres { return try postgres.parkedWriteBacks(dependency: dependency, limit: limit) }
        return try withConnection { db throws(ParleyError) in
            var found: [WriteBack] = []
            try db.statement("""
                SELECT seq, dependency, payload, key, parked_at, attempts, last_error FROM writebacks
                WHERE ?1 IS NULL OR dependency = ?1 ORDER BY dependency, seq LIMIT ?2
                """)
                .bind([dependency.map(SQLiteValue.text) ?? .null, .int(Int64(limit))])
                .forEachRow { row in
                    found.append(WriteBack(id: row.int(0), dependency: row.text(1) ?? "", payload: row.text(2) ?? "",
                                           key: row.text(3), parkedAt: row.int(4), attempts: Int(row.int(5)), lastError: row.text(6)))
                }
            return found
        }
    }

    /// Done: forgotten. Failed again: stays parked, first in line, its attempt and error noted.
    /// False when no such write-back is parked.
    func confirmWriteBack(id: Int64, ok: Bool, error: String?) throws(ParleyError) -> Bool {
        if let postgres { return try postgres.confirmWriteBack(id: id, ok: ok, error: error) }
        return try withConnection { db throws(ParleyError) in
            try db.transaction { () throws(ParleyError) -> Bool in
                if ok {
                    try db.statement("DELETE FROM writebacks WHERE seq = ?1").bind([.int(id)]).run()
                } else {
                    try db.statement("UPDATE writebacks SET attempts = attempts + 1, last_error = ?2 WHERE seq = ?1")
                        .bind([.int(id), error.map(SQLiteValue.text) ?? .null]).run()
                }
                return db.changes > 0
            }
        }
    }

    /// Parked write-backs per dependency.
    func parkedWriteBackCounts() throws(ParleyError) -> [String: Int] {
        if let postgres { return try postgres.parkedWriteBackCounts() }
        return try withConnection { db throws(ParleyError) in
            var counts: [String: Int] = [:]
            try db.statement("SELECT dependency, count(*) FROM writebacks GROUP BY dependency")
                .forEachRow { counts[$0.text(0) ?? ""] = Int($0.int(1)) }
            return counts
        }
    }
}
