#if canImport(Glibc)
import Glibc
#endif

/// The SQL of the media gallery (tables `media_items`, `media_refs`, `media_search`): every
/// media file once by content hash, with what its reader found, and every message that
/// carried it. A file read once is never read again: the same sticker or forwarded receipt
/// in another chat reuses the stored result.
extension Store {
    /// How a media item's reading went: `read` is final; the others are tried again when the
    /// file comes back (a reader was shed under load, or failed, or the kind has no reader).
    public enum MediaStatus: String, Sendable {
        case read, failed, skipped, unread
    }

    struct MediaItem: Sendable {
        let sha256: String
        let kind: String
        let mimetype: String?
        let size: Int
        let path: String?
        let status: MediaStatus
        let text: String
        /// The media block of the context, without the per-message fields.
        let result: String
    }

    struct MediaReference: Sendable {
        let chat: String
        let messageID: String
        let sender: String
        let timestamp: Int64
        let type: String
        let caption: String
    }

    /// The stored result of a file already read, if any.
    func readMedia(sha256: String) throws(ParleyError) -> String? {
        if let postgres { return try postgres.readMedia(sha256: sha256) }
        return try withConnection { db throws(ParleyError) in
            try db.statement("SELECT result FROM media_items WHERE sha256 = ?1 AND status = 'read'")
                .bind([.text(sha256)]).firstRow { $0.text(0) } ?? nil
        }
    }

    /// Records an item (a new reading replaces one that was not final) and a message that
    /// carried it, in one transaction.
    func recordMedia(_ item: MediaItem, reference: MediaReference, now: Int64) throws(ParleyError) {
        if let postgres { return try postgres.recordMedia(item, reference: reference, now: now) }
        return try withConnection { db throws(ParleyError) in
            try db.transaction { () throws(ParleyError) in
                let existing = try db.statement("SELECT id, status FROM media_items WHERE sha256 = ?1")
                    .bind([.text(item.sha256)]).firstRow { ($0.int(0), $0.text(1) ?? "") }
                let id: Int64
                if let existing {
                    id = existing.0
                    if existing.1 != MediaStatus.read.rawValue && item.status != .unread {
                        try db.statement("""
                            UPDATE media_items SET kind = ?2, mimetype = ?3, path = coalesce(?4, path), status = ?5,
                                text = ?6, result = ?7 WHERE id = ?1
                            """)
                            .bind([.int(id), .text(item.kind), item.mimetype.map(SQLiteValue.text) ?? .null,
                                   item.path.map(SQLiteValue.text) ?? .null, .text(item.status.rawValue), .text(item.text), .text(item.result)])
                            .run()
                        try db.statement("DELETE FROM media_search WHERE rowid = ?1").bind([.int(id)]).run()
                        try index(id, item.text, db)
                    }
                } else {
                    try db.statement("""
                        INSERT INTO media_items (sha256, kind, mimetype, size, path, status, text, result, created_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                        """)
                        .bind([.text(item.sha256), .text(item.kind), item.mimetype.map(SQLiteValue.text) ?? .null,
                               .int(Int64(item.size)), item.path.map(SQLiteValue.text) ?? .null, .text(item.status.rawValue),
                               .text(item.text), .text(item.result), .int(now)])
                        .run()
                    id = db.lastInsertRowID
                    try index(id, item.text, db)
                }
                try db.statement("""
                    INSERT OR REPLACE INTO media_refs (chat, message_id, item, sender, timestamp, type, caption)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                    """)
                    .bind([.text(reference.chat), .text(reference.messageID), .int(id), .text(reference.sender),
                           .int(reference.timestamp), .text(reference.type), .text(reference.caption)])
                    .run()
            }
        }
    }

    private func index(_ id: Int64, _ text: String, _ db: SQLiteConnection) throws(ParleyError) {
        guard !text.isEmpty else { return }
        try db.statement("INSERT INTO media_search (rowid, text) VALUES (?1, ?2)").bind([.int(id), .text(text)]).run()
    }

    /// What a gallery query may ask for; every field narrows the answer.
    public struct GalleryQuery: Sendable {
        public var chat: String?
        public var thread: String?
        public var sender: String?
        public var kind: String?
        /// Unix seconds, inclusive.
        public var since: Int64?
        public var until: Int64?
        /// Words of the extracted text (all of them, any order, prefixes of the last one) or of
        /// the caption.
        public var text: String?
        public var limit = 100
        public var offset = 0

