/// Numbers written in English words, alone or mixed with digits: "fifty", "two hundred and
/// fifty", "twenty-one", "a dozen", "3 hundred and 21", "two thirds", "one and a half",
/// "half a million", "two point five", "minus five", "one over three", and ordinal words
/// ("third", "twenty-first", "one hundred and second"). A grammar over the message tokens:
/// each token is read once from the lexicon tags `ScalarText` computed.
enum NumberWordScanner {
    enum Kind { case cardinal, ordinal, fraction }

    struct Result {
        var start: Int
        var end: Int
        var lastToken: Int
        var value: Double
        var kind: Kind
        /// Word tokens used (0 for digits only).
        var words: Int
    }

    /// Emits number and ordinal candidates for word numbers; returns the cardinal and
    /// fraction results, which other scanners read as quantities ("fifty dollars").
    static func scan(_ text: ScalarText, into candidates: inout [Candidate]) -> [Result] {
        var results: [Result] = []
        let tokens = text.tokens
        var t = 0
        while t < tokens.count {
            let token = tokens[t]
            var opens = false
            if token.isDigits {
                // "3 hundred", "4 thousand 3 hundred and 21", "1 over 3": digits then a number word.
                if let next = text.word(t + 1), next.cardinal >= 0 || next.scale > 0 || next.tag == .dozen
                    || next.tag == .over || next.tag == .out || next.tag == .and {
                    opens = true
                }
            } else if let info = text.word(t) {
                opens = info.cardinal >= 0 || info.ordinal > 0 || info.tag == .hundred || info.tag == .a
                    || info.tag == .half || info.tag == .quarter || info.tag == .negative
            }
            guard opens, let result = parse(text, from: t), !excluded(text, result, from: t) else {
                t += 1
                continue
            }
            switch result.kind {
            case .ordinal:
                candidates.append(Candidate(type: "ordinal", start: result.start, end: result.end,
                                            value: ["ordinal": number(result.value)], confidence: 0.9))
            case .cardinal, .fraction:
                let single = result.lastToken == t
                let confidence = single ? (result.value == 1 || result.value == 0.5 ? 0.6 : 0.85) : 0.92
                candidates.append(Candidate(type: "number", start: result.start, end: result.end,
                                            value: ["number": number(result.value)], confidence: confidence))
                results.append(result)
            }
            t = result.lastToken + 1
        }
        return results
    }

    /// Word readings that are not numbers: "the one I saw", "which one", "a new one", "no
    /// one came", "a second", "one second" (durations are another module's).
    static func excluded(_ text: ScalarText, _ result: Result, from t: Int) -> Bool {
        guard result.lastToken == t else { return false }
        let info = text.word(t)
        if info?.cardinal == 1 {
            let previous = text.tag(t - 1)
            return previous == .determiner || previous == .this || previous == .no
                || (t > 0 && pronounAdjectives.contains(text.tokens[t - 1].hash))
        }
        if info?.ordinal == 2 && info?.denominator == false {
            if let previous = text.word(t - 1), previous.tag == .a || previous.cardinal >= 0 { return true }
            if t > 0 && text.tokens[t - 1].isDigits { return true }
        }
        return false
    }

    /// "a new one", "a bigger one": "one" stands for a thing already named.
    private static let pronounAdjectives: Set<UInt64> = Set([
        "new", "old", "other", "same", "big", "bigger", "biggest", "small", "smaller", "smallest", "cheap", "cheaper",
        "cheapest", "good", "better", "best", "nice", "nicer", "right", "wrong", "broken", "spare", "working",
    ].map { Fold.hash($0) })

    /// A JSON number: an integer when the value is whole and fits, else a double.
    static func number(_ value: Double) -> JSONValue {
        if value == value.rounded(), abs(value) < 9e15 { return .int(Int64(value)) }
        return .double(value)
    }

    private enum State {
        case start, sign, a, unit, teen, tens, hundred, scale, digits, andGroup, andFraction, fraction, done
    }

