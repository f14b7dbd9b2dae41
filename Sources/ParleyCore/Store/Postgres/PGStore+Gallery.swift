#if canImport(Glibc)
import Glibc
#endif

/// The media gallery on PostgreSQL: the SQL of Gallery.swift with the same decisions.
/// `media_refs` is partitioned by month of the message's timestamp (retention drops months);
/// the text search is the generated `tsvector` of `media_items` ('simple' configuration, GIN
/// index) instead of FTS5. A message's thread is found through `message_keys`.
extension PGStore {
    func readMedia(sha256: String) throws(ParleyError) -> String? {
        try read { (db) throws(ParleyError) -> String? in
            try db.query("SELECT result FROM media_items WHERE sha256 = $1 AND status = 'read'", [.text(sha256)]).first?.text(0)
        }
    }

    /// The item upserted (a reading that was not final is replaced by a new one, except by
    /// "unread") with its row locked, then the message's reference (one per (chat, message):
    /// a reference under another timestamp, in another month, is moved).
    func recordMedia(_ item: Store.MediaItem, reference: Store.MediaReference, now: Int64) throws(ParleyError) {
        try transaction { (db) throws(ParleyError) in
            // DO UPDATE even when nothing changes: the row stays locked to this transaction,
            // so retention (FOR UPDATE SKIP LOCKED) cannot take the item away under the reference.
            guard let id = try db.query("""
                INSERT INTO media_items AS i (sha256, kind, mimetype, size, path, status, text, result, created_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                ON CONFLICT (sha256) DO UPDATE SET
                    kind = CASE WHEN i.status <> 'read' AND excluded.status <> 'unread' THEN excluded.kind ELSE i.kind END,
                    mimetype = CASE WHEN i.status <> 'read' AND excluded.status <> 'unread' THEN excluded.mimetype ELSE i.mimetype END,
                    path = CASE WHEN i.status <> 'read' AND excluded.status <> 'unread' THEN coalesce(excluded.path, i.path) ELSE i.path END,
                    text = CASE WHEN i.status <> 'read' AND excluded.status <> 'unread' THEN excluded.text ELSE i.text END,
                    result = CASE WHEN i.status <> 'read' AND excluded.status <> 'unread' THEN excluded.result ELSE i.result END,
                    status = CASE WHEN i.status <> 'read' AND excluded.status <> 'unread' THEN excluded.status ELSE i.status END
                RETURNING id
                """, [.text(item.sha256), .text(item.kind), item.mimetype.map(PGValue.text) ?? .null, .int(Int64(item.size)),
                      item.path.map(PGValue.text) ?? .null, .text(item.status.rawValue), .text(item.text), .text(item.result),
                      .int(now)]).first?.int(0) else {
                throw ParleyError(.storage, "the media item \(item.sha256) was neither stored nor found")
            }
            try db.query("DELETE FROM media_refs WHERE chat = $1 AND message_id = $2 AND timestamp <> $3",
                         [.text(reference.chat), .text(reference.messageID), .int(reference.timestamp)])
            try db.query("""
                INSERT INTO media_refs (chat, message_id, item, sender, timestamp, type, caption) VALUES ($1, $2, $3, $4, $5, $6, $7)
                ON CONFLICT (chat, message_id, timestamp) DO UPDATE SET item = excluded.item, sender = excluded.sender,
                    type = excluded.type, caption = excluded.caption
                """, [.text(reference.chat), .text(reference.messageID), .int(id), .text(reference.sender),
                      .int(reference.timestamp), .text(reference.type), .text(reference.caption)])
        }
    }

    /// The host's words as a tsquery: each word quoted (letters and digits only: no operator
    /// gets through), all required, the last one a prefix. Nil when there is no word.
    static func tsQuery(_ text: String) -> String? {
        let words = Store.searchWords(text)
        guard !words.isEmpty else { return nil }
        return words.enumerated().map { index, word in
            "'\(word.lowercased())'" + (index == words.count - 1 ? ":*" : "")
        }.joined(separator: " & ")
    }

    static let galleryFrom = """
        FROM media_refs r JOIN media_items i ON i.id = r.item
        LEFT JOIN message_keys k ON k.chat = r.chat AND k.id = r.message_id
        LEFT JOIN messages m ON m.seq = k.seq AND m.timestamp = k.timestamp
        """