        public init() {}
    }

    /// Messages' media, newest first: one entry per message that carried a file.
    func gallery(_ query: GalleryQuery) throws(ParleyError) -> [JSONValue] {
        if let postgres { return try postgres.gallery(query) }
        var conditions: [String] = []
        var values: [SQLiteValue] = []
        func add(_ condition: String, _ value: SQLiteValue) {
            values.append(value)
            conditions.append(condition.replacingPlaceholder(values.count))
        }
        if let chat = query.chat { add("r.chat = ?#", .text(chat)) }
        if let thread = query.thread { add("m.thread = ?#", .text(thread)) }
        if let sender = query.sender { add("r.sender = ?#", .text(sender)) }
        if let kind = query.kind { add("i.kind = ?#", .text(kind)) }
        if let since = query.since { add("r.timestamp >= ?#", .int(since)) }
        if let until = query.until { add("r.timestamp <= ?#", .int(until)) }
        if let text = query.text, let match = Self.ftsQuery(text) {
            values.append(.text(match))
            values.append(.text(text.lowercased()))
            conditions.append("(i.id IN (SELECT rowid FROM media_search WHERE media_search MATCH ?\(values.count - 1)) "
                              + "OR instr(lower(r.caption), ?\(values.count)) > 0)")
        }
        values.append(.int(Int64(query.limit)))
        values.append(.int(Int64(query.offset)))
        let sql = """
            SELECT i.sha256, i.kind, i.mimetype, i.size, i.path, i.status, i.text, i.result,
                   r.chat, r.message_id, r.sender, r.timestamp, r.type, r.caption, m.thread
            FROM media_refs r JOIN media_items i ON i.id = r.item
            LEFT JOIN messages m ON m.chat = r.chat AND m.id = r.message_id
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY r.timestamp DESC, r.chat, r.message_id LIMIT ?\(values.count - 1) OFFSET ?\(values.count)
            """
        return try withConnection { db throws(ParleyError) in
            var rows: [JSONValue] = []
            try db.statement(sql).bind(values).forEachRow { row in
                var entry = JSONObject()
                entry.append("sha256", .string(row.text(0) ?? ""))
                entry.append("kind", .string(row.text(1) ?? ""))
                if let mimetype = row.text(2) { entry.append("mimetype", .string(mimetype)) }
                entry.append("size", .int(row.int(3)))
                if let path = row.text(4) { entry.append("path", .string(path)) }
                entry.append("status", .string(row.text(5) ?? ""))
                entry.append("chat", .string(row.text(8) ?? ""))
                entry.append("messageId", .string(row.text(9) ?? ""))
                entry.append("sender", .string(row.text(10) ?? ""))
                entry.append("timestamp", .int(row.int(11)))
                entry.append("type", .string(row.text(12) ?? ""))
                if let caption = row.text(13), !caption.isEmpty { entry.append("caption", .string(caption)) }
                if let thread = row.text(14) { entry.append("thread", .string(thread)) }
                entry.append("text", .string(row.text(6) ?? ""))
                if let result = row.text(7), let parsed = try? JSONParser.parse(result), let entities = parsed["entities"] {
                    entry.append("entities", entities)
                }
                rows.append(.object(entry))
            }
            return rows
        }
    }

