/// Amounts written without a currency that a payment word makes money: "paid 50k yesterday",
/// "my budget is 450,000 max", "rent is 300k per month", "nimelipa 25,000", "Is 500k
/// negotiable?". Tenants leave the currency out when both sides know it; the configured
/// `currency` names it (none without one). A plain number needs the payment word just before
/// it; shorthand ("45k", "1.2m") and thousands in words one anywhere in the message. Without one a bare number stays
/// a number ("50k followers", "room 405"), and so does a plain one followed by a word not
/// known to end an amount ("paid 3 months", "rent for 2 people"). Amounts in words count as
/// plain ones ("paid forty five thousand", "nimelipa elfu thelathini na tano"). A bound before a
/// plain number ("under 500,000", "chini ya 300,000", "moins de 300 000") makes it money when a
/// payment word is anywhere in the message: budgets are stated that way.
enum BareAmountScanner {
    /// At most this many small words between the payment word and the amount ("paid you
    /// already 50k", "the rent is 300k").
    static let maxFillers = 2
    /// Smaller bare numbers are counts, days or unit numbers more often than amounts.
    static let minimumAmount = 100.0

    /// `marked`: the candidates from this index on are money with a marker; an amount inside
    /// one is read already.
    static func scan(_ text: ScalarText, quantities: [Quantity], currency: String?, region: String,
                     into candidates: inout [Candidate], marked: Int) {
        let markedEnd = candidates.count
        var cached: Bool?
        func cueInMessage() -> Bool {
            if let cached { return cached }
            let found = text.tokens.indices.contains {
                let tag = text.tag($0)
                return tag == .moneyCue || tag == .moneyCueAfter || tag == .moneyContext
            }
            cached = found
            return found
        }
        for (index, found) in quantities.enumerated() where !found.glued {
            if candidates[marked..<markedEnd].contains(where: { $0.start <= found.start && found.end <= $0.end }) { continue }
            var q = found
            if let thousands = dotThousands(text, q) { q.value = thousands }
            // "20 to 25k", "300-450k": a range's start takes the scale of its end.
            let rangeEnd = rangeEnd(text, quantities, from: index)
            if let (scale, _) = rangeEnd { q.value = NumberWordScanner.number(q.double * NumberWordScanner.powers[scale]) }
            guard q.double >= minimumAmount, !looksLikeIdentifier(text, q), !isLoneScaleWord(text, q) else { continue }
            let next = text.firstToken(atOrAfter: q.end)
            let after = next < text.tokens.count && text.onlyBlanks(from: q.end, to: Int(text.tokens[next].start), maxBlanks: 2)
                ? text.tag(next) : nil
            let inWords = isThousandsInWords(text, q)
            // "two thousand people"; "laki moja ni ghali" judges a price.
            if inWords, let after, !Self.ends(after), !AmountContext.judged(text, after: q.end) { continue }
            var code = currency
            if isShorthand(text, q) || inWords || rangeEnd != nil {
                // "45k", "1.2m": chat shorthand for amounts, and thousands in words ("elfu
                // thelathini na tano", "trente mille"); one payment word anywhere in the message
                // settles it ("rent ya March, 45k", "nimelipa kodi ya mwezi huu, elfu thelathini").
                // A bound does too: "2BR under 300k", "max 450k", "300k maximum", "500k+".
                // So does a rent period right after it: "elfu 20 kwa mwezi", "85mil par mois".
                // Haggling needs none: a question on the amount ("420k??", "150k possible?"), or
                // a month or year to compare with ("last year it was 250k") when nothing counted follows.
                let marker = rangeEnd.flatMap { MoneyScanner.suffixMarker(text, at: text.skipBlanks($0.1)) }
                if let marker { code = Currencies.resolve(marker.0, currency: currency, region: region) ?? currency }
                guard after == .moneyCueAfter || bound(before: q.start, in: text) != nil || bound(after: q.end, in: text) != nil
                        || cueInMessage() || MoneyScanner.period(text, after: q.end) != nil || marker != nil
                        || shorthandRange(text, quantities, index)
                        || isShorthand(text, q) && (asked(text, q) || (after == nil || Self.ends(after!)) && text.has(periodNouns))
                        || AmountContext.forWhat(text, after: q.end) || AmountContext.judged(text, after: q.end)
                        || text.has(dwellingMask)
                        || AmountContext.dwellingPriced(text, before: q.start) || AmountContext.forPrice(text, before: q.start)
                else { continue }
            } else {
                // What follows must end the amount: nothing, punctuation, a word known to, or a
                // bound ("300,000 au chini"); after a payment word, any word may follow an
                // amount written with thousands separators ("nzishyura 250,000 ku itariki 5"):
                // counts of things are not written so.
                // An amount grouped by thousands is money in a message about money whatever side the
                // payment word is on ("from 30,000 to 33,000 is too much", "receipt for the
                // 250,000 I sent"); a new clause may follow it then. So is an amount with what it
                // pays for or a judgement of its price after it ("1,500 to the rent", "300.000 for
                // deposit", "17000 is too expensive"), and a grouped one a dwelling is priced at
                // ("the room is 15,000"). A year is none of these ("2026 for the house").
                let grouped = !q.words && q.double >= 1_000 && (q.start..<q.end).contains { !text.isDigit($0) }
                let separated = grouped && isGroupedAmount(text, q)
                func priced() -> Bool {
                    !isYear(text, q) && (AmountContext.forWhat(text, after: q.end) || AmountContext.judged(text, after: q.end))
                }
                let agreed = separated && AmountContext.forPrice(text, before: q.start)
                    && (after == nil || next < text.tokens.count && butWords.contains(text.tokens[next].hash))
                if let after, !Self.ends(after), bound(after: q.end, in: text) == nil, !(grouped && cueBefore(text, q)), !agreed,
                   !(separated && opensClause(after) && cueInMessage()), !priced() { continue }
                // A bound before thousands where a dwelling is named is a budget: "any 2BHK under 6000?".
                // So is a grouped amount a price is agreed for: "d'accord pour 45 000 mais pas plus".
                guard after == .moneyCueAfter || cueBefore(text, q)
                        || (bound(before: q.start, in: text) != nil && (cueInMessage() || q.double >= 1_000 && namesDwelling(text, quantities)))
                        || agreed
                        || (q.double >= 1_000 && asked(text, q) && askedAfter(text, q))
                        || separated && (cueInMessage() || AmountContext.dwellingPriced(text, before: q.start)) || priced()
                else { continue }
            }
            var object = JSONObject()
            object.append("amount", q.value)
            if let code { object.append("currency", .string(code)) }
            var end = q.end
            if let (name, periodEnd) = MoneyScanner.period(text, after: end) {
                object.append("period", .string(name))
                end = periodEnd
            }
            candidates.append(Candidate(type: "money", start: q.start, end: end, value: .object(object),
                                        confidence: code == nil ? 0.6 : 0.75))
        }
    }