    func gallery(_ query: Store.GalleryQuery) throws(ParleyError) -> [JSONValue] {
        var conditions: [String] = []
        var values: [PGValue] = []
        func add(_ condition: String, _ value: PGValue) {
            values.append(value)
            conditions.append(condition.replacing("$#", with: "$\(values.count)"))
        }
        if let chat = query.chat { add("r.chat = $#", .text(chat)) }
        if let thread = query.thread { add("m.thread = $#", .text(thread)) }
        if let sender = query.sender { add("r.sender = $#", .text(sender)) }
        if let kind = query.kind { add("i.kind = $#", .text(kind)) }
        if let since = query.since { add("r.timestamp >= $#", .int(since)) }
        if let until = query.until { add("r.timestamp <= $#", .int(until)) }
        if let text = query.text, let match = Self.tsQuery(text) {
            values.append(.text(match))
            values.append(.text(text.lowercased()))
            conditions.append("(i.search @@ to_tsquery('simple', $\(values.count - 1)) OR strpos(lower(r.caption), $\(values.count)) > 0)")
        }
        values.append(.int(Int64(query.limit)))
        values.append(.int(Int64(query.offset)))
        let sql = """
            SELECT i.sha256, i.kind, i.mimetype, i.size, i.path, i.status, i.text, i.result,
                   r.chat, r.message_id, r.sender, r.timestamp, r.type, r.caption, m.thread
            \(Self.galleryFrom)
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY r.timestamp DESC, r.chat, r.message_id LIMIT $\(values.count - 1) OFFSET $\(values.count)
            """
        let rows = try read { (db) throws(ParleyError) in try db.query(sql, values).rows }
        var entries: [JSONValue] = []
        entries.reserveCapacity(rows.count)
        for row in rows {
            var entry = JSONObject()
            entry.append("sha256", .string(row.text(0) ?? ""))
            entry.append("kind", .string(row.text(1) ?? ""))
            if let mimetype = row.text(2) { entry.append("mimetype", .string(mimetype)) }
            entry.append("size", .int(row.int(3) ?? 0))
            if let path = row.text(4) { entry.append("path", .string(path)) }
            entry.append("status", .string(row.text(5) ?? ""))
            entry.append("chat", .string(row.text(8) ?? ""))
            entry.append("messageId", .string(row.text(9) ?? ""))
            entry.append("sender", .string(row.text(10) ?? ""))
            entry.append("timestamp", .int(row.int(11) ?? 0))
            entry.append("type", .string(row.text(12) ?? ""))
            if let caption = row.text(13), !caption.isEmpty { entry.append("caption", .string(caption)) }
            if let thread = row.text(14) { entry.append("thread", .string(thread)) }
            entry.append("text", .string(row.text(6) ?? ""))
            if let result = row.text(7), let parsed = try? JSONParser.parse(result), let entities = parsed["entities"] {
                entry.append("entities", entities)
            }
            entries.append(.object(entry))
        }
        return entries
    }

    func galleryItem(sha256: String) throws(ParleyError) -> JSONValue {
        try read { (db) throws(ParleyError) -> JSONValue in
            guard let item = try db.query("""
                SELECT id, sha256, kind, mimetype, size, path, status, result, created_at FROM media_items WHERE sha256 = $1
                """, [.text(MediaHash.hex(sha256))]).first, let id = item.int(0) else {
                throw ParleyError(.notFound, "no media item with sha256 \(sha256)")
            }
            var entry = JSONObject()
            entry.append("sha256", .string(item.text(1) ?? ""))
            entry.append("kind", .string(item.text(2) ?? ""))
            if let mimetype = item.text(3) { entry.append("mimetype", .string(mimetype)) }
            entry.append("size", .int(item.int(4) ?? 0))
            if let path = item.text(5) { entry.append("path", .string(path)) }
            entry.append("status", .string(item.text(6) ?? ""))
            entry.append("firstSeen", .int(item.int(8) ?? 0))
            do {
                entry.append("result", try JSONParser.parse(item.text(7) ?? "{}"))
            } catch {
                throw ParleyError(.corrupt, "the stored reading of media \(item.text(1) ?? "") is not valid JSON")
            }
            var references: [JSONValue] = []
            for row in try db.query("""
                SELECT r.chat, r.message_id, r.sender, r.timestamp, r.type, r.caption, m.thread
                FROM media_refs r LEFT JOIN message_keys k ON k.chat = r.chat AND k.id = r.message_id
                LEFT JOIN messages m ON m.seq = k.seq AND m.timestamp = k.timestamp
                WHERE r.item = $1 ORDER BY r.timestamp, r.chat, r.message_id
                """, [.int(id)]).rows {
                var reference = JSONObject()
                reference.append("chat", .string(row.text(0) ?? ""))
                reference.append("messageId", .string(row.text(1) ?? ""))
                reference.append("sender", .string(row.text(2) ?? ""))
                reference.append("timestamp", .int(row.int(3) ?? 0))
                reference.append("type", .string(row.text(4) ?? ""))
                if let caption = row.text(5), !caption.isEmpty { reference.append("caption", .string(caption)) }
                if let thread = row.text(6) { reference.append("thread", .string(thread)) }
                references.append(.object(reference))
            }
            entry.append("messages", .array(references))
            return .object(entry)
        }
    }

    /// Retention of the gallery after the months were dropped: references from before
    /// `cutoff` whose message is gone (purged dead letters, months dropped with the messages'
    /// but not the references'), then items no reference names, with the files Parley kept
    /// for them. Items being referenced right now are locked by `recordMedia` and skipped.
    func purgeMedia(before cutoff: Int64, directory: String?) throws(ParleyError) -> Int {
        while try transaction({ (db) throws(ParleyError) -> Int in
            try db.query("""
                DELETE FROM media_refs WHERE (chat, message_id, timestamp) IN (
                    SELECT r.chat, r.message_id, r.timestamp FROM media_refs r WHERE r.timestamp < $1
                    AND NOT EXISTS (SELECT 1 FROM message_keys k WHERE k.chat = r.chat AND k.id = r.message_id) LIMIT $2)
                """, [.int(cutoff), .int(Int64(Store.retentionChunk))]).affected
        }) == Store.retentionChunk {}
        var deleted = 0
        while true {
            let orphans = try transaction { (db) throws(ParleyError) -> [(sha256: String, path: String?)] in
                try db.query("""
                    DELETE FROM media_items WHERE id IN (
                        SELECT id FROM media_items i WHERE NOT EXISTS (SELECT 1 FROM media_refs r WHERE r.item = i.id)
                        LIMIT $1 FOR UPDATE SKIP LOCKED)
                    RETURNING sha256, path
                    """, [.int(Int64(Store.retentionChunk))]).rows.map { ($0.text(0) ?? "", $0.text(1)) }
            }
            for orphan in orphans {
                guard let directory, let path = orphan.path, path == String(orphan.sha256.prefix(2)) + "/" + orphan.sha256 else { continue }
                unlink(directory + "/" + path)
            }
            deleted += orphans.count
            if orphans.count < Store.retentionChunk { return deleted }
        }
    }
}
