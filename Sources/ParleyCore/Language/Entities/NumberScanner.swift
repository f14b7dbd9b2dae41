/// Plain numbers: "12.5", "-3", "50,000", "1.200,50", "85k", "1.2m", "2 million".
enum NumberScanner {
    /// Emits number candidates and collects every numeric quantity, including those glued to
    /// a word ("2BR", "120m2", "3rd"), which other scanners read.
    /// `dotThousands`: a dot before "000" groups thousands ("400.000"; no one writes a decimal
    /// so), where the currency has no cents in practice (`Currencies.dotGroupsThousands`);
    /// "2.500 km" stays a decimal.
    static func scan(_ text: ScalarText, dotThousands: Bool = false, into candidates: inout [Candidate], quantities: inout [Quantity]) {
        var i = 0
        let count = text.count
        while i < count {
            let startsNumber = text.isDigit(i)
                || (text.ascii(i) == 0x2E && text.isDigit(i + 1) && !text.isDigit(i - 1))
                || (isMinus(text, i) && (text.isDigit(i + 1) || (text.ascii(i + 1) == 0x2E && text.isDigit(i + 2))))
            guard startsNumber else {
                if text.scalars[i].value >= 0xBC, let value = fraction(text, at: i), !text.isAlphanumeric(i - 1), !text.isAlphanumeric(i + 1) {
                    candidates.append(Candidate(type: "number", start: i, end: i + 1, value: ["number": .double(value)], confidence: 0.9))
                    quantities.append(Quantity(start: i, end: i + 1, value: .double(value), glued: false, words: false))
                }
                i += 1
                continue
            }
            // A number glued to a letter or digit before it ("A4", "x2") is part of a word,
            // unless the letter is an Arabic proclitic ("بـ5000 درهم": for 5000 dirhams).
            if isMinus(text, i) {
                if !minusCanBeSign(text, i) { i += 1; continue }
            } else if text.isAlphanumeric(i - 1) && !afterArabicProclitic(text, i) {
                i += 1
                while i < count && text.isAlphanumeric(i) { i += 1 }
                continue
            }
            guard let number = parse(text, at: i, dotThousands: dotThousands) else { i += 1; continue }
            let chained = text.ascii(i - 1) == 0x2E && text.isDigit(i - 2)
            if text.isAlphanumeric(number.end) {
                // "180ml", "4th", "666666666s": a measure or a code, not a number.
                if !chained {
                    quantities.append(Quantity(start: number.start, end: number.end, value: number.value, glued: true, words: false))
                }
                i = number.end
                while i < count && text.isAlphanumeric(i) { i += 1 }
                continue
            }
            candidates.append(Candidate(type: "number", start: number.start, end: number.end,
                                        value: ["number": number.value], confidence: 0.95))
            if !chained {
                quantities.append(Quantity(start: number.start, end: number.end, value: number.value, glued: false, words: false))
            }
            i = number.end
        }
    }

    /// One or two Arabic proclitic letters, with or without a tatweel, make the whole word
    /// before `i`: و and ف (and, so), ب ل ك (for, to, like), as in "بـ5000", "و300", "وب٥٠٠".
    static func afterArabicProclitic(_ text: ScalarText, _ i: Int) -> Bool {
        var j = i - 1
        if j >= 0 && text.scalars[j].value == 0x640 { j -= 1 }
        var letters = 0
        while j >= 0, letters < 2, ScalarText.isArabicProclitic(text.scalars[j].value) {
            letters += 1
            j -= 1
        }
        return letters > 0 && !text.isAlphanumeric(j) && !text.isLetter(j)
    }

    /// The end of ",dd" groups closed by a ",ddd" group after the first digits, if any.
    static func indianGroups(_ text: ScalarText, from start: Int) -> Int? {
        var k = start
        var pairs = 0
        while text.ascii(k) == 0x2C, text.isDigit(k + 1), text.isDigit(k + 2) {
            if text.ascii(k + 3) == 0x2C {
                k += 3
                pairs += 1
                continue
            }
            if text.isDigit(k + 3), !text.isDigit(k + 4) { return pairs > 0 ? k + 4 : nil }
            return nil
        }
        return nil
    }

    /// A vulgar fraction standing alone: "½", "¾".
    static func fraction(_ text: ScalarText, at i: Int) -> Double? {
        guard let scalar = text[i], scalar.value >= 0xBC, scalar.properties.generalCategory == .otherNumber,
              let value = scalar.properties.numericValue, value < 1, value > 0 else { return nil }
        return value
    }