    /// The scale and end of the shorthand amount that closes a range opened by `quantities[index]`:
    /// "20 to 25k", "300-450k", "hadi", "à", "or". The start must be a plain number below the end's.
    private static func rangeEnd(_ text: ScalarText, _ quantities: [Quantity], from index: Int) -> (Int, Int)? {
        guard index + 1 < quantities.count, case let q = quantities[index], !q.words, q.integer != nil,
              !isShorthand(text, q), case let end = quantities[index + 1], !end.glued, isShorthand(text, end),
              let parsed = NumberScanner.parse(text, at: end.start), parsed.scale > 0, parsed.end == end.end,
              q.double < end.double / NumberWordScanner.powers[parsed.scale] else { return nil }
        let gap = end.start - q.end
        if gap <= 3, (q.end..<end.start).allSatisfy({ text.isBlank($0) || NumberScanner.isMinus(text, $0) || text[$0] == "\u{2013}" }),
           (q.end..<end.start).contains(where: { !text.isBlank($0) }) {
            return (parsed.scale, end.end)
        }
        let t = text.firstToken(atOrAfter: q.end)
        guard t < text.tokens.count, Int(text.tokens[t].end) <= end.start, rangeWords.contains(text.tokens[t].hash),
              text.onlyBlanks(from: q.end, to: Int(text.tokens[t].start), maxBlanks: 1),
              text.onlyBlanks(from: Int(text.tokens[t].end), to: end.start, maxBlanks: 1) else { return nil }
        return (parsed.scale, end.end)
    }

