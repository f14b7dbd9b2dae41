/// Receipt fields and meter readings in OCR'd text, as entities (source `.pattern`: they come
/// from line rules, not from a trained model):
/// - "merchant": among the first prominent lines (mostly letters, not a receipt heading, a greeting, a
///   date or a number), the registered name ("… SDN BHD", "… Ltd", "Name (123456-X)") if one is
///   there, else the first;
/// - "receiptDate": the first date ("12/03/2024", "2024-03-12", "12 Mar 2024", "Mar 12, 2024",
///   "09-JAN-17"; not digits run into a reference code), value {"iso", "text"} — numeric dates read
///   day first unless the day cannot be a month;
/// - "receiptTotal": the amount on the total line ("TOTAL", "Amount due", "Grand total", "Montant",
///   "À payer"; not a subtotal, discount, item count, pre-tax amount or tax line, nor a column total
///   of a tax summary after it), value {"amount", "currency"?} — the currency from the money the
///   entity extractor finds on that line (MoneyScanner and Currencies: symbols and ISO codes),
///   else from any other amount of the receipt;
/// - "meterReading": a run of digits next to "kWh", "m³"/"m3" or after "meter"/"reading"/"index",
///   value {"reading" (the digits as printed, leading zeros kept), "value" (number), "unit"?}.
/// Offsets count Unicode scalars of the text.
public enum ReceiptFields {
    static let extractor: EntityExtractor? = try? EntityExtractor(options: EntityOptions())

    struct Line {
        var scalars: [Unicode.Scalar]
        var start: Int  // offset of the line in the text's scalars
        var lower: String
    }

    static func lines(_ text: String) -> [Line] {
        var lines: [Line] = []
        var current: [Unicode.Scalar] = []
        var start = 0
        var offset = 0
        for s in text.unicodeScalars {
            if s == "\n" {
                lines.append(Line(scalars: current, start: start, lower: String(String.UnicodeScalarView(current)).lowercased()))
                current = []
                start = offset + 1
            } else {
                current.append(s)
            }
            offset += 1
        }
        lines.append(Line(scalars: current, start: start, lower: String(String.UnicodeScalarView(current)).lowercased()))
        return lines
    }

    public static func extract(_ text: String) -> [Entity] {
        guard !text.isEmpty, text.unicodeScalars.count <= 200_000 else { return [] }
        let lines = lines(text)
        var entities: [Entity] = []
        let looksLikeReceipt = lines.contains { line in
            receiptWords.contains { line.lower.contains($0) }
        }
        if let merchant = merchant(lines), looksLikeReceipt { entities.append(merchant) }
        if let date = date(lines), looksLikeReceipt || entities.isEmpty == false { entities.append(date) }
        if let total = total(lines, text: text) { entities.append(total) }
        entities += meterReadings(lines)
        entities.sort { $0.start < $1.start }
        return entities
    }

    static let receiptWords = ["total", "subtotal", "amount due", "balance due", "cash", "change", "receipt", "invoice",
                               "tax", "vat", "tva", "montant", "payer", "qty", "card", "visa", "mastercard", "paid", "item"]
    static let headings = ["receipt", "invoice", "welcome", "tax invoice", "reçu", "facture", "bienvenue", "copy", "duplicate"]

    // MARK: merchant

    /// The registered name when one of the top lines carries it (a company form or a registration
    /// number: the brand or mall name above it is not who issued the receipt), else the first name.
    static func merchant(_ lines: [Line]) -> Entity? {
        var first: Entity?
        for line in lines.prefix(6) {
            guard let (from, to) = nameSpan(line) else { continue }
            let name = String(String.UnicodeScalarView(line.scalars[from..<to]))
            let entity = Entity(type: "merchant", text: name, start: line.start + from, end: line.start + to,
                                value: .string(name), confidence: 0.6, source: .pattern)
            if isRegisteredName(line) { return entity }
            first = first ?? entity
        }
        return first
    }