    @inline(__always) static func isMinus(_ text: ScalarText, _ i: Int) -> Bool {
        guard let scalar = text[i] else { return false }
        return scalar == "-" || scalar == "\u{2212}"
    }

    /// A minus is a sign at the start, after a space or an opening bracket, not in "10-20".
    static func minusCanBeSign(_ text: ScalarText, _ i: Int) -> Bool {
        guard let previous = text[i - 1] else { return true }
        if previous.properties.isWhitespace { return true }
        return previous == "(" || previous == "[" || previous == ":" || previous == "="
    }

    struct Parsed {
        var start: Int
        var end: Int
        var value: JSONValue
        /// The power of ten of a multiplier word or suffix ("k" 3, "million" 6), 0 without.
        var scale = 0
    }

    /// Parses the number starting at `start` (a digit, a leading ".", or a minus sign), with
    /// thousands separators, decimals and a k/m/bn or million/billion multiplier. `end` is
    /// one past the last scalar used; the caller checks what follows. `pairs`: "ddd ddd" is
    /// one number too (next to a currency: "125 500 FRW"); elsewhere it is a list.
    static func parse(_ text: ScalarText, at start: Int, pairs: Bool = false, dotThousands: Bool = false) -> Parsed? {
        var i = start
        var negative = false
        if isMinus(text, i) { negative = true; i += 1 }
        var integer: [UInt8] = []
        var fraction: [UInt8] = []
        func digitRun(_ from: Int) -> Int {
            var j = from
            while text.isDigit(j) { j += 1 }
            return j
        }
        func append(_ digits: inout [UInt8], _ from: Int, _ to: Int) {
            for j in from..<to { digits.append(text.ascii(j)) }
        }
        // A number inside a dotted chain ("192.168.1.2", "12.03.2026") takes no decimals.
        let inChain = text.ascii(start - 1) == 0x2E && text.isDigit(start - 2)
        if text.isDigit(i) {
            let firstEnd = digitRun(i)
            append(&integer, i, firstEnd)
            var j = firstEnd
            let firstLength = firstEnd - i
            // A decimal comma before a scale ("1,5 million", "2,5m", "3,75 k"): French, Swahili
            // and Kinyarwanda write decimals so. Three digits after it stay a thousands group.
            if !inChain, text.ascii(firstEnd) == 0x2C, text.isDigit(firstEnd + 1) {
                let fractionEnd = digitRun(firstEnd + 1)
                if fractionEnd - firstEnd <= 3, multiplier(text, at: fractionEnd) != nil {
                    append(&fraction, firstEnd + 1, fractionEnd)
                    return finish(text, start: start, end: fractionEnd, negative: negative, integer: integer, fraction: fraction)
                }
            }
            // Separator groups: exactly three digits after each separator.
            func groups(separator: (Unicode.Scalar) -> Bool) -> (end: Int, count: Int) {
                var k = j
                var n = 0
                while let s = text[k], separator(s), text.isDigit(k + 1) {
                    let runEnd = digitRun(k + 1)
                    guard runEnd - (k + 1) == 3 else { break }
                    k = runEnd
                    n += 1
                }
                return (k, n)
            }
            if firstLength <= 2, let lakh = indianGroups(text, from: j) {
                // Indian grouping: "12,34,567".
                for k in j..<lakh where text.isDigit(k) { integer.append(text.ascii(k)) }
                j = lakh
            } else if firstLength <= 3 {
                let comma = groups { $0 == "," }
                // Thin and no-break spaces group thousands ("1 200"); so do plain spaces when
                // the first group has no leading zero ("1 234 567", "350 000", not "078 812"),
                // except "ddd ddd" (a list: "units 101 102") unless it ends in "000" or `pairs`.
                let plain = text.ascii(i) != 0x30
                var spaced = groups { $0 == "\u{202F}" || $0 == "\u{00A0}" || $0 == "\u{2009}" || (plain && $0 == " ") }
                if !pairs, spaced.count == 1, firstLength == 3, text.ascii(j) == 0x20,
                   !(text.ascii(j + 1) == 0x30 && text.ascii(j + 2) == 0x30 && text.ascii(j + 3) == 0x30) {
                    spaced = (j, 0)
                }
                let dot = groups { $0 == "." }
                if comma.count > 0 {
                    for k in j..<comma.end where text.isDigit(k) { integer.append(text.ascii(k)) }
                    j = comma.end
                } else if spaced.count > 0 {
                    for k in j..<spaced.end where text.isDigit(k) { integer.append(text.ascii(k)) }
                    j = spaced.end
                } else if !inChain && dot.count > 0
                            && (dot.count >= 2 || (text.ascii(dot.end) == 0x2C && text.isDigit(dot.end + 1))
                                || (dotThousands && (dot.end - 3..<dot.end).allSatisfy { text.ascii($0) == 0x30 })
                                || beforeWholeCurrency(text, dot.end))
                            && !(text.ascii(dot.end) == 0x2E && text.isDigit(dot.end + 1)) {
                    // European grouping: "1.200.000", "1.200,50".
                    for k in j..<dot.end where text.isDigit(k) { integer.append(text.ascii(k)) }
                    j = dot.end
                    if text.ascii(j) == 0x2C && text.isDigit(j + 1) {
                        let fractionEnd = digitRun(j + 1)
                        append(&fraction, j + 1, fractionEnd)
                        j = fractionEnd
                    }
                    return finish(text, start: start, end: j, negative: negative, integer: integer, fraction: fraction)
                }
            }
            i = j
            if !inChain, text.ascii(i) == 0x2E, text.isDigit(i + 1) {
                let fractionEnd = digitRun(i + 1)
                // "192.168.1.2": a second dot makes a chain of separate numbers.
                if text.ascii(fractionEnd) == 0x2E && text.isDigit(fractionEnd + 1) {
                    return finish(text, start: start, end: i, negative: negative, integer: integer, fraction: [], multiplier: false)
                }
                append(&fraction, i + 1, fractionEnd)
                i = fractionEnd
            }
        } else if text.ascii(i) == 0x2E, text.isDigit(i + 1) {
            let fractionEnd = digitRun(i + 1)
            append(&fraction, i + 1, fractionEnd)
            integer = [0x30]
            i = fractionEnd
        } else {
            return nil
        }
        return finish(text, start: start, end: i, negative: negative, integer: integer, fraction: fraction)
    }