    /// Two shorthand amounts joined as a range ("1.5m-1.8m", "20k to 25k") are a price range
    /// unless a length or a count follows ("1.5m-1.8m high").
    private static func shorthandRange(_ text: ScalarText, _ quantities: [Quantity], _ index: Int) -> Bool {
        func joined(_ a: Quantity, _ b: Quantity) -> Bool {
            guard isShorthand(text, a), isShorthand(text, b), b.start > a.end else { return false }
            if b.start - a.end <= 3, (a.end..<b.start).allSatisfy({ text.isBlank($0) || NumberScanner.isMinus(text, $0) || text[$0] == "\u{2013}" }),
               (a.end..<b.start).contains(where: { !text.isBlank($0) }) {
                return true
            }
            let t = text.firstToken(atOrAfter: a.end)
            return t < text.tokens.count && Int(text.tokens[t].end) <= b.start && rangeWords.contains(text.tokens[t].hash)
                && text.onlyBlanks(from: a.end, to: Int(text.tokens[t].start), maxBlanks: 1)
                && text.onlyBlanks(from: Int(text.tokens[t].end), to: b.start, maxBlanks: 1)
        }
        let end: Int
        if index + 1 < quantities.count, joined(quantities[index], quantities[index + 1]) {
            end = quantities[index + 1].end
        } else if index > 0, joined(quantities[index - 1], quantities[index]) {
            end = quantities[index].end
        } else {
            return false
        }
        let next = text.firstToken(atOrAfter: end)
        return next >= text.tokens.count || !text.onlyBlanks(from: end, to: Int(text.tokens[next].start), maxBlanks: 2)
            || !measures.contains(text.tokens[next].hash)
    }

    /// Words after a length: "1.5m-1.8m high".
    private static let measures: Set<UInt64> = Set(["high", "tall", "wide", "long", "deep", "height", "width", "length", "depth", "haut",
                                                    "large", "profond", "hauteur", "largeur", "longueur"].map { Fold.hash($0) })

    private static let rangeWords: Set<UInt64> = Set(["to", "or", "a", "à", "ou", "hadi", "mpaka", "au", "kugeza", "الى", "إلى", "أو", "او"]
        .map { Fold.hash($0) })

    /// A question mark right after the amount: "420k??", "6000?", "150k possible?" (over one word).
    private static func asked(_ text: ScalarText, _ q: Quantity) -> Bool {
        var i = text.skipBlanks(q.end)
        if text.isLetter(i) {
            let t = text.firstToken(atOrAfter: i)
            guard t < text.tokens.count, askWords.contains(text.tokens[t].hash) else { return false }
            i = text.skipBlanks(Int(text.tokens[t].end))
        }
        return text.ascii(i) == 0x3F || text[i] == "\u{061F}"
    }

    /// A plain number asked about is a price only after a word that offers it: "possible
    /// 6000?", "ممكن 6000؟", "ok 250,000?".
    private static func askedAfter(_ text: ScalarText, _ q: Quantity) -> Bool {
        let t = text.firstToken(atOrAfter: q.start) - 1
        return t >= 0 && askWords.contains(text.tokens[t].hash) && text.onlyBlanks(from: Int(text.tokens[t].end), to: q.start, maxBlanks: 2)
    }

    /// Words that offer or ask about a price: "possible", "ok", Swahili "inawezekana",
    /// Kinyarwanda "birashoboka", Arabic "ممكن".
    private static let askWords: Set<UInt64> = Set(["possible", "ok", "okay", "inawezekana", "sawa", "birashoboka", "ممكن", "momkin", "mumkin"]
        .map { Fold.hash($0) })

