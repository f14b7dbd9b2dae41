/// An Office Open XML workbook (.xlsx): a ZIP of SpreadsheetML parts. Reads the sheet list
/// (xl/workbook.xml and its relationships), shared strings (rich text runs joined, phonetic
/// runs skipped), the styles that make a number a date (built-in formats 14–22 and 45–47,
/// custom formats with d/m/y/h outside quotes and brackets) and each sheet's cells.
struct XLSXReader {
    static func isWorkbook(_ zip: ZipArchive) -> Bool {
        zip.contains("[Content_Types].xml") && zip.contains("xl/workbook.xml")
    }

    static func read(_ zip: inout ZipArchive, limits: DocumentLimits) throws(ParleyError) -> DocumentResult {
        guard let workbook = try zip.read("xl/workbook.xml") else { throw ParleyError(.badMedia, "no xl/workbook.xml") }
        var sheets: [(name: String, relation: String)] = []
        var date1904 = false
        try XMLScanner.scan(workbook) { event throws(ParleyError) in
            if case .start(let name, let attributes, _) = event {
                if name == "sheet" {
                    sheets.append((attributes.value("name") ?? "Sheet\(sheets.count + 1)", attributes.value("id") ?? ""))
                } else if name == "workbookPr", let v = attributes.value("date1904") {
                    date1904 = v == "1" || v == "true"
                }
            }
            return true
        }
        var targets: [String: String] = [:]
        if let rels = try zip.read("xl/_rels/workbook.xml.rels") {
            try XMLScanner.scan(rels) { event throws(ParleyError) in
                if case .start("Relationship", let attributes, _) = event, let id = attributes.value("Id"),
                   let target = attributes.value("Target") {
                    targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
                }
                return true
            }
        }
        let strings = try sharedStrings(&zip)
        let dateStyles = try self.dateStyles(&zip)

        var result = DocumentResult(kind: .xlsx, text: "")
        var text = DocumentText(maxFields: limits.maxFields)
        var rowsLeft = limits.maxRows
        for (index, sheet) in sheets.enumerated() {
            if index >= limits.maxSheets || rowsLeft == 0 { result.truncated = true; break }
            let path = targets[sheet.relation] ?? "xl/worksheets/sheet\(index + 1).xml"
            guard let xml = try zip.read(path) else { throw ParleyError(.badMedia, "sheet \(sheet.name) is missing (\(path))") }
            var table = DocumentTable(name: sheet.name, header: nil, rows: [], rowCount: 0)
            // The header is decided on the first 21 rows; later rows stream into the text. As
            // for a CSV, a header row is in `header` only: `rows`, `rowCount` and maxRows are
            // data rows. The first row is read outside the row budget until it is known to be data.
            var pending: [[String]] = []
            var header: [String]?
            var decided = false
            var truncated = false
            var clipped = false
            func decide() {
                decided = true
                header = DocumentText.hasHeader(pending) ? pending.first : nil
                if header != nil {
                    if !table.rows.isEmpty { table.rows.removeFirst() }
                    table.rowCount -= 1
                } else if !pending.isEmpty {
                    if rowsLeft > 0 {
                        rowsLeft -= 1
                    } else {
                        // The budget ran out with the first row counted free: the last row is one too many.
                        if table.rows.count == table.rowCount { table.rows.removeLast() }
                        table.rowCount -= 1
                        pending.removeLast()
                        truncated = true
                    }
                }
                for r in pending.dropFirst(header == nil ? 0 : 1) { text.appendRow(r, header: header) }
                pending = []
            }
            if index > 0 { text.append("\n") }
            text.append("Sheet: \(sheet.name)\n")
            try readSheet(xml, strings: strings, dateStyles: dateStyles, date1904: date1904, limits: limits,
                          clipped: &clipped) { cells in
                if table.rowCount > 0 || decided {
                    if rowsLeft == 0 { truncated = true; return false }
                    rowsLeft -= 1
                }
                table.rowCount += 1
                if table.rows.count < limits.maxResultRows { table.rows.append(cells) }
                let row = cells.map(cellText)
                if decided {
                    text.appendRow(row, header: header)
                } else {
                    pending.append(row)
                    if pending.count == 21 { decide() }
                }
                return true
            }
            if !decided { decide() }
            if truncated || clipped { result.truncated = true }
            table.header = header
            result.sheets.append(table)
        }
        result.text = text.text
        result.entities = text.fields
        result.metadata.append("sheets", .int(Int64(sheets.count)))
        result.metadata.append("date1904", .bool(date1904))
        return result
    }

