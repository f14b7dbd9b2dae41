/// Amounts written without a currency that a payment word makes money: "paid 50k yesterday",
/// "my budget is 450,000 max", "rent is 300k per month", "nimelipa 25,000", "Is 500k
/// negotiable?". Tenants leave the currency out when both sides know it; the configured
/// `currency` names it (none without one). A plain number needs the payment word just before
/// it; shorthand ("45k", "1.2m") one anywhere in the message. Without one a bare number stays
/// a number ("50k followers", "room 405"), and so does a plain one followed by a word not
/// known to end an amount ("paid 3 months", "rent for 2 people").
enum BareAmountScanner {
    /// At most this many small words between the payment word and the amount ("paid you
    /// already 50k", "the rent is 300k").
    static let maxFillers = 2
    /// Smaller bare numbers are counts, days or unit numbers more often than amounts.
    static let minimumAmount = 100.0

    static func scan(_ text: ScalarText, quantities: [Quantity], currency: String?, into candidates: inout [Candidate]) {
        var cueInMessage: Bool?
        for q in quantities where !q.glued && !q.words && q.double >= minimumAmount && !looksLikeIdentifier(text, q) {
            let next = text.firstToken(atOrAfter: q.end)
            let after = next < text.tokens.count && text.onlyBlanks(from: q.end, to: Int(text.tokens[next].start), maxBlanks: 2)
                ? text.tag(next) : nil
            if isShorthand(text, q) {
                // "45k", "1.2m": chat shorthand for amounts; one payment word anywhere in the
                // message settles it ("rent ya March, 45k", "anything under 300k?").
                if cueInMessage == nil {
                    cueInMessage = text.tokens.indices.contains { text.tag($0) == .moneyCue || text.tag($0) == .moneyCueAfter }
                }
                guard cueInMessage == true || after == .moneyCueAfter else { continue }
            } else {
                // What follows must end the amount: nothing, punctuation, or a word known to.
                if let after, !Self.ends(after) { continue }
                guard after == .moneyCueAfter || cueBefore(text, q) else { continue }
            }
            var object = JSONObject()
            object.append("amount", q.value)
            if let currency { object.append("currency", .string(currency)) }
            var end = q.end
            if let (name, periodEnd) = MoneyScanner.period(text, after: end) {
                object.append("period", .string(name))
                end = periodEnd
            }
            candidates.append(Candidate(type: "money", start: q.start, end: end, value: .object(object),
                                        confidence: currency == nil ? 0.6 : 0.75))
        }
    }

    /// A payment word before the amount, over at most `maxFillers` small words and nothing
    /// but blanks, ":" or "=" between.
    private static func cueBefore(_ text: ScalarText, _ q: Quantity) -> Bool {
        var t = text.firstToken(atOrAfter: q.start) - 1
        var gapEnd = q.start
        var fillers = 0
        while t >= 0 {
            let token = text.tokens[t]
            guard separatedOnlyByBlanksOrSigns(text, from: Int(token.end), to: gapEnd) else { return false }
            switch text.tag(t) {
            case .moneyCue: return true
            case .moneyFiller, .is, .my, .determiner, .of, .est, .ni:
                fillers += 1
                if fillers > maxFillers { return false }
            default: return false
            }
            gapEnd = Int(token.start)
            t -= 1
        }
        return false
    }

    private static func separatedOnlyByBlanksOrSigns(_ text: ScalarText, from: Int, to: Int) -> Bool {
        if to - from > 4 { return false }
        for i in from..<to where !text.isBlank(i) && text.ascii(i) != 0x3A && text.ascii(i) != 0x3D { return false }
        return true
    }

    /// Words after which an amount has ended ("paid 50k yesterday", "300k per month").
    private static func ends(_ tag: Lexicon.Tag) -> Bool {
        switch tag {
        case .moneyFollower, .moneyCueAfter, .moneyFiller, .per, .a, .kwa, .par, .pour, .pm, .pa, .monthly, .yearly,
             .weekly, .and, .is:
            return true
        default:
            return false
        }
    }

    /// A count with a thousands or millions letter: "45k", "1.2m", "300K".
    private static func isShorthand(_ text: ScalarText, _ q: Quantity) -> Bool {
        let last = text.ascii(q.end - 1) | 0x20
        return (last == 0x6B || last == 0x6D) && text.isDigit(q.end - 2)
    }

    /// Long unbroken digit runs are references, phone or account numbers, not amounts.
    private static func looksLikeIdentifier(_ text: ScalarText, _ q: Quantity) -> Bool {
        var run = 0
        for i in q.start..<q.end {
            if text.isDigit(i) {
                run += 1
                if run >= 8 { return true }
            } else {
                run = 0
            }
        }
        return text.ascii(q.start) == 0x30 && q.end - q.start > 1 && text.isDigit(q.start + 1)
    }
}