    private static let periodNouns = Lexicon.mask([.month, .year])
    /// A dwelling named in the message makes thousands in words or shorthand its price
    /// ("mwenye nyumba anataka laki tatu", "2BR in Kilimani, 45k").
    private static let dwellingMask = Lexicon.unitMask | Lexicon.bedroomMask

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
            // "à" folds to "a": "le loyer est à 300 000", "descendre à 1 200 000".
            case .moneyFiller, .is, .my, .determiner, .of, .est, .ni, .a:
                fillers += 1
                if fillers > maxFillers { return false }
            default: return false
            }
            gapEnd = Int(token.start)
            t -= 1
        }
        return false
    }

    /// The other end of a range whose one end is money is money too, in its currency: "from
    /// 30,000 to 33,000 is too much", "between 300 and 350 USD", "300 000 - 350 000 FCFA".
    static func completeRanges(_ text: ScalarText, quantities: [Quantity], in candidates: inout [Candidate], from first: Int) {
        let added = candidates.count
        for index in quantities.indices.dropLast() {
            var a = quantities[index], b = quantities[index + 1]
            if let thousands = dotThousands(text, a) { a.value = thousands }
            if let thousands = dotThousands(text, b) { b.value = thousands }
            guard !a.glued, !b.glued, a.double >= minimumAmount, b.double >= minimumAmount, joinsRange(text, a, b) else { continue }
            var moneyA: Int? = nil, moneyB: Int? = nil
            for k in first..<added where candidates[k].type == "money" {
                if candidates[k].start == a.start { moneyA = k }
                if candidates[k].start == b.start || (candidates[k].end == b.end && candidates[k].start > a.end) { moneyB = k }
                if candidates[k].start <= a.start && candidates[k].end >= b.end { moneyA = k; moneyB = k }
            }
            guard (moneyA == nil) != (moneyB == nil), let k = moneyA ?? moneyB else { continue }
            let other = moneyA == nil ? a : b
            guard !looksLikeIdentifier(text, other) else { continue }
            var object = JSONObject()
            object.append("amount", other.value)
            if let code = candidates[k].value["currency"] { object.append("currency", code) }
            candidates.append(Candidate(type: "money", start: other.start, end: other.end, value: .object(object),
                                        confidence: candidates[k].confidence - 0.05))
        }
    }

    /// A counter-offer beside a price is a price of its size: "17000 is too expensive, maybe
    /// 15000", "wanataka 35,000 lakini 30000", "ils demandent 90 000, peut-être 80000". A plain
    /// amount of a thousand or more, offered ("maybe", "even", "or", "but"…) and ending its
    /// clause, within ten times a money amount of the message, takes that amount's currency.
    static func counterOffers(_ text: ScalarText, quantities: [Quantity], in candidates: inout [Candidate], from first: Int) {
        let added = candidates.count
        for q in quantities where !q.glued && !q.words && q.double >= 1_000 {
            let t = text.firstToken(atOrAfter: q.start) - 1
            guard t >= 0, offerWords.contains(text.tokens[t].hash), text.onlyBlanks(from: Int(text.tokens[t].end), to: q.start, maxBlanks: 2),
                  !looksLikeIdentifier(text, q), !isYear(text, q),
                  !candidates[first..<added].contains(where: { $0.type == "money" && $0.start < q.end && q.start < $0.end }) else { continue }
            let next = text.firstToken(atOrAfter: q.end)
            if next < text.tokens.count, text.onlyBlanks(from: q.end, to: Int(text.tokens[next].start), maxBlanks: 2), !ends(text.tag(next)) { continue }
            guard let k = (first..<added).first(where: {
                guard candidates[$0].type == "money", let amount = candidates[$0].value["amount"]?.doubleValue else { return false }
                return q.double * 10 >= amount && q.double <= amount * 10
            }) else { continue }
            var object = JSONObject()
            object.append("amount", q.value)
            if let code = candidates[k].value["currency"] { object.append("currency", code) }
            candidates.append(Candidate(type: "money", start: q.start, end: q.end, value: .object(object), confidence: 0.6))
        }
    }

    /// Words that offer another price: "maybe", "even", "or", "but", "labda", "hata", "peut-être", "ممكن".
    private static let offerWords: Set<UInt64> = Set(["maybe", "even", "or", "but", "say", "about", "only", "just", "labda", "hata",
                                                      "lakini", "ama", "au", "tu", "etre", "meme", "seulement", "plutot", "ou", "mais",
                                                      "wala", "bas", "yemkin", "momken", "momkin", "mumkin", "ممكن", "بس", "او", "أو",
                                                      // "can we say 40 000?", "on peut dire 40 000 ?", "disons 40 000", "on fait 40 000 ?"
                                                      "dire", "disons", "dit", "faire", "fait", "fais", "make", "do"]
        .map { Fold.hash($0) })

    /// A dwelling or a bedroom count named in the message, also glued to its count ("2BHK", "3br").
    private static func namesDwelling(_ text: ScalarText, _ quantities: [Quantity]) -> Bool {
        text.has(dwellingMask) || quantities.contains {
            guard $0.glued, let tag = text.wordAt($0.end).info?.tag else { return false }
            return tag == .br || tag == .bedroom || tag == .bed
        }
    }

    /// "But" after an amount agreed for: "for 45,000 but no more", "pour 45 000 mais pas plus".
    private static let butWords: Set<UInt64> = Set(["but", "mais", "lakini", "bas", "بس", "لكن"].map { Fold.hash($0) })

    /// "30,000 to 33,000", "300-350", "entre 300 000 et 350 000", "elfu 30 hadi elfu 35".
    private static func joinsRange(_ text: ScalarText, _ a: Quantity, _ b: Quantity) -> Bool {
        if b.start - a.end <= 3, (a.end..<b.start).allSatisfy({ text.isBlank($0) || NumberScanner.isMinus(text, $0) || text[$0] == "\u{2013}" }),
           (a.end..<b.start).contains(where: { !text.isBlank($0) }) {
            return true
        }
        let t = text.firstToken(atOrAfter: a.end)
        guard t < text.tokens.count, Int(text.tokens[t].end) <= b.start,
              text.onlyBlanks(from: a.end, to: Int(text.tokens[t].start), maxBlanks: 1),
              text.onlyBlanks(from: Int(text.tokens[t].end), to: b.start, maxBlanks: 1) else { return false }
        let word = text.tokens[t].hash
        if rangeLinks.contains(word) { return true }
        // "and" after "between", "entre", "kati ya".
        let before = text.firstToken(atOrAfter: a.start) - 1
        return orAnd.contains(word) && before >= 0 && betweenWords.contains(text.tokens[before].hash)
    }

    private static let rangeLinks: Set<UInt64> = Set(["to", "à", "a", "hadi", "mpaka", "kugeza", "الى", "إلى"].map { Fold.hash($0) })
    private static let betweenWords: Set<UInt64> = Set(["between", "entre", "ya", "بين", "hagati"].map { Fold.hash($0) })

    /// Which side of the amount a bound puts the price on.
    enum Bound: String {
        case atMost, atLeast
    }

    /// The bound just before an amount starting at `start`, over one small linking word:
    /// "under 500,000", "max 450,000", "less than 400,000", "up to 350,000", "chini ya
    /// 300,000", "moins de 300 000" (at most); "more than 500,000", "at least 300k", "over
    /// 1m", "zaidi ya 200,000", "plus de 200 000", "au moins 150 000" (at least).
    static func bound(before start: Int, in text: ScalarText) -> Bound? {
        var t = text.firstToken(atOrAfter: start) - 1
        var gapEnd = start
        for step in 0..<2 where t >= 0 {
            let token = text.tokens[t]
            guard text.onlyBlanks(from: Int(token.end), to: gapEnd, maxBlanks: 2) || (step == 1 && isApostrophe(text, Int(token.end), gapEnd))
            else { return nil }
            let tag = text.tag(t)
            // "plus" alone follows an amount ("50k plus"); before "de" it is a bound.
            if tag == .bound || tag == .over || (step == 1 && token.hash == plus) {
                if token.hash == moins, t > 0, text.tokens[t - 1].hash == au { return .atLeast }
                return tag == .over || lowerBounds.contains(token.hash) ? .atLeast : .atMost
            }
            guard step == 0, boundLinks.contains(token.hash) else { return nil }
            gapEnd = Int(token.start)
            t -= 1
        }
        return nil
    }

    /// The bound just after an amount ending at `end`: "450,000 max", "300k maximum", "500k
    /// or less", "au chini" (at most); "200k minimum", "300,000 or more", "1m and above",
    /// "na zaidi", "500k+" (at least).
    static func bound(after end: Int, in text: ScalarText) -> Bound? {
        // "500k+": a "+" glued to the amount and not adding another one.
        if text.ascii(end) == 0x2B && !text.isAlphanumeric(end + 1) { return .atLeast }
        let t = text.firstToken(atOrAfter: end)
        guard t < text.tokens.count, text.onlyBlanks(from: end, to: Int(text.tokens[t].start), maxBlanks: 2) else { return nil }
        let word = text.tokens[t].hash
        if upperAfter.contains(word) { return .atMost }
        if lowerAfter.contains(word) { return .atLeast }
        guard orAnd.contains(word), t + 1 < text.tokens.count,
              text.onlyBlanks(from: Int(text.tokens[t].end), to: Int(text.tokens[t + 1].start), maxBlanks: 2) else { return nil }
        let next = text.tokens[t + 1].hash
        if next == moins { return word == au ? .atLeast : .atMost }  // "au moins" is at least
        if lessWords.contains(next) { return .atMost }
        if moreWords.contains(next) { return .atLeast }
        return nil
    }

    /// Adds `"bound"` to the value of every money candidate from `first` on that has one
    /// before it ("budget more than 500,000 RWF": at least 500,000 RWF) or after it.
    static func markBounds(_ text: ScalarText, in candidates: inout [Candidate], from first: Int) {
        for i in first..<candidates.count where candidates[i].type == "money" {
            guard case .object(var object) = candidates[i].value,
                  let bound = bound(before: candidates[i].start, in: text) ?? bound(after: candidates[i].end, in: text) else { continue }
            object.append("bound", .string(bound.rawValue))
            candidates[i].value = .object(object)
        }
    }

    private static let lowerBounds: Set<UInt64> = Set(["more", "above", "least", "min", "minimum", "zaidi", "angalau", "hejuru", "plus",
                                                       "أكثر", "اكثر", "فوق", "الأقل", "الاقل"].map { Fold.hash($0) })
    private static let upperAfter: Set<UInt64> = Set(["max", "maximum", "maxi", "tops"].map { Fold.hash($0) })
    private static let lowerAfter: Set<UInt64> = Set(["min", "minimum", "mini"].map { Fold.hash($0) })
    /// "or", "and" in the languages served: "or less", "ou moins", "au chini", "na zaidi",
    /// "أو أقل"; Arabic "على" (on) before "الأقل" ("at the least").
    private static let orAnd: Set<UInt64> = Set(["or", "and", "ou", "et", "au", "na", "أو", "او", "على"].map { Fold.hash($0) })
    private static let lessWords: Set<UInt64> = Set(["less", "below", "under", "lower", "cheaper", "chini", "munsi", "أقل", "اقل"].map { Fold.hash($0) })
    private static let moreWords: Set<UInt64> = Set(["more", "above", "over", "higher", "zaidi", "plus", "hejuru", "أكثر", "اكثر", "الأقل", "الاقل"]
        .map { Fold.hash($0) })
    private static let plus = Fold.hash("plus")
    private static let moins = Fold.hash("moins")
    private static let au = Fold.hash("au")

    /// "jusqu'à": an apostrophe between the bound and its linking word.
    private static func isApostrophe(_ text: ScalarText, _ from: Int, _ to: Int) -> Bool {
        to == from + 1 && (text.ascii(from) == 0x27 || text[from] == "\u{2019}")
    }

    /// Words between a bound and its amount: "chini ya", "moins de", "less than", "up to", "jusqu'à", "أقل من".
    private static let boundLinks: Set<UInt64> = Set(["ya", "de", "than", "to", "a", "of", "من"].map { Fold.hash($0) })

    private static func separatedOnlyByBlanksOrSigns(_ text: ScalarText, from: Int, to: Int) -> Bool {
        if to - from > 4 { return false }
        for i in from..<to where !text.isBlank(i) && text.ascii(i) != 0x3A && text.ascii(i) != 0x3D { return false }
        return true
    }

    /// Words after which an amount has ended ("paid 50k yesterday", "300k per month").
    private static func ends(_ tag: Lexicon.Tag) -> Bool {
        switch tag {
        case .moneyFollower, .moneyCueAfter, .moneyFiller, .bound, .per, .a, .kwa, .ku, .par, .pour, .pm, .pa, .monthly, .yearly,
             .weekly, .and, .is:
            return true
        default:
            return false
        }
    }

    /// A count with a thousands or millions letter: "45k", "1.2m", "300K".
    static func isShorthand(_ text: ScalarText, _ q: Quantity) -> Bool {
        let last = text.ascii(q.end - 1) | 0x20
        if (last == 0x6B || last == 0x6D) && text.isDigit(q.end - 2) { return true }
        // "85mil" (West African French for thousands), "2mil".
        return q.end - q.start >= 4 && text.asciiWordIs("mil", at: q.end - 3) && text.isDigit(q.end - 4)
    }

    /// Thousands or more written in words only: counts of people or things are rarely that
    /// large, amounts of money often are.
    /// Thousands in words, wholly or with digits ("elfu ishirini na tano", "elfu 20", "20 mille").
    private static func isThousandsInWords(_ text: ScalarText, _ q: Quantity) -> Bool {
        q.double >= 1_000 && (q.start..<q.end).contains { text[$0]?.properties.isAlphabetic == true }
            && !isShorthand(text, q)
    }

    /// Digits grouped by thousands with a separator ("30,000", "300.000", "1'500", "350 000"),
    /// not a phone number's spaced groups (eight digits or more between spaces).
    private static func isGroupedAmount(_ text: ScalarText, _ q: Quantity) -> Bool {
        var digits = 0
        var marks = false
        for i in q.start..<q.end {
            if text.isDigit(i) { digits += 1 } else if !text.isBlank(i) { marks = true }
        }
        return marks || digits <= 7
    }

    /// "300.000" read as 300 (where a dot is a decimal point) is 300,000 as an amount: cents
    /// take two digits, and no one prices anything at 300 and no thousandths.
    private static func dotThousands(_ text: ScalarText, _ q: Quantity) -> JSONValue? {
        let n = q.end - q.start
        guard n >= 5, n <= 7, q.double < 1_000, text.ascii(q.end - 4) == 0x2E,
              text.ascii(q.end - 3) == 0x30, text.ascii(q.end - 2) == 0x30, text.ascii(q.end - 1) == 0x30,
              (q.start..<(q.end - 4)).allSatisfy({ text.isDigit($0) }), let whole = q.integer else { return nil }
        return .int(whole * 1000)
    }

    /// A year written alone ("in 2026 for the house").
    private static func isYear(_ text: ScalarText, _ q: Quantity) -> Bool {
        q.end - q.start == 4 && q.double >= 1950 && q.double <= 2100 && (q.start..<q.end).allSatisfy { text.isDigit($0) }
    }

    /// A word that opens a new clause after an amount: "250,000 I sent", "30,000 the caretaker took".
    private static func opensClause(_ tag: Lexicon.Tag) -> Bool {
        switch tag {
        case .i, .my, .this, .determiner, .je, .mon, .ni, .est, .am: return true
        default: return false
        }
    }

    /// A French or English scale word alone ("mille mercis"): a number, never an amount.
    private static func isLoneScaleWord(_ text: ScalarText, _ q: Quantity) -> Bool {
        guard q.words, let t = text.token(startingAt: q.start), Int(text.tokens[t].end) == q.end else { return false }
        return text.tag(t) == .frenchScale || (text.word(t)?.scale ?? 0) > 0
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
