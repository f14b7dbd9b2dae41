/// What a document holds: its text (for the language stage), its structure (PDF pages, CSV
/// table, XLSX sheets) and the key-value fields found in it.
public struct DocumentResult: Sendable {
    public enum Kind: String, Sendable { case pdf, csv, xlsx }

    public var kind: Kind
    /// PDF: the pages' text, pages separated by a blank line. CSV/XLSX: one line per row,
    /// "header: value; header: value" when the table has a header row, else cells tab-separated.
    public var text: String
    /// 1.0 for born-digital text; for a scanned PDF, its OCR's mean word confidence (0 when
    /// it was not read).
    public var confidence: Double
    /// Key-value fields ("Tenant: John") as entities of type "field", value {key, value}.
    public var entities: [Entity]
    public var pages: [DocumentPage] = []
    public var sheets: [DocumentTable] = []
    public var table: DocumentTable?
    /// CSV only: the sniffed delimiter and text encoding.
    public var delimiter: String?
    public var encoding: String?
    /// A page, row or sheet limit left part of the document out.
    public var truncated = false
    /// A PDF with pages but no text layer: a scan, read by OCR when the engine has it.
    public var scanned = false
    /// How many of a scanned PDF's pages OCR read.
    public var ocrPages = 0
    /// PDF: title, author, pages, creationDate (ISO 8601); XLSX: sheets, date1904.
    public var metadata = JSONObject()
    public var milliseconds = 0.0

    public init(kind: Kind, text: String, confidence: Double = 1.0, entities: [Entity] = []) {
        self.kind = kind
        self.text = text
        self.confidence = confidence
        self.entities = entities
    }

    /// `{"text", "confidence", "kind", "pages" | "csv" | "sheets", "truncated", "scanned"?, "ocrPages"?,
    /// "metadata", "milliseconds"}` — no "entities" (the engine appends the merged list).
    public var json: JSONObject {
        var o = JSONObject()
        o.append("text", .string(text))
        o.append("confidence", .double(confidence))
        o.append("kind", .string(kind.rawValue))
        switch kind {
        case .pdf:
            o.append("pages", .array(pages.map { ["number": .int(Int64($0.number)), "text": .string($0.text)] }))
            if scanned { o.append("scanned", true) }
            if ocrPages > 0 { o.append("ocrPages", .int(Int64(ocrPages))) }
        case .csv:
            var csv = JSONObject()
            csv.append("delimiter", .string(delimiter ?? ","))
            csv.append("encoding", .string(encoding ?? "utf-8"))
            if let table {
                csv.append("header", table.header.map { .array($0.map(JSONValue.string)) } ?? .null)
                csv.append("rows", .array(table.rows.map(JSONValue.array)))
                csv.append("rowCount", .int(Int64(table.rowCount)))
            }
            o.append("csv", .object(csv))
        case .xlsx:
            o.append("sheets", .array(sheets.map { sheet in
                var s = JSONObject()
                s.append("name", .string(sheet.name))
                s.append("header", sheet.header.map { .array($0.map(JSONValue.string)) } ?? .null)
                s.append("rows", .array(sheet.rows.map(JSONValue.array)))
                s.append("rowCount", .int(Int64(sheet.rowCount)))
                return .object(s)
            }))
        }
        o.append("truncated", .bool(truncated))
        o.append("metadata", .object(metadata))
        o.append("milliseconds", .double((milliseconds * 1000).rounded() / 1000))
        return o
    }
}

/// One PDF page's text (`number` counts from 1).
public struct DocumentPage: Sendable, Equatable {
    public var number: Int
    public var text: String
}

/// A CSV file or an XLSX sheet: its first `maxResultRows` rows (a CSV's without its header
/// row, a sheet's all rows) (cells are strings, numbers,
/// booleans, ISO 8601 dates or null) and how many rows it has in all (up to the row limit).
public struct DocumentTable: Sendable, Equatable {
    public var name: String
    public var header: [String]?
    public var rows: [[JSONValue]]
    public var rowCount: Int
}
