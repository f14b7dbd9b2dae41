/// CSV and other delimited text (RFC 4180 quoting: quoted fields hold delimiters, newlines and
/// doubled quotes). The delimiter is sniffed among , ; tab | from the first lines.
enum CSVReader {
    static let candidates: [UInt8] = [0x2C, 0x3B, 0x09, 0x7C]
    /// Fields kept per record (a line of 50 MB of commas would otherwise be 50 million strings).
    static let maxFields = 1_024

    /// The delimiter, when the first lines of `utf8` look delimited: the candidate found the
    /// same number of times (at least once) on most lines, more often and more consistently
    /// than the others.
    static func sniff(_ utf8: [UInt8]) -> UInt8? {
        var counts: [[Int]] = Array(repeating: [], count: candidates.count)
        var current = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        var lines = 0
        var i = 0
        let end = min(utf8.count, 64 * 1024)
        var lineHasContent = false
        while i < end && lines < 30 {
            let b = utf8[i]
            if b == 0x22 { inQuotes.toggle() }
            if !inQuotes {
                if b == 0x0A {
                    if lineHasContent { for k in 0..<candidates.count { counts[k].append(current[k]) }; lines += 1 }
                    current = [Int](repeating: 0, count: candidates.count)
                    lineHasContent = false
                } else if let k = candidates.firstIndex(of: b) {
                    current[k] += 1
                }
            }
            if b != 0x0A && b != 0x0D && b != 0x20 { lineHasContent = true }
            i += 1
        }
        if lineHasContent && i == utf8.count { for k in 0..<candidates.count { counts[k].append(current[k]) }; lines += 1 }
        guard lines > 0 else { return nil }
        var best: (delimiter: UInt8, score: Double)?
        for k in 0..<candidates.count {
            // The most common count on a line, and how many lines have it.
            var frequency: [Int: Int] = [:]
            for c in counts[k] { frequency[c, default: 0] += 1 }
            guard let (mode, agree) = frequency.filter({ $0.key > 0 }).max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }) else { continue }
            let consistency = Double(agree) / Double(lines)
            guard consistency >= 0.6 else { continue }
            let score = consistency * 10 + Double(min(mode, 10)) / 10
            if best == nil || score > best!.score { best = (candidates[k], score) }
        }
        return best?.delimiter
    }

    /// Calls `row` with each record's fields until it returns false.
    static func records(_ utf8: [UInt8], delimiter: UInt8, limits: DocumentLimits,
                        _ row: ([String]) throws(ParleyError) -> Bool) throws(ParleyError) {
        var fields: [String] = []
        var field: [UInt8] = []
        var i = 0
        let n = utf8.count
        var records = 0
        var fieldStart = 0
        // A UTF-8 byte order mark left in the text.
        if n >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF { i = 3 }
        while i < n {
            // One field.
            field.removeAll(keepingCapacity: true)
            var quoted = false
            if utf8[i] == 0x22 {
                quoted = true
                i += 1
                while i < n {
                    let b = utf8[i]
                    if b == 0x22 {
                        if i + 1 < n && utf8[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                        i += 1
                        break
                    }
                    field.append(b)
                    i += 1
                }
                // Stray text after the closing quote is kept (lenient, as spreadsheets are).
                while i < n && utf8[i] != delimiter && utf8[i] != 0x0A && utf8[i] != 0x0D { field.append(utf8[i]); i += 1 }
            } else {
                fieldStart = i
                while i < n && utf8[i] != delimiter && utf8[i] != 0x0A && utf8[i] != 0x0D { i += 1 }
            }
            let text = quoted ? String(decoding: field, as: UTF8.self) : String(decoding: utf8[fieldStart..<i], as: UTF8.self)
            if fields.count < maxFields { fields.append(quoted ? text : trimmed(text)) }
            if i < n && utf8[i] == delimiter {
                i += 1
                if i == n {  // a delimiter ends the file: one last empty field
                    fields.append("")
                    records += 1
                    _ = try row(fields)
                    return
                }
                continue
            }
            // End of record: \n, \r\n or \r.
            if i < n && utf8[i] == 0x0D { i += 1 }
            if i < n && utf8[i] == 0x0A { i += 1 }
            if !(fields.count == 1 && fields[0].isEmpty) {  // blank lines are not records
                records += 1
                if records & 1023 == 0 { try limits.checkTime() }
                if try !row(fields) { return }
            }
            fields.removeAll(keepingCapacity: true)
        }
    }

    private static func trimmed(_ s: String) -> String {
        guard let first = s.utf8.first, let last = s.utf8.last, first == 0x20 || last == 0x20 else { return s }
        var sub = Substring(s)
        while sub.first == " " { sub = sub.dropFirst() }
        while sub.last == " " { sub = sub.dropLast() }
        return String(sub)
    }

    static func read(_ bytes: [UInt8], limits: DocumentLimits) throws(ParleyError) -> DocumentResult {
        let (utf8, encoding) = TextDecoding.decode(bytes)
        guard let delimiter = sniff(utf8) else {
            throw ParleyError(.unsupported, "text that is not delimited (not a CSV)")
        }
        var result = DocumentResult(kind: .csv, text: "")
        result.encoding = encoding
        result.delimiter = delimiter == 0x09 ? "\t" : String(UnicodeScalar(delimiter))
        var table = DocumentTable(name: "", header: nil, rows: [], rowCount: 0)
        var text = DocumentText(maxFields: limits.maxFields)
        var sample: [[String]] = []
        var header: [String]?
        var decided = false
        var pending: [[String]] = []
        func emit(_ fields: [String]) {
            table.rowCount += 1
            if table.rows.count < limits.maxResultRows { table.rows.append(fields.map(JSONValue.string)) }
            text.appendRow(fields, header: header)
        }
        try records(utf8, delimiter: delimiter, limits: limits) { fields in
            if !decided {
                // The header is decided on the first 21 records.
                pending.append(fields)
                if pending.count < 21 { return true }
                sample = pending
                header = DocumentText.hasHeader(sample) ? sample[0] : nil
                decided = true
                for r in pending.dropFirst(header == nil ? 0 : 1) {
                    if table.rowCount >= limits.maxRows { result.truncated = true; return false }
                    emit(r)
                }
                pending = []
                return true
            }
            if table.rowCount >= limits.maxRows { result.truncated = true; return false }
            emit(fields)
            return true
        }
        if !decided {
            header = DocumentText.hasHeader(pending) ? pending.first : nil
            for r in pending.dropFirst(header == nil ? 0 : 1) {
                if table.rowCount >= limits.maxRows { result.truncated = true; break }
                emit(r)
            }
        }
        table.header = header
        result.table = table
        result.text = text.text
        // Fields only for key-value tables (no header), never per cell of a data table.
        result.entities = header == nil ? text.fields : []
        result.metadata.append("rows", .int(Int64(table.rowCount)))
        result.metadata.append("columns", .int(Int64(header?.count ?? (table.rows.first?.count ?? 0))))
        return result
    }
}