    /// One file with its full reading and every message that carried it.
    func galleryItem(sha256: String) throws(ParleyError) -> JSONValue {
        if let postgres { return try postgres.galleryItem(sha256: sha256) }
        return try withConnection { db throws(ParleyError) in
            guard let item = try db.statement("""
                SELECT id, sha256, kind, mimetype, size, path, status, result, created_at FROM media_items WHERE sha256 = ?1
                """).bind([.text(MediaHash.hex(sha256))]).firstRow({ row in
                    (row.int(0), row.text(1) ?? "", row.text(2) ?? "", row.text(3), row.int(4), row.text(5),
                     row.text(6) ?? "", row.text(7) ?? "{}", row.int(8))
                })
            else { throw ParleyError(.notFound, "no media item with sha256 \(sha256)") }
            var entry = JSONObject()
            entry.append("sha256", .string(item.1))
            entry.append("kind", .string(item.2))
            if let mimetype = item.3 { entry.append("mimetype", .string(mimetype)) }
            entry.append("size", .int(item.4))
            if let path = item.5 { entry.append("path", .string(path)) }
            entry.append("status", .string(item.6))
            entry.append("firstSeen", .int(item.8))
            do {
                entry.append("result", try JSONParser.parse(item.7))
            } catch {
                throw ParleyError(.corrupt, "the stored reading of media \(item.1) is not valid JSON")
            }
            var references: [JSONValue] = []
            try db.statement("""
                SELECT r.chat, r.message_id, r.sender, r.timestamp, r.type, r.caption, m.thread
                FROM media_refs r LEFT JOIN messages m ON m.chat = r.chat AND m.id = r.message_id
                WHERE r.item = ?1 ORDER BY r.timestamp, r.chat, r.message_id
                """).bind([.int(item.0)]).forEachRow { row in
                var reference = JSONObject()
                reference.append("chat", .string(row.text(0) ?? ""))
                reference.append("messageId", .string(row.text(1) ?? ""))
                reference.append("sender", .string(row.text(2) ?? ""))
                reference.append("timestamp", .int(row.int(3)))
                reference.append("type", .string(row.text(4) ?? ""))
                if let caption = row.text(5), !caption.isEmpty { reference.append("caption", .string(caption)) }
                if let thread = row.text(6) { reference.append("thread", .string(thread)) }
                references.append(.object(reference))
            }
            entry.append("messages", .array(references))
            return .object(entry)
        }
    }

    /// Retention of the gallery: references to messages no longer stored (purged or archived)
    /// from before `cutoff`, then the items no reference names, with the files Parley kept for
    /// them under their hash in `directory` (files the host put there are the host's). In
    /// chunks, like the journal's retention. Returns the items deleted.
    func purgeMedia(before cutoff: Int64, directory: String?) throws(ParleyError) -> Int {
        if let postgres { return try postgres.purgeMedia(before: cutoff, directory: directory) }
        while try withConnection({ db throws(ParleyError) -> Int in
            try db.transaction { () throws(ParleyError) -> Int in
                try db.statement("""
                    DELETE FROM media_refs WHERE (chat, message_id) IN (
                        SELECT chat, message_id FROM media_refs r WHERE timestamp < ?1
                        AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.chat = r.chat AND m.id = r.message_id) LIMIT ?2)
                    """).bind([.int(cutoff), .int(Int64(Self.retentionChunk))]).run()
                return db.changes
            }
        }) == Self.retentionChunk {}
        var deleted = 0
        while true {
            let orphans = try withConnection { db throws(ParleyError) -> [(id: Int64, sha256: String, path: String?)] in
                try db.transaction { () throws(ParleyError) -> [(id: Int64, sha256: String, path: String?)] in
                    var found: [(id: Int64, sha256: String, path: String?)] = []
                    try db.statement("""
                        SELECT id, sha256, path FROM media_items i
                        WHERE NOT EXISTS (SELECT 1 FROM media_refs r WHERE r.item = i.id) LIMIT ?1
                        """).bind([.int(Int64(Self.retentionChunk))]).forEachRow { found.append(($0.int(0), $0.text(1) ?? "", $0.text(2))) }
                    for orphan in found {
                        try db.statement("DELETE FROM media_search WHERE rowid = ?1").bind([.int(orphan.id)]).run()
                        try db.statement("DELETE FROM media_items WHERE id = ?1").bind([.int(orphan.id)]).run()
                    }
                    return found
                }
            }
            for orphan in orphans {
                // Only the files Parley named after their hash: a host's own file keeps its name.
                guard let directory, let path = orphan.path, path == String(orphan.sha256.prefix(2)) + "/" + orphan.sha256 else { continue }
                unlink(directory + "/" + path)
            }
            deleted += orphans.count
            if orphans.count < Self.retentionChunk { return deleted }
        }
    }

    /// The words of a host's search text (letters and digits only: no query operator gets
    /// through), shared by the FTS5 and the PostgreSQL tsquery forms.
    static func searchWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The host's words as an FTS5 query: each word quoted (no operator injection), all
    /// required, the last one a prefix (search-as-you-type). Nil when there is no word.
    static func ftsQuery(_ text: String) -> String? {
        let words = searchWords(text)
        guard !words.isEmpty else { return nil }
        return words.enumerated().map { index, word in
            "\"\(word)\"" + (index == words.count - 1 ? "*" : "")
        }.joined(separator: " ")
    }
}

private extension String {
    /// "x = ?#" with the placeholder's number.
    func replacingPlaceholder(_ number: Int) -> String {
        var out = ""
        for character in self { if character == "#" { out += String(number) } else { out.append(character) } }
        return out
    }
}
