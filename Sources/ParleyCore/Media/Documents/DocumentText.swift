/// Builds a document's text line by line, counting Unicode scalars as it goes so the fields
/// found on the way get their offsets, and finds key-value fields ("Tenant: John").
struct DocumentText {
    private(set) var text = ""
    private(set) var scalars = 0
    private(set) var fields: [Entity] = []
    let maxFields: Int

    init(maxFields: Int) { self.maxFields = maxFields }

    mutating func append(_ s: String) {
        text += s
        scalars += s.unicodeScalars.count
    }

    /// One table row: "header: value; header: value" under a header row, else the cells
    /// tab-separated, and a field when the row is a label and one value ("Rent | RWF 350,000").
    mutating func appendRow(_ cells: [String], header: [String]?) {
        var last = cells.count
        while last > 0 && cells[last - 1].isEmpty { last -= 1 }
        guard last > 0 else { return }
        if let header {
            var line = ""
            for k in 0..<last where !cells[k].isEmpty {
                if !line.isEmpty { line += "; " }
                if k < header.count && !header[k].isEmpty { line += header[k] + ": " }
                line += cells[k]
            }
            append(line + "\n")
            return
        }
        let line = cells[0..<last].joined(separator: "\t")
        let filled = cells[0..<last].filter { !$0.isEmpty }
        if filled.count == 2, !cells[0].isEmpty, fields.count < maxFields, let key = Self.label(cells[0]) {
            let length = line.unicodeScalars.count
            fields.append(Self.field(key: key, value: filled[1], text: line, start: scalars, end: scalars + length))
        }
        append(line + "\n")
    }

    /// Fields in free text: lines "Key: value" whose key is a short label (1–6 words,
    /// starting with a letter) — "Tenant: John", "Start date: 1 March 2026"; not "Viewing at
    /// 10:30", not "https://…".
    static func fields(in text: String, max: Int) -> [Entity] {
        var found: [Entity] = []
        var line: [Unicode.Scalar] = []
        var offset = 0
        func flush(_ line: [Unicode.Scalar], _ lineStart: Int) {
            guard found.count < max, let colon = line.firstIndex(of: ":") else { return }
            var ks = 0
            while ks < colon && line[ks].properties.isWhitespace { ks += 1 }
            var vs = colon + 1
            while vs < line.count && line[vs].properties.isWhitespace { vs += 1 }
            var ve = line.count
            while ve > vs && line[ve - 1].properties.isWhitespace { ve -= 1 }
            guard ve > vs, ve - vs <= 200, !(vs == colon + 1 && vs < line.count && line[vs] == "/") else { return }
            // "at 10:30" is a time, not a field.
            if colon > 0, colon + 1 < line.count, line[colon - 1].properties.numericType != nil,
               line[colon + 1].properties.numericType != nil { return }
            var keyString = String.UnicodeScalarView()
            keyString.append(contentsOf: line[ks..<colon])
            guard let key = label(String(keyString)) else { return }
            var valueString = String.UnicodeScalarView()
            valueString.append(contentsOf: line[vs..<ve])
            var whole = String.UnicodeScalarView()
            whole.append(contentsOf: line[ks..<ve])
            found.append(field(key: key, value: String(valueString), text: String(whole), start: lineStart + ks, end: lineStart + ve))
        }
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\u{0C}" || scalar == "\r" {
                flush(line, offset - line.count)
                line.removeAll(keepingCapacity: true)
                if found.count >= max { break }
            } else {
                line.append(scalar)
            }
            offset += 1
        }
        flush(line, offset - line.count)
        return found
    }

    /// A short label: 1–40 scalars, 1–6 words, starting with a letter; a trailing ":" dropped.
    static func label(_ raw: String) -> String? {
        var s = Substring(raw)
        while let last = s.last, last == ":" || last == " " { s = s.dropLast() }
        while let first = s.first, first == " " { s = s.dropFirst() }
        let scalars = s.unicodeScalars
        guard let first = scalars.first, first.properties.isAlphabetic, scalars.count <= 40 else { return nil }
        var words = 1
        for c in scalars where c == " " { words += 1 }
        guard words <= 6 else { return nil }
        return String(s)
    }

    static func field(key: String, value: String, text: String, start: Int, end: Int) -> Entity {
        Entity(type: "field", text: text, start: start, end: end,
               value: ["key": .string(key), "value": .string(value)], confidence: 0.9)
    }

    /// Whether the first row of `rows` is a header: every cell a non-numeric label, and the
    /// columns below it vote so (after Python's csv.Sniffer): a column of numbers under a
    /// word, or of values of one length under a label of another, says yes.
    static func hasHeader(_ rows: [[String]]) -> Bool {
        guard rows.count >= 2, let first = rows.first else { return false }
        var width = first.count
        while width > 0 && first[width - 1].isEmpty { width -= 1 }
        guard width >= 2 else { return false }
        for k in 0..<width where first[k].isEmpty || isNumberLike(first[k]) { return false }
        var votes = 0
        for k in 0..<width {
            var allNumbers = true, sameLength: Int? = nil, lengthsAgree = true, any = false
            for row in rows.dropFirst().prefix(20) where k < row.count && !row[k].isEmpty {
                any = true
                if !isNumberLike(row[k]) { allNumbers = false }
                let length = row[k].count
                if sameLength == nil { sameLength = length } else if sameLength != length { lengthsAgree = false }
            }
            guard any else { continue }
            if allNumbers { votes += 1 } else if lengthsAgree, let sameLength { votes += first[k].count != sameLength ? 1 : -1 }
        }
        return votes > 0
    }

    /// Digits with signs, separators and a currency symbol, no letters: "350,000", "-1.5",
    /// "2026-03-01", "$12".
    static func isNumberLike(_ s: String) -> Bool {
        var digits = 0
        for c in s.unicodeScalars {
            if c.properties.numericType != nil && c.value < 0x80 { digits += 1; continue }
            if c.properties.isAlphabetic { return false }
        }
        return digits > 0
    }
}
