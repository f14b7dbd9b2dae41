/// The entities that matter to a property manager, counted per chat: units and properties,
/// amounts, dates and times, phone numbers and e-mail addresses (always masked with LogMask,
/// whatever the report's `mask` option), addresses, sizes. Names of people are left out.
public struct EntityTally: Sendable {
    public struct Row: Sendable {
        public var type: String
        /// The text as shown: the first spelling seen, masked when it is a phone number or e-mail.
        public var text: String
        /// A short reading of the value ("250000 RWF", "2025-12-01"), when it says more than the text.
        public var value: String?
        public var count: Int
        /// Anchors of the first messages that named it.
        public var anchors: [String]
    }

    /// Types shown, in the table's order, with their heading.
    static let kinds: [(type: String, label: String)] = [
        ("unit", "Unit"), ("property", "Property"), ("neighbourhood", "Neighbourhood"), ("address", "Address"), ("money", "Amount"),
        ("receiptTotal", "Receipt total"), ("percentage", "Percentage"), ("receiptDate", "Receipt date"),
        ("date", "Date"), ("datetime", "Date and time"), ("time", "Time"), ("daterange", "Date range"),
        ("timerange", "Time range"), ("duration", "Duration"), ("recurrence", "Recurring"), ("bedrooms", "Bedrooms"),
        ("area", "Area"), ("phone", "Phone number"), ("email", "E-mail"),
    ]
    static let maxAnchors = 8
    static let maxRows = 200

    static func label(_ type: String) -> String {
        kinds.first { $0.type == type }?.label ?? type
    }

    private var rows: [String: Row] = [:]
    private var order: [String] = []

    init() {}

    /// Counts one entity of a message (a context's "entities" item).
    mutating func add(_ entity: JSONValue, anchor: String) {
        guard let type = entity["type"]?.stringValue, Self.kinds.contains(where: { $0.type == type }),
              let text = entity["text"]?.stringValue, !text.isEmpty else { return }
        let key = type + "\u{0}" + Self.normalized(text)
        if var row = rows[key] {
            row.count += 1
            if row.anchors.count < Self.maxAnchors, row.anchors.last != anchor { row.anchors.append(anchor) }
            rows[key] = row
            return
        }
        let sensitive = type == "phone" || type == "email"
        let shown = sensitive ? Self.masked(text) : text
        let value = sensitive ? nil : Self.reading(entity["value"], type: type, text: text)
        rows[key] = Row(type: type, text: shown, value: value, count: 1, anchors: [anchor])
        order.append(key)
    }

    /// The rows by kind (the table's order), most named first within a kind.
    var sortedRows: [Row] {
        let rank = Dictionary(uniqueKeysWithValues: Self.kinds.enumerated().map { ($1.type, $0) })
        let all = order.compactMap { rows[$0] }
        let sorted = all.enumerated().sorted { a, b in
            let ra = rank[a.element.type] ?? 99, rb = rank[b.element.type] ?? 99
            if ra != rb { return ra < rb }
            if a.element.count != b.element.count { return a.element.count > b.element.count }
            return a.offset < b.offset
        }
        return Array(sorted.prefix(Self.maxRows).map(\.element))
    }

    /// Case and spacing folded, so "Unit 4B" and "unit  4b" count as one.
    static func normalized(_ text: String) -> String {
        var out = ""
        var space = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isWhitespace { space = !out.isEmpty; continue }
            if space { out.unicodeScalars.append(" "); space = false }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// LogMask's form of a phone number or e-mail; a short number LogMask leaves alone keeps
    /// only its last two digits.
    static func masked(_ text: String) -> String {
        let masked = LogMask.mask(text)
        guard masked == text else { return masked }
        let digits = text.unicodeScalars.filter { $0.properties.numericType != nil }.count
        var seen = 0
        var out = ""
        for scalar in text.unicodeScalars {
            guard scalar.properties.numericType != nil else { out.unicodeScalars.append(scalar); continue }
            seen += 1
            out.unicodeScalars.append(seen > digits - 2 ? scalar : "*")
        }
        return out
    }

    /// "2025-11-24T20:00:00+02:00" → "2025-11-24 20:00" (the entity's own zone), or the date
    /// alone for a day; other strings (durations "P2M") as they are.
    static func shortISO(_ iso: String, granularity: String?) -> String {
        let scalars = Array(iso.unicodeScalars)
        guard scalars.count >= 10, scalars[4] == "-", scalars[7] == "-" else { return iso }
        var date = String(String.UnicodeScalarView(scalars[0..<10]))
        if granularity == "day" || granularity == "week" || granularity == "month" || granularity == "year" || scalars.count < 16 || scalars[10] != "T" { return date }
        date += " " + String(String.UnicodeScalarView(scalars[11..<16]))
        return date
    }

    /// A short reading of an entity's value when it adds to the text.
    static func reading(_ value: JSONValue?, type: String, text: String) -> String? {
        guard let value else { return nil }
        var reading: String?
        switch value {
        case .string(let s): reading = s
        case .int(let i): reading = String(i)
        case .double(let d): reading = ReportFormat.number(d)
        case .object:
            if let amount = value["amount"], let currency = value["currency"]?.stringValue {
                reading = (amount.doubleValue.map { ReportFormat.number($0) } ?? "") + " " + currency
            } else if let iso = value["iso"]?.stringValue ?? value["date"]?.stringValue {
                reading = shortISO(iso, granularity: value["granularity"]?.stringValue)
            } else if let start = value["start"], let end = value["end"] {
                let a = start["iso"]?.stringValue ?? start.stringValue ?? ""
                let b = end["iso"]?.stringValue ?? end.stringValue ?? ""
                if !a.isEmpty || !b.isEmpty { reading = a + " – " + b }
            } else if let rrule = value["rrule"]?.stringValue {
                reading = rrule
            } else if let normalized = value["normalized"]?.stringValue ?? value["value"]?.stringValue ?? value["name"]?.stringValue {
                reading = normalized
            }
        default: break
        }
        guard let reading, !reading.isEmpty, normalized(reading) != normalized(text) else { return nil }
        return reading
    }
}