    /// A currency without minor units right after the number ("250.000 F", "150.000 FCFA"):
    /// the dot groups thousands, as French writers have it, since no cents exist to write.
    private static func beforeWholeCurrency(_ text: ScalarText, _ end: Int) -> Bool {
        let at = text.isBlank(end) ? end + 1 : end
        switch MoneyScanner.suffixMarker(text, at: at)?.0 {
        case .family(.franc)?, .family(.cfa)?: return true
        case .code(let code)?: return wholeCurrencies.contains(code)
        default: return false
        }
    }

    private static let wholeCurrencies: Set<String> = ["XAF", "XOF", "RWF", "BIF", "GNF", "KMF", "DJF", "UGX", "XPF", "CDF", "LBP", "SYP"]

    private static func finish(_ text: ScalarText, start: Int, end: Int, negative: Bool, integer: [UInt8],
                               fraction: [UInt8], multiplier allowed: Bool = true) -> Parsed? {
        var end = end
        var exponent = 0
        var scale = 0
        if allowed, let (power, suffixEnd) = scientific(text, at: end) {
            exponent = power
            end = suffixEnd
        } else if allowed, let (named, suffixEnd) = multiplier(text, at: end) {
            // "mil" after a whole number of two digits or more is French "mille" as West Africa
            // writes it ("85mil", "150 mil" FCFA: thousands); "2mil", "1.5mil" stay millions.
            let thousands = named == 6 && text.asciiWordIs("mil", at: suffixEnd - 3) && fraction.isEmpty
                && integer.drop(while: { $0 == 0x30 }).count >= 2
            let power = thousands ? 3 : named
            exponent = power
            scale = power
            end = suffixEnd
        }
        let parsed = value(negative: negative, integer: integer, fraction: fraction, exponent: exponent)
        // "31e500" overflows a Double: no number JSON can carry (it would be written as null).
        if case .double(let d) = parsed, !d.isFinite { return nil }
        return Parsed(start: start, end: end, value: parsed, scale: scale)
    }

    /// "e10", "e+14", "e-1" directly after the digits ("1.3e6"), not followed by a letter or digit.
    static func scientific(_ text: ScalarText, at i: Int) -> (Int, Int)? {
        guard text.ascii(i) | 0x20 == 0x65 else { return nil }
        var j = i + 1
        var negative = false
        if text.ascii(j) == 0x2B || text.ascii(j) == 0x2D { negative = text.ascii(j) == 0x2D; j += 1 }
        var power = 0
        let digitsStart = j
        while text.isDigit(j), j - digitsStart < 3 {
            power = power * 10 + Int(text.ascii(j) - 0x30)
            j += 1
        }
        guard j > digitsStart, !text.isAlphanumeric(j) else { return nil }
        return (negative ? -power : power, j)
    }