    /// Whether tokens ending at `from` and starting at `to` may belong to one number: blanks
    /// (at most three) with at most one hyphen or dash.
    @inline(__always) static func joinable(_ text: ScalarText, _ from: Int, _ to: Int) -> Bool {
        if to - from > 5 || to <= from { return false }
        var hyphens = 0
        var i = from
        while i < to {
            guard let s = text[i] else { return false }
            if s == "-" || s == "\u{2010}" || s == "\u{2013}" {
                hyphens += 1
            } else if !text.isBlank(i) {
                return false
            }
            i += 1
        }
        return hyphens <= 1
    }

    static let powers: [Double] = (0...15).map { p in (0..<p).reduce(1.0) { r, _ in r * 10 } }

    /// The longest number read from token `first`. With `digitsOnly`, a number of digits
    /// alone counts too (a fraction's denominator: "1 over 3").
    static func parse(_ text: ScalarText, from first: Int, digitsOnly: Bool = false) -> Result? {
        let tokens = text.tokens
        guard first < tokens.count else { return nil }
        var t = first
        var state = State.start
        var negative = false
        // total: groups closed by a scale word; group: hundreds of the open group; small: the rest.
        var total = 0.0, group = 0.0, small = 0.0
        var lastScale = Int.max
        var words = 0
        var best: Result?
        var previousEnd = Int(tokens[first].start)
        // "and" followed by a fraction: "one and a half" (whole), "one hundred and three
        // quarters" and "two million and a half" (of the group or the scale).
        var whole = 0.0
        var afterAnd: State? = nil
        var andAfterScale = false
        var pendingFraction = false
        var smallSinceAnd = false
        // A fraction a scale may still multiply: value = base + scaled × scale.
        var fractionBase = 0.0, fractionScaled = 0.0
        let start = Int(tokens[first].start)

        func commit(_ value: Double, _ kind: Kind, end: Int, lastToken: Int) {
            best = Result(start: start, end: end, lastToken: lastToken, value: value, kind: kind, words: words)
        }

        while t < tokens.count && state != .done {
            let token = tokens[t]
            let tokenStart = Int(token.start)
            let tokenEnd = Int(token.end)
            if t > first && !joinable(text, previousEnd, tokenStart) { break }
            if token.isDigits {
                guard state == .start || state == .sign || state == .scale || state == .andGroup,
                      let p = NumberScanner.parse(text, at: tokenStart), !text.isAlphanumeric(p.end),
                      let v = p.value.doubleValue else { break }
                if p.scale > 0 {
                    guard p.scale < lastScale else { break }
                    total += v
                    lastScale = p.scale
                    state = .scale
                } else {
                    if state == .andGroup { smallSinceAnd = true }
                    small = v
                    state = .digits
                }
                previousEnd = p.end
                let next = text.firstToken(atOrAfter: p.end)
                commit(total + group + small, .cardinal, end: p.end, lastToken: next - 1)
                t = next
                continue
            }
            guard token.isLetters, let info = text.word(t) else { break }
            words += 1
            if info.cardinal >= 0 {
                switch state {
                case .start, .sign, .hundred, .scale, .andGroup, .andFraction: break
                case .tens where info.cardinal < 10 && info.cardinal > 0: break
                default: state = .done
                }
                if state == .done { break }
                if state == .andGroup { smallSinceAnd = true }
                if state == .andFraction { pendingFraction = true }
                small += Double(info.cardinal)
                state = info.cardinal < 10 ? .unit : (info.cardinal < 20 ? .teen : .tens)
                previousEnd = tokenEnd
                // After "and" + a number that is not a group ("one and three fifths"), only a
                // denominator may follow.
                if !pendingFraction { commit(total + group + small, .cardinal, end: tokenEnd, lastToken: t) }
                t += 1
                continue
            }
            let denominator: Double = info.tag == .half ? 2 : (info.tag == .quarter ? 4 : (info.denominator ? Double(info.ordinal) : 0))
            if denominator > 0 {
                var numerator: Double?
                switch state {
                case .a, .start, .sign: numerator = 1
                case .unit, .teen, .tens, .digits:
                    // "one hundred and three quarters" is 100.75, but "one hundred and thirty
                    // fifths" is 130/5: after "and", a proper fraction stands alone.
                    let proper = small < denominator
                    numerator = pendingFraction || (smallSinceAnd && proper) ? small : total + group + small
                    if smallSinceAnd && !proper { smallSinceAnd = false }
                default: numerator = nil
                }
                let singular = !info.plural && info.tag != .quarter
                if var numerator, !(singular && numerator != 1 && denominator < 100),
                   !(state == .start && info.denominator) {
                    // "a hundredth" is a fraction; "two hundredth" an ordinal (below).
                    if info.ordinal >= 100 && numerator != 1 && !info.plural {
                        numerator = -1
                    }
                    if numerator > 0 {
                        let f = numerator / denominator
                        let and = state == .a ? afterAnd : (pendingFraction ? .andFraction : (smallSinceAnd ? .andGroup : nil))
                        switch and {
                        case .andFraction?:
                            fractionBase = 0
                            fractionScaled = whole + f
                        case .andGroup?:
                            fractionBase = total + group
                            fractionScaled = f
                        default:
                            fractionBase = 0
                            fractionScaled = f
                        }
                        let multiplier = and == .andGroup && andAfterScale && lastScale < powers.count ? powers[lastScale] : 1
                        commit(fractionBase + fractionScaled * multiplier, .fraction, end: tokenEnd, lastToken: t)
                        state = .fraction
                        previousEnd = tokenEnd
                        t += 1
                        continue
                    }
                }
            }
            if info.ordinal > 0 {
                let o = Double(info.ordinal)
                var value: Double?
                switch state {
                case .start, .sign: value = o
                case .hundred, .scale, .andGroup: value = total + group + small + o
                case .tens where info.ordinal < 10: value = total + group + small + o
                case .unit, .teen, .digits, .a:
                    if info.ordinal >= 100 { value = (state == .a ? 1 : total + group + small) * o }
                default: value = nil
                }
                if let value, !pendingFraction { commit(value, .ordinal, end: tokenEnd, lastToken: t) }
                break
            }
            switch info.tag {
            case .hundred:
                var multiplier = -1.0
                switch state {
                case .start, .a, .sign: multiplier = 1
                case .unit, .teen, .digits: multiplier = small
                default: break
                }
                guard multiplier > 0, group == 0, !pendingFraction else { state = .done; continue }
                smallSinceAnd = false  // "two thousand and two hundred"
                group = multiplier * 100
                small = 0
                state = .hundred
                previousEnd = tokenEnd
                commit(total + group, .cardinal, end: tokenEnd, lastToken: t)
                t += 1
                continue
            case .none where info.scale >= 3:
                let s = info.scale
                switch state {
                case .unit, .teen, .tens, .hundred, .digits, .a:
                    guard s < lastScale, !pendingFraction else { state = .done; continue }
                    if smallSinceAnd && andAfterScale {
                        // "one billion and three quarters million" is handled as a fraction;
                        // "two thousand and five million" is not a number.
                        guard lastScale > s else { state = .done; continue }
                    }
                    total += (state == .a ? 1 : group + small) * powers[s]
                case .fraction:
                    guard fractionBase == 0 || s < lastScale else { state = .done; continue }
                    total = fractionBase + fractionScaled * powers[s]
                case .scale where group + small == 0 && tokens[t - 1].isLetters && text.word(t - 1)?.scale ?? 0 > 0:
                    total *= powers[s]  // "three lakh crore"
                default:
                    state = .done
                    continue
                }
                group = 0
                small = 0
                lastScale = s
                state = .scale
                smallSinceAnd = false
                previousEnd = tokenEnd
                commit(total, .cardinal, end: tokenEnd, lastToken: t)
                t += 1
                continue
            case .dozen:
                var base = -1.0
                switch state {
                case .unit, .teen, .tens, .digits: base = small
                case .a: base = 1
                case .fraction: base = fractionScaled
                default: break
                }
                guard base > 0, !pendingFraction else { state = .done; continue }
                previousEnd = tokenEnd
                let rest = state == .fraction ? fractionBase : total + group
                commit(rest + base * 12, .cardinal, end: tokenEnd, lastToken: t)
                state = .done
                continue
            case .and:
                switch state {
                case .hundred, .scale:
                    andAfterScale = state == .scale
                    state = .andGroup
                case .unit, .teen, .tens, .digits:
                    if pendingFraction { state = .done; continue }
                    smallSinceAnd = false
                    whole = total + group + small
                    total = 0
                    group = 0
                    small = 0
                    lastScale = Int.max
                    state = .andFraction
                default:
                    state = .done
                    continue
                }
                previousEnd = tokenEnd
                t += 1
                continue
            case .a:
                switch state {
                case .start: state = .a
                case .andGroup, .andFraction:
                    afterAnd = state
                    state = .a
                case .fraction where fractionScaled == 0.5 && fractionBase == 0:
                    break  // "half a dozen", "half a million"
                default:
                    state = .done
                    continue
                }
                previousEnd = tokenEnd
                t += 1
                continue
            case .point:
                guard state == .unit || state == .teen || state == .tens || state == .hundred || state == .scale,
                      !pendingFraction else {
                    state = .done
                    continue
                }
                let integer = total + group + small
                var digits: [UInt8] = []
                var k = t + 1
                var end = tokenEnd
                while k < tokens.count, joinable(text, end, Int(tokens[k].start)), tokens[k].isLetters,
                      let w = text.word(k), w.cardinal >= 0 {
                    let c = Int(w.cardinal)
                    if c < 10 {
                        digits.append(UInt8(0x30 + c))
                    } else if c < 20 || c % 10 != 0 {
                        digits.append(UInt8(0x30 + c / 10))
                        digits.append(UInt8(0x30 + c % 10))
                    } else {
                        // "seventy-one": a tens word may take a unit.
                        var unit = 0
                        if k + 1 < tokens.count, joinable(text, Int(tokens[k].end), Int(tokens[k + 1].start)),
                           let u = text.word(k + 1), u.cardinal > 0, u.cardinal < 10 {
                            unit = Int(u.cardinal)
                            k += 1
                        }
                        digits.append(UInt8(0x30 + c / 10))
                        digits.append(UInt8(0x30 + unit))
                    }
                    end = Int(tokens[k].end)
                    k += 1
                }
                guard !digits.isEmpty, let fraction = Double("0." + String(decoding: digits, as: UTF8.self)) else {
                    state = .done
                    continue
                }
                words += k - t - 1
                commit(integer + fraction, .cardinal, end: end, lastToken: k - 1)
                state = .done
                continue
            case .negative:
                guard state == .start else { state = .done; continue }
                negative = true
                state = .sign
                previousEnd = tokenEnd
                t += 1
                continue
            case .over, .out:
                guard state == .unit || state == .teen || state == .tens || state == .hundred || state == .digits,
                      !pendingFraction else {
                    state = .done
                    continue
                }
                var k = t + 1
                var end = tokenEnd
                if info.tag == .out {
                    guard k < tokens.count, text.tag(k) == .of, joinable(text, end, Int(tokens[k].start)) else {
                        state = .done
                        continue
                    }
                    end = Int(tokens[k].end)
                    k += 1
                }
                guard k < tokens.count, joinable(text, end, Int(tokens[k].start)),
                      let denominator = parse(text, from: k, digitsOnly: true), denominator.kind == .cardinal,
                      denominator.value != 0 else {
                    state = .done
                    continue
                }
                let numerator = total + group + small
                if info.tag == .out && numerator >= denominator.value { state = .done; continue }
                // "$2000 over 3 years": a count of something, not a fraction.
                let after = text.skipBlanks(denominator.end)
                if info.tag == .over, after > denominator.end, text.isLetter(after) { state = .done; continue }
                words += denominator.words + 1
                commit(numerator / denominator.value, .fraction, end: denominator.end, lastToken: denominator.lastToken)
                state = .done
                continue
            default:
                break
            }
            break
        }
        guard var result = best, result.words > 0 || digitsOnly else { return nil }
        if negative { result.value = -result.value }
        return result
    }
}