    /// A prominent line's name span: mostly letters once a trailing registration number
    /// ("(1096317-P)") and enclosing brackets are set aside; not a heading or a slogan.
    static func nameSpan(_ line: Line) -> (Int, Int)? {
        var (from, to) = trimmedRange(line.scalars)
        if let open = registrationNumberStart(line.scalars, from, to) {
            to = open
            while to > from, line.scalars[to - 1] == " " { to -= 1 }
        }
        if to - from >= 2, line.scalars[from] == "(", line.scalars[to - 1] == ")" { from += 1; to -= 1 }
        var letters = 0, digits = 0, others = 0
        for s in line.scalars[from..<to] {
            if s.properties.isAlphabetic { letters += 1 } else if isDigit(s) { digits += 1 } else if s != " " { others += 1 }
        }
        guard letters >= 3, letters >= 2 * (digits + others) else { return nil }
        let lower = String(String.UnicodeScalarView(line.scalars[from..<to])).lowercased()
        // "Welcome to …", "*** Thank you ***", "Redeem points today!": greetings and promotions, not names.
        let firstWord = lower.split(whereSeparator: { !$0.isLetter }).first.map(String.init) ?? ""
        if headings.contains(lower) || greetings.contains(firstWord) || lower.contains("!") { return nil }
        return (from, to)
    }

    /// Where a trailing "(…)" holding a registration number (four digits or more) opens.
    static func registrationNumberStart(_ s: [Unicode.Scalar], _ from: Int, _ to: Int) -> Int? {
        guard to > from, s[to - 1] == ")", let open = s[from..<to].lastIndex(of: "("), open > from else { return nil }
        return s[open..<to].filter(isDigit).count >= 4 ? open : nil
    }

    static let greetings: Set<String> = ["welcome", "thank", "thanks", "please"]

    /// Words of a company's legal form ("Sdn Bhd", "S/B", "Ltd", "GmbH", "Pte"), which mark its registered name.
    static let companyForms: Set<String> = ["sdn", "bhd", "berhad", "ltd", "limited", "llc", "corp", "corporation", "gmbh", "sarl", "pty", "plc", "pte"]

    /// A company form or a registration number on a line that is not a labelled field ("Bill to: …").
    static func isRegisteredName(_ line: Line) -> Bool {
        if line.lower.contains(":") { return false }
        let (from, to) = trimmedRange(line.scalars)
        if registrationNumberStart(line.scalars, from, to) != nil { return true }
        return line.lower.contains("s/b") || line.lower.split(whereSeparator: { !$0.isLetter }).contains { companyForms.contains(String($0)) }
    }

    // MARK: date