    /// "k", "m"/"mn", "bn", directly after the digits and not followed by a letter, or
    /// " thousand"/" million"/" billion" after one space.
    static func multiplier(_ text: ScalarText, at i: Int) -> (Int, Int)? {
        let c = text.ascii(i) | 0x20
        if c == 0x6B || c == 0x6D || c == 0x62 {
            if text.asciiWordIs("k", at: i) { return (3, i + 1) }
            if text.asciiWordIs("m", at: i) { return (6, i + 1) }
            if text.asciiWordIs("mn", at: i) { return (6, i + 2) }
            if text.asciiWordIs("mil", at: i) { return (6, i + 3) }
            if text.asciiWordIs("bn", at: i) { return (9, i + 2) }
        }
        if text.ascii(i) == 0x20 {
            let j = i + 1
            switch text.ascii(j) | 0x20 {
            case 0x74:
                if text.asciiWordIs("thousand", at: j) { return (3, j + 8) }
                if text.asciiWordIs("thao", at: j) { return (3, j + 4) }  // Sheng "30 thao"
                if text.asciiWordIs("trillion", at: j) { return (12, j + 8) }
            case 0x6D:
                // French "85 mille" (85,000), as West Africa writes amounts.
                if text.asciiWordIs("mille", at: j) { return (3, j + 5) }
                if text.asciiWordIs("milles", at: j) { return (3, j + 6) }
                if text.asciiWordIs("million", at: j) { return (6, j + 7) }
                if text.asciiWordIs("millions", at: j) { return (6, j + 8) }
                if text.asciiWordIs("milliard", at: j) { return (9, j + 8) }
                if text.asciiWordIs("milliards", at: j) { return (9, j + 9) }
                if text.asciiWordIs("mil", at: j) { return (6, j + 3) }
            case 0x62:
                if text.asciiWordIs("billion", at: j) { return (9, j + 7) }
                if text.asciiWordIs("billions", at: j) { return (9, j + 8) }
                if text.asciiWordIs("bn", at: j) { return (9, j + 2) }
            case 0x6C:
                if text.asciiWordIs("lakh", at: j) { return (5, j + 4) }
            case 0x63:
                if text.asciiWordIs("crore", at: j) { return (7, j + 5) }
            case 0x61:
                if text.asciiWordIs("alf", at: j) { return (3, j + 3) }  // Arabizi "60 alf"
            default:
                for (word, power) in arabicScales where text.matches(word, at: j) && !text.isLetter(j + word.count) {
                    return (power, j + word.count)
                }
            }
        }
        return nil
    }

    /// Arabic scale words after a count: "60 ألف درهم" is 60,000 dirhams, "2 مليون" 2,000,000.
    private static let arabicScales: [([Unicode.Scalar], Int)] = [
        ("ألف", 3), ("الف", 3), ("آلاف", 3), ("الاف", 3), ("مليون", 6), ("ملايين", 6), ("مليار", 9),
    ].map { (Array($0.0.unicodeScalars), $0.1) }

    /// The value as `.int` when it is a whole number that fits, else `.double`.
    static func value(negative: Bool, integer: [UInt8], fraction: [UInt8], exponent: Int) -> JSONValue {
        var digits = integer + fraction
        var scale = exponent - fraction.count
        while scale < 0, digits.last == 0x30 { digits.removeLast(); scale += 1 }
        while digits.count > 1, digits.first == 0x30 { digits.removeFirst() }
        if scale >= 0, digits.count + scale <= 18 {
            var n: Int64 = 0
            for d in digits { n = n * 10 + Int64(d - 0x30) }
            for _ in 0..<scale { n *= 10 }
            return .int(negative ? -n : n)
        }
        var literal = String(decoding: integer, as: UTF8.self)
        if !fraction.isEmpty { literal += "." + String(decoding: fraction, as: UTF8.self) }
        if exponent != 0 { literal += "e\(exponent)" }
        let d = Double(literal) ?? 0
        return .double(negative ? -d : d)
    }
}

/// An amount read from the text, in digits ("1,200", "85k") or words ("fifty"), that
/// percentages, areas, bedrooms and money are built on.
struct Quantity: Sendable {
    var start: Int
    var end: Int
    var value: JSONValue
    /// A letter or digit follows directly ("2BR", "120m2", "3rd").
    var glued: Bool
    /// Written in words.
    var words: Bool

    var double: Double { value.doubleValue ?? 0 }

    /// The value as a whole number, if it is one.
    var integer: Int64? {
        switch value {
        case .int(let n): return n
        case .double(let d) where d == d.rounded() && abs(d) < 9e15: return Int64(d)
        default: return nil
        }
    }
}