    /// A cell as text for the document's text: numbers without a needless ".0".
    static func cellText(_ value: JSONValue) -> String {
        switch value {
        case .null: return ""
        case .string(let s): return s
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .int(let i): return String(i)
        case .double(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        default: return ""
        }
    }

    private static func sharedStrings(_ zip: inout ZipArchive) throws(ParleyError) -> [String] {
        guard let xml = try zip.read("xl/sharedStrings.xml") else { return [] }
        var strings: [String] = []
        var current = ""
        var inItem = false, inText = false, phonetic = 0
        try XMLScanner.scan(xml) { event throws(ParleyError) in
            switch event {
            case .start("si", _, _): inItem = true; current = ""
            case .end("si"): inItem = false; strings.append(current)
            case .start("rPh", _, let selfClosing): if !selfClosing { phonetic += 1 }
            case .end("rPh"): phonetic = max(0, phonetic - 1)
            case .start("t", _, let selfClosing): inText = !selfClosing
            case .end("t"): inText = false
            case .text(let s) where inItem && inText && phonetic == 0: current += s
            default: break
            }
            return true
        }
        return strings
    }

    /// Which cell style indexes (cellXfs positions) format a number as a date or time.
    private static func dateStyles(_ zip: inout ZipArchive) throws(ParleyError) -> [Bool] {
        guard let xml = try zip.read("xl/styles.xml") else { return [] }
        var customDates: Set<Int> = []
        var styles: [Bool] = []
        var inCellXfs = false
        try XMLScanner.scan(xml) { event throws(ParleyError) in
            switch event {
            case .start("numFmt", let attributes, _):
                if let id = attributes.value("numFmtId").flatMap({ Int($0) }), let code = attributes.value("formatCode"),
                   isDateFormat(code) { customDates.insert(id) }
            case .start("cellXfs", _, _): inCellXfs = true
            case .end("cellXfs"): inCellXfs = false
            case .start("xf", let attributes, _) where inCellXfs:
                let id = attributes.value("numFmtId").flatMap { Int($0) } ?? 0
                styles.append((14...22).contains(id) || (45...47).contains(id) || customDates.contains(id))
            default: break
            }
            return true
        }
        return styles
    }

    /// d, m, y or h outside quoted text, bracketed colours/locales and escaped characters.
    static func isDateFormat(_ code: String) -> Bool {
        var inQuote = false, inBracket = false, escaped = false
        for c in code.unicodeScalars {
            if escaped { escaped = false; continue }
            if inQuote { if c == "\"" { inQuote = false }; continue }
            if inBracket { if c == "]" { inBracket = false }; continue }
            switch c {
            case "\"": inQuote = true
            case "[": inBracket = true
            case "\\", "_", "*": escaped = true
            case "d", "D", "m", "M", "y", "Y", "h", "H": return true
            default: break
            }
        }
        return false
    }

    /// Columns read per row: a cell at XFD1 in every row would otherwise fill 16,384 cells a row.
    static let maxColumns = 256

    /// Calls `row` with each row's cells (column gaps as null, at most `maxColumns`, `clipped`
    /// set when cells past it are dropped); stops when `row` returns false.
    private static func readSheet(_ xml: [UInt8], strings: [String], dateStyles: [Bool], date1904: Bool,
                                  limits: DocumentLimits, clipped: inout Bool,
                                  row: ([JSONValue]) throws(ParleyError) -> Bool) throws(ParleyError) {
        var cells: [JSONValue] = []
        var inRow = false
        var column = 0, type = "n", style = 0
        var value = "", inline = ""
        var inValue = false, inInline = false, inCell = false
        var rowsSeen = 0
        try XMLScanner.scan(xml) { event throws(ParleyError) in
            switch event {
            case .start("row", _, let selfClosing):
                inRow = true
                cells.removeAll(keepingCapacity: true)
                if selfClosing { inRow = false }
            case .end("row"):
                guard inRow else { return true }
                inRow = false
                rowsSeen += 1
                if rowsSeen & 255 == 0 { try limits.checkTime() }
                return try row(cells)
            case .start("c", let attributes, _):
                inCell = true
                type = attributes.value("t") ?? "n"
                style = attributes.value("s").flatMap { Int($0) } ?? 0
                column = attributes.value("r").map(columnIndex) ?? cells.count
                value = ""; inline = ""
            case .end("c"):
                guard inCell else { return true }
                inCell = false
                guard column < maxColumns else { clipped = true; return true }
                while cells.count < column { cells.append(.null) }
                let cell = convert(type: type, value: value, inline: inline, style: style,
                                   strings: strings, dateStyles: dateStyles, date1904: date1904)
                if column < cells.count { cells[column] = cell } else { cells.append(cell) }
            case .start("v", _, let selfClosing): inValue = inCell && !selfClosing
            case .end("v"): inValue = false
            case .start("t", _, let selfClosing): inInline = inCell && !selfClosing
            case .end("t"): inInline = false
            case .text(let s):
                if inValue { value += s } else if inInline { inline += s }
            default: break
            }
            return true
        }
    }

    private static func convert(type: String, value: String, inline: String, style: Int, strings: [String],
                                dateStyles: [Bool], date1904: Bool) -> JSONValue {
        switch type {
        case "s":
            guard let index = Int(value), strings.indices.contains(index) else { return .null }
            return .string(strings[index])
        case "inlineStr": return .string(inline)
        case "str", "e", "d": return .string(value)
        case "b": return .bool(value == "1" || value == "true")
        default:
            guard !value.isEmpty, let number = Double(value), number.isFinite else { return value.isEmpty ? .null : .string(value) }
            if style < dateStyles.count && dateStyles[style], let iso = isoDate(serial: number, date1904: date1904) {
                return .string(iso)
            }
            if number == number.rounded() && abs(number) < 9e15 { return .int(Int64(number)) }
            return .double(number)
        }
    }

    /// An Excel serial date as ISO 8601: "2026-03-01", "2026-03-01T14:30:00", or "14:30:00"
    /// for a time alone. Serials count days from 1899-12-31 with Lotus's phantom 1900-02-29
    /// (so from 1899-12-30 past it), or from 1904-01-01.
    static func isoDate(serial: Double, date1904: Bool) -> String? {
        guard serial >= 0 && serial < 2_958_466 else { return nil }  // up to 9999-12-31
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds >= 86_400 { days += 1; seconds -= 86_400 }
        let time = seconds == 0 ? "" : pad(seconds / 3600) + ":" + pad(seconds / 60 % 60) + ":" + pad(seconds % 60)
        if days == 0 && !date1904 { return time.isEmpty ? nil : time }
        let base = date1904 ? Civil.days(year: 1904, month: 1, day: 1)
            : (days >= 61 ? Civil.days(year: 1899, month: 12, day: 30) : Civil.days(year: 1899, month: 12, day: 31))
        let date = Civil.date(days: base + days)
        let iso = String(date.year) + "-" + pad(date.month) + "-" + pad(date.day)
        return time.isEmpty ? iso : iso + "T" + time
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }

    /// "B3" → 1 (columns count from 0).
    static func columnIndex(_ reference: String) -> Int {
        var column = 0
        for c in reference.utf8 {
            guard c >= 0x41 && c <= 0x5A else { break }
            column = column * 26 + Int(c - 0x40)
            if column > 16_384 { return 16_384 }
        }
        return max(0, column - 1)
    }
}

extension Array where Element == (name: String, value: String) {
    func value(_ name: String) -> String? {
        for a in self where a.name == name { return a.value }
        return nil
    }
}