    static let months: [(String, Int)] = [
        ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6), ("july", 7),
        ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12),
        ("janvier", 1), ("février", 2), ("fevrier", 2), ("mars", 3), ("avril", 4), ("mai", 5), ("juin", 6),
        ("juillet", 7), ("août", 8), ("aout", 8), ("septembre", 9), ("octobre", 10), ("novembre", 11), ("décembre", 12),
        ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9), ("sept", 9),
        ("oct", 10), ("nov", 11), ("dec", 12), ("fév", 2), ("avr", 4), ("juil", 7), ("déc", 12),
    ]

    static func date(_ lines: [Line]) -> Entity? {
        for line in lines {
            let s = line.scalars
            var i = 0
            while i < s.count {
                if isDigit(s[i]), i == 0 || !isDigit(s[i - 1]), let (iso, end) = numericDate(s, i) {
                    return dateEntity(line, i, end, iso)
                }
                if s[i].properties.isAlphabetic, i == 0 || !s[i - 1].properties.isAlphabetic, let (iso, start, end) = wordDate(s, i) {
                    return dateEntity(line, start, end, iso)
                }
                i += 1
            }
        }
        return nil
    }

    private static func dateEntity(_ line: Line, _ from: Int, _ to: Int, _ iso: String) -> Entity {
        let text = String(String.UnicodeScalarView(line.scalars[from..<to]))
        return Entity(type: "receiptDate", text: text, start: line.start + from, end: line.start + to,
                      value: ["iso": .string(iso), "text": .string(text)], confidence: 0.8, source: .pattern)
    }

    /// Digits from `i`: (value, end, digit count).
    static func number(_ s: [Unicode.Scalar], _ i: Int) -> (Int, Int, Int)? {
        var j = i, value = 0
        while j < s.count, isDigit(s[j]), j - i < 9 { value = value * 10 + Int(s[j].value - 48); j += 1 }
        return j > i ? (value, j, j - i) : nil
    }

    static func numericDate(_ s: [Unicode.Scalar], _ i: Int) -> (String, Int)? {
        guard let (a, e1, n1) = number(s, i), e1 < s.count else { return nil }
        let sep = s[e1]
        guard sep == "/" || sep == "-" || sep == "." else { return nil }
        guard let (b, e2, n2) = number(s, e1 + 1), e2 < s.count, s[e2] == sep, let (c, e3, n3) = number(s, e2 + 1) else { return nil }
        if e3 < s.count, isDigit(s[e3]) || s[e3].properties.isAlphabetic { return nil }
        if isGluedToCode(s, i, e3) { return nil }
        var year: Int, month: Int, day: Int
        if n1 == 4 {
            (year, month, day) = (a, b, c)
        } else {
            guard n1 <= 2, n2 <= 2, n3 == 2 || n3 == 4 else { return nil }
            year = n3 == 2 ? 2000 + c : c
            if b > 12 && a <= 12 { (month, day) = (a, b) } else { (day, month) = (a, b) }
        }
        guard (1...12).contains(month), (1...31).contains(day), (1970...2100).contains(year) else { return nil }
        return (iso(year, month, day), e3)
    }

    /// "SP-18/06/11-1019": digits run on with "-" or "/" into letters or digits on either side
    /// make an invoice or reference code, not a date.
    static func isGluedToCode(_ s: [Unicode.Scalar], _ from: Int, _ to: Int) -> Bool {
        func joiner(_ c: Unicode.Scalar) -> Bool { c == "-" || c == "/" }
        func word(_ c: Unicode.Scalar) -> Bool { isDigit(c) || c.properties.isAlphabetic }
        if from >= 2, joiner(s[from - 1]), word(s[from - 2]) { return true }
        return to + 1 < s.count && joiner(s[to]) && word(s[to + 1])
    }

    /// "12 Mar 2024", "12 March, 2024", "Mar 12, 2024", "March 12 2024", "09-JAN-2017", "22 Mar 18".
    static func wordDate(_ s: [Unicode.Scalar], _ i: Int) -> (String, Int, Int)? {
        var j = i
        while j < s.count, s[j].properties.isAlphabetic { j += 1 }
        let word = String(String.UnicodeScalarView(s[i..<j])).lowercased()
        guard let month = months.first(where: { $0.0 == word })?.1 else { return nil }
        // Blanks, commas, or the "-", "/", "." of "09-JAN-2017" between the parts.
        func gap(_ c: Unicode.Scalar) -> Bool { c == " " || c == "," || c == "-" || c == "/" || c == "." }
        func skipGap(_ p: Int) -> Int { var p = p; while p < s.count, gap(s[p]) { p += 1 }; return p }
        // Month first: "Mar 12, 2024".
        let k = skipGap(j)
        if let (day, e, nd) = number(s, k), nd <= 2, (1...31).contains(day) {
            if let (year, ye, ny) = number(s, skipGap(e)), ny == 4, (1970...2100).contains(year) { return (iso(year, month, day), i, ye) }
        }
        // Day first: "12 Mar 2024"; a two-digit year ("09-JAN-17") unless the digits go on as a
        // time or a price ("12 Mar 18:30", "5 May 12.50").
        var d = i - 1
        while d >= 0, gap(s[d]), s[d] != "," { d -= 1 }
        var ds = d
        while ds >= 0, isDigit(s[ds]) { ds -= 1 }
        ds += 1
        if ds <= d, let (day, _, nd) = number(s, ds), nd <= 2, (1...31).contains(day), let (year, ye, ny) = number(s, skipGap(j)) {
            if ny == 4, (1970...2100).contains(year) { return (iso(year, month, day), ds, ye) }
            if ny == 2, ye == s.count || ![":", ".", ","].contains(s[ye]) { return (iso(2000 + year, month, day), ds, ye) }
        }
        return nil
    }

    static func iso(_ y: Int, _ m: Int, _ d: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d))"
    }

    // MARK: total

    static let totalWords = ["grand total", "total due", "amount due", "balance due", "total ttc", "total", "amount",
                             "montant", "à payer", "a payer", "net à payer", "to pay", "balance", "totaal", "summe", "net amt"]

    /// Lines worded like a total that give another figure: a subtotal, a discount or saving, the
    /// amount before tax ("Total excl. GST", "Total HT") or the tax itself.
    static let otherFigures = ["subtotal", "sub total", "sub-total", "discount", "saving", "excl", "before tax", "total ht",
                               "total gst", "total tax", "total vat", "total tva",
                               // a mobile-money account's balance after the payment
                               "new balance", "balance is", "available balance", "account balance", "bal ", "solde"]

    /// The words of a payment confirmation (mobile money, bank SMS) just before the amount paid:
    /// "You have sent UGX 450,000 to …", "Confirmed. Ksh1,200.00 paid to …", "Umetuma Tsh 20,000".
    static let transactionWords = ["sent", "paid", "received", "payment of", "transferred", "transfer of", "deposit of",
                                   "withdrawn", "withdraw", "envoyé", "payé", "reçu", "transféré", "umetuma", "umepokea",
                                   "umelipa", "wohereje", "wakiriye", "wishyuye", "woherereje", "confirmed"]

    /// Words before a confirmation's other amounts: its fee and the balance left.
    static let notPaid = ["balance", "bal ", "solde", "fee", "charge", "cost", "frais", "commission"]

    /// The amount a payment confirmation names first after one of `transactionWords` (not a
    /// fee or a balance), as the money entity the language stage reads there.
    static func transactionAmount(_ text: String) -> Entity? {
        guard let extractor else { return nil }
        let scalars = Array(text.unicodeScalars)
        for money in extractor.extract(from: text, statistical: false) where money.type == "money" {
            let before = String(String.UnicodeScalarView(scalars[max(0, money.start - 32)..<money.start])).lowercased()
            guard transactionWords.contains(where: { before.contains($0) }),
                  !notPaid.contains(where: { before.suffix(16).contains($0) }),
                  case .object(let o) = money.value, let amount = o["amount"]?.doubleValue else { continue }
            var value = JSONObject([("amount", .double(amount))])
            if let code = o["currency"]?.stringValue { value.append("currency", .string(code)) }
            return Entity(type: "receiptTotal", text: money.text, start: money.start, end: money.end, value: .object(value),
                          confidence: 0.8, source: .pattern)
        }
        return nil
    }

    /// The total words a receipt's own total line uses ("TOTAL", "Amount due"), against the
    /// weaker "amount", "balance" or "montant", which a payment confirmation's amount beats.
    static let strongTotalRanks = 0..<6

    /// "TOTAL QTY: 3", "Total item(s): 2": a whole number by these words counts things, not money
    /// ("Grand total (3 items) 12.50" still names money).
    static let countWords = ["qty", "quantity", "item"]

    static func total(_ lines: [Line], text: String) -> Entity? {
        let onTotalLine = total(lines)
        if let onTotalLine, strongTotalRanks.contains(onTotalLine.rank) { return onTotalLine.entity }
        return transactionAmount(text) ?? onTotalLine?.entity
    }

    static func total(_ lines: [Line]) -> (entity: Entity, rank: Int)? {
        var best: (entity: Entity, rank: Int)?
        var receiptCurrency: String?
        for line in lines {
            if let money = extractor?.extract(from: String(String.UnicodeScalarView(line.scalars)), statistical: false)
                .first(where: { $0.type == "money" }), case .object(let o) = money.value, let code = o["currency"]?.stringValue {
                receiptCurrency = receiptCurrency ?? code
            }
        }
        for (index, line) in lines.enumerated() {
            // A summary after the total ("GST SUMMARY", "VAT analysis") has column totals of its own.
            if best != nil, line.lower.contains("summary") || line.lower.contains("analysis") { break }
            guard let lineRank = totalWords.firstIndex(where: { line.lower.contains($0) }) else { continue }
            // The amount is on the line, or alone on the next one.
            var candidates = [line]
            if index + 1 < lines.count, holdsOnlyAmount(lines[index + 1]) { candidates.append(lines[index + 1]) }
            for (k, target) in candidates.enumerated() {
                guard let (lastValue, lastFrom, to) = lastAmount(target.scalars) else { continue }
                let (amount, from) = joiningSplitThousands(target.scalars, lastValue, lastFrom, to)
                let words = k == 0 ? label(line.scalars, before: from).lowercased() : line.lower
                if otherFigures.contains(where: { words.contains($0) }) { break }
                if countWords.contains(where: { words.contains($0) }), !hasCents(target.scalars[from..<to]) { break }
                // "GST 6% included in total 0.24", "Total includes VAT": the tax in the total, a last resort.
                let rank = words.contains("included") || words.contains("includes") ? totalWords.count : lineRank
                var value = JSONObject([("amount", .double(amount))])
                let text = String(String.UnicodeScalarView(target.scalars))
                var currency: String?
                if let money = extractor?.extract(from: text, statistical: false).last(where: { $0.type == "money" }),
                   case .object(let o) = money.value {
                    currency = o["currency"]?.stringValue
                }
                if let code = currency ?? receiptCurrency ?? isoCode(in: target.lower) ?? isoCode(in: line.lower) { value.append("currency", .string(code)) }
                let entity = Entity(type: "receiptTotal", text: String(String.UnicodeScalarView(target.scalars[from..<to])),
                                    start: target.start + from, end: target.start + to, value: .object(value),
                                    confidence: k == 0 ? 0.85 : 0.7, source: .pattern)
                // The strongest total word wins; among equals, the last ("TOTAL" after items).
                if best == nil || rank <= best!.rank { best = (entity, rank) }
                break
            }
        }
        return best
    }

    /// Whether the text has a receipt's total line ("TOTAL", "Amount due") but no total amount
    /// can be read from it: the OCR lost the amount column.
    static func lostTotal(_ text: String) -> Bool {
        guard !text.isEmpty, text.unicodeScalars.count <= 200_000 else { return false }
        let lines = lines(text)
        let named = lines.contains { line in
            totalWords[strongTotalRanks].contains { line.lower.contains($0) } && !otherFigures.contains { line.lower.contains($0) }
        }
        return named && total(lines, text: text) == nil
    }

    /// OCR splits a total's thousands with a space ("TOTAL RWF 26, 300", "26 300"): three
    /// whole digits after one to three digits and ", " or " " are one amount (26,300).
    static func joiningSplitThousands(_ s: [Unicode.Scalar], _ value: Double, _ from: Int, _ to: Int) -> (Double, Int) {
        guard to - from == 3, value == value.rounded(), from >= 2, s[from - 1] == " " else { return (value, from) }
        var end = from - 1
        if s[end - 1] == "," { end -= 1 }
        var start = end
        while start > 0, isDigit(s[start - 1]) { start -= 1 }
        guard (1...3).contains(end - start), start == 0 || !(isDigit(s[start - 1]) || s[start - 1] == "." || s[start - 1] == ",") else {
            return (value, from)
        }
        var head = 0.0
        for d in s[start..<end] { head = head * 10 + Double(d.value - 48) }
        return (head * 1000 + value, start)
    }

    private static func isoCode(in lower: String) -> String? {
        for word in lower.split(whereSeparator: { !$0.isLetter }) where (3...4).contains(word.count) {
            let upper = word.uppercased()
            if let code = misreadCodes[upper] { return code }
            if Currencies.isoCodes.contains(upper), !Currencies.wordLikeCodes.contains(upper) { return upper }
        }
        return nil
    }

    /// Currency codes as OCR misreads them on till print (F read as E, W as VV, D as O), taken
    /// only on a total's line.
    private static let misreadCodes = ["RWE": "RWF", "RVVF": "RWF", "USO": "USD"]

    /// The words naming the amount that starts at `end`: the line back to the number before it, as
    /// two columns share a line ("TOTAL SAVING: 0.00  TOTAL 23.80"); a rate ("@ 6%") is part of them.
    static func label(_ s: [Unicode.Scalar], before end: Int) -> String {
        var start = end
        while start > 0 {
            guard isDigit(s[start - 1]) else { start -= 1; continue }
            let runEnd = start
            while start > 0, isDigit(s[start - 1]) { start -= 1 }
            if !isRate(s, runEnd) { start = runEnd; break }
        }
        return String(String.UnicodeScalarView(s[start..<end]))
    }

    /// "193.00", "RM 98.00", "$6.60 SR": one number, and letters for no more than a currency or tax code.
    static func holdsOnlyAmount(_ line: Line) -> Bool {
        var numbers = 0, letters = 0, inNumber = false
        for s in line.scalars {
            if isDigit(s) {
                if !inNumber { numbers += 1 }
                inNumber = true
                continue
            }
            if s.properties.isAlphabetic { letters += 1 }
            inNumber = inNumber && (s == "." || s == ",")
        }
        return numbers == 1 && letters <= 3
    }

    /// "12.50", "7,80": an amount printed with two decimals.
    static func hasCents(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        let digits = s.suffix(3)
        return digits.count == 3 && (digits.first == "." || digits.first == ",") && digits.dropFirst().allSatisfy(isDigit)
    }

    /// Whether the number ending at `end` is a rate ("6%", "6 %"), not an amount.
    static func isRate(_ s: [Unicode.Scalar], _ end: Int) -> Bool {
        end < s.count && (s[end] == "%" || s[end] == " " && end + 1 < s.count && s[end + 1] == "%")
    }

    /// The last decimal amount of a line ("12.50", "1,234.00", "12,50", "$ 7.5", "-5.09" on a credit
    /// note; not a rate such as "6%"): value, span.
    static func lastAmount(_ s: [Unicode.Scalar]) -> (Double, Int, Int)? {
        var found: (Double, Int, Int)?
        var i = 0
        while i < s.count {
            guard isDigit(s[i]), i == 0 || !isDigit(s[i - 1]) else { i += 1; continue }
            var j = i
            var digits: [Unicode.Scalar] = []
            var separators: [(Int, Unicode.Scalar)] = []
            while j < s.count {
                if isDigit(s[j]) { digits.append(s[j]); j += 1; continue }
                if (s[j] == "." || s[j] == ","), j + 1 < s.count, isDigit(s[j + 1]) { separators.append((digits.count, s[j])); j += 1; continue }
                break
            }
            var value = 0.0
            var hasDecimals = false
            if let last = separators.last, digits.count - last.0 == 2 {
                hasDecimals = true
                for d in digits[0..<last.0] { value = value * 10 + Double(d.value - 48) }
                value += Double((digits[last.0].value - 48) * 10 + (digits[last.0 + 1].value - 48)) / 100
            } else {
                for d in digits { value = value * 10 + Double(d.value - 48) }
            }
            // Whole numbers count without separators, or grouped in thousands ("377,500",
            // "1.250.000": currencies without cents); other separators look like dates or codes.
            let positions = separators.map(\.0)
            let thousands = !positions.isEmpty && separators.allSatisfy { $0.1 == separators[0].1 }
                && (1...3).contains(positions[0]) && digits.count - positions[positions.count - 1] == 3
                && zip(positions, positions.dropFirst()).allSatisfy { $1 - $0 == 3 }
            // A time of day ("5:42 PM", "20:16") is no amount.
            let isTime = (i > 0 && s[i - 1] == ":") || (j + 1 < s.count && s[j] == ":" && isDigit(s[j + 1]))
            if isTime { i = j; continue }
            // A minus sign of its own, not the hyphen of "03-6258" or "SP-120".
            let negative = i > 0 && s[i - 1] == "-" && (i == 1 || !(isDigit(s[i - 2]) || s[i - 2].properties.isAlphabetic))
            if (hasDecimals || separators.isEmpty || thousands) && digits.count <= 9 && !isRate(s, j) {
                found = negative ? (-value, i - 1, j) : (value, i, j)
            }
            i = j
        }
        return found
    }

    // MARK: meter readings

    static func meterReadings(_ lines: [Line]) -> [Entity] {
        var entities: [Entity] = []
        for (index, line) in lines.enumerated() {
            let lower = Array(line.lower.unicodeScalars)
            let hasCue = ["meter", "reading", "index", "compteur", "relevé", "releve"].contains { line.lower.contains($0) }
            let previousCue = index > 0 && ["meter", "reading", "index", "compteur"].contains { lines[index - 1].lower.contains($0) }
            let s = line.scalars
            var i = 0
            while i < s.count {
                guard isDigit(s[i]), i == 0 || !(isDigit(s[i - 1]) || s[i - 1] == "." || s[i - 1] == ",") else { i += 1; continue }
                var j = i
                while j < s.count, isDigit(s[j]) || (s[j] == " " && j + 1 < s.count && isDigit(s[j + 1]) && isDigit(s[j - 1])) { j += 1 }
                var end = j
                if j + 1 < s.count, s[j] == "." || s[j] == ",", isDigit(s[j + 1]) {
                    end = j + 1
                    while end < s.count, isDigit(s[end]) { end += 1 }
                }
                let digits = s[i..<j].filter { isDigit($0) }
                let unit = unitAfter(lower, end)
                if digits.count >= 3 && digits.count <= 9 && (unit != nil || ((hasCue || previousCue) && digits.count >= 4)),
                   !isSerialNumber(lower, before: i) {
                    let reading = String(String.UnicodeScalarView(s[i..<end].filter { $0 != " " }))
                    var numberText = reading
                    numberText = String(numberText.map { $0 == "," ? "." : $0 })
                    var value = JSONObject([("reading", .string(reading))])
                    if let n = Double(numberText) { value.append("value", .double(n)) }
                    var spanEnd = end
                    if let (name, unitEnd) = unit { value.append("unit", .string(name)); spanEnd = unitEnd }
                    entities.append(Entity(type: "meterReading", text: String(String.UnicodeScalarView(s[i..<spanEnd])),
                                           start: line.start + i, end: line.start + spanEnd, value: .object(value),
                                           confidence: unit != nil ? 0.8 : 0.6, source: .pattern))
                }
                i = max(end, i + 1)
            }
        }
        return entities
    }

    /// A number the words before it name as the meter's own ("METER No. 04216635", "S/N",
    /// "serial", "#"), not a reading.
    static func isSerialNumber(_ lower: [Unicode.Scalar], before i: Int) -> Bool {
        var k = i
        while k > 0, lower[k - 1] == " " || lower[k - 1] == ":" { k -= 1 }
        let before = String(String.UnicodeScalarView(lower[max(0, k - 7)..<k]))
        return ["no.", "no", "nº", "n°", "#", "s/n", "serial", "number", "num."].contains { before.hasSuffix($0) && (before.count == $0.count || before.unicodeScalars.dropLast($0.unicodeScalars.count).last.map { !$0.properties.isAlphabetic } ?? true) }
    }

    /// "kWh", "m³", "m3", "l", "gal" after a reading (a blank between allowed): the unit and the span's end.
    static func unitAfter(_ lower: [Unicode.Scalar], _ i: Int) -> (String, Int)? {
        var k = i
        while k < lower.count, lower[k] == " " { k += 1 }
        func has(_ word: String) -> Int? {
            let w = Array(word.unicodeScalars)
            guard k + w.count <= lower.count, Array(lower[k..<(k + w.count)]) == w else { return nil }
            if k + w.count < lower.count, lower[k + w.count].properties.isAlphabetic || isDigit(lower[k + w.count]) { return nil }
            return k + w.count
        }
        for (word, unit) in [("kwh", "kWh"), ("m³", "m³"), ("m3", "m³"), ("cu m", "m³"), ("gal", "gal"), ("litres", "l"), ("liters", "l")] {
            if let end = has(word) { return (unit, end) }
        }
        return nil
    }

    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }

    static func trimmedRange(_ s: [Unicode.Scalar]) -> (Int, Int) {
        var a = 0, b = s.count
        while a < b, s[a].properties.isWhitespace || s[a] == "*" || s[a] == "-" || s[a] == "=" { a += 1 }
        while b > a, s[b - 1].properties.isWhitespace || s[b - 1] == "*" || s[b - 1] == "-" || s[b - 1] == "=" { b -= 1 }
        return (a, b)
    }
}
