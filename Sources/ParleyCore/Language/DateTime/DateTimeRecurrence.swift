/// A recurrence as read, in RFC 5545 terms: "every other Monday at 9" is FREQ=WEEKLY,
/// INTERVAL=2, BYDAY=MO, BYHOUR=9, BYMINUTE=0.
struct DTRule: Equatable {
    var first: Int
    var next: Int
    /// minute, hour, day, week, month or year (a fortnight is read as two weeks).
    var freq: DTUnit
    var interval = 1
    /// Weekdays, 0 = Monday, sorted.
    var byDay: [Int] = []
    /// The weekday's place in the month (1 first ... 5, -1 last): BYDAY=1MO, -1FR.
    var nth: Int? = nil
    /// "twice a week": occurrences per period, on days not said (RFC 5545 has no such rule).
    var timesPerPeriod: Int? = nil
    var monthDay: Int? = nil
    var month: Int? = nil
    var clock: DTClock? = nil
    var part: PartOfDay? = nil
    var confidence = 0.9

    var hasDay: Bool { !byDay.isEmpty || monthDay != nil || month != nil }

    static let dayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

    /// "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,FR;BYHOUR=8;BYMINUTE=0".
    func rrule(hour: Int?, minute: Int) -> String {
        var out = "FREQ="
        switch freq {
        case .minute: out += "MINUTELY"
        case .hour: out += "HOURLY"
        case .day: out += "DAILY"
        case .week, .fortnight: out += "WEEKLY"
        case .month: out += "MONTHLY"
        default: out += "YEARLY"
        }
        if interval > 1 { out += ";INTERVAL=\(interval)" }
        if let month { out += ";BYMONTH=\(month)" }
        if let monthDay { out += ";BYMONTHDAY=\(monthDay)" }
        if !byDay.isEmpty {
            out += ";BYDAY="
            for (k, d) in byDay.enumerated() {
                if k > 0 { out += "," }
                if let nth { out += String(nth) }
                out += Self.dayCodes[d]
            }
        }
        if let hour { out += ";BYHOUR=\(hour);BYMINUTE=\(minute)" }
        return out
    }
}

/// Recurrences: "every Monday", "every other week", "every 2 weeks", "each month on the 5th",
/// "the 5th of every month", "daily at 8am", "weekly on Fridays", "on Mondays", "every weekday",
/// "every Tuesday and Friday", "every Mon-Fri", "tous les lundis", "toutes les
/// deux semaines", "chaque mois le 5", "kila Jumatatu", "kila siku", "kila mwezi tarehe 5".
extension DTParser {
    static let keySecond = DTLexicon.key("second")
    static let keyWorking = DTLexicon.key("working")
    static let keyBusiness = DTLexicon.key("business")

    /// A recurrence that starts at token `i`.
    func recurrence(at i: Int) -> DTRule? {
        guard i < t.count else { return nil }
        var rule: DTRule
        if let r = nthWeekday(at: i) ?? timesPerPeriod(at: i) {
            rule = r
            anchors(&rule)
            return rule
        }
        guard t[i].kind == .word, let lex = t[i].lex else { return nil }
        switch lex {
        case .every, .tous, .frequency:
            guard canStart(i), let r = frequency(at: i) else { return nil }
            rule = r
        case .weekdays where fn(i - 1) == .on:
            // "on Mondays", "on weekdays", "on Tuesdays and Fridays".
            guard let (days, next) = weekdayList(at: i) else { return nil }
            rule = DTRule(first: i, next: next, freq: .week, byDay: days, confidence: 0.8)
        default:
            return nil
        }
        anchors(&rule)
        return rule
    }

    static let keyYa = DTLexicon.key("ya")
    static let periodWords: Set<UInt64> = Set(["a", "per", "par", "kwa", "every", "each", "chaque", "kila"].map(DTLexicon.key))

    /// "the first Monday of every month", "the last Friday of each month", "every second
    /// Tuesday of the month", "le dernier vendredi de chaque mois", "Jumatatu ya kwanza ya kila
    /// mwezi": a word of repetition makes it one; without ("the first Monday of the month") it is
    /// one day (`weekdayInMonthDate`).
    func nthWeekday(at i: Int) -> DTRule? {
        var start = i
        if fn(start) == .the || fn(start) == .le { start += 1 }
        var k = start
        var repeated = false
        if case .every? = lex(k) {
            k += 1
            repeated = true
        }
        guard let (n, w, next) = weekdayInMonth(at: k) else { return nil }
        k = next
        // "of every month", "in each month", "de chaque mois", "de tous les mois", "ya kila mwezi",
        // and after a leading "every", "of the month", "du mois".
        if fn(k) == .of || fn(k) == .in || fn(k) == .de || fn(k) == .du || key(k) == Self.keyYa { k += 1 }
        if case .every? = lex(k) {
            k += 1
            repeated = true
        } else if lex(k) == .tous, fn(k + 1) == .les {
            k += 2
            repeated = true
        } else if fn(k) == .the || fn(k) == .le {
            k += 1
        }
        guard repeated else { return nil }
        switch lex(k) {
        case .unit(.month)?, .unitFirst(.month)?: break
        default: return nil
        }
        return DTRule(first: start, next: k + 1, freq: .month, byDay: [w], nth: n, confidence: 0.85)
    }

    /// "twice a week", "three times a month", "once a year", "twice weekly", "deux fois par
    /// semaine", "mara mbili kwa wiki".
    func timesPerPeriod(at i: Int) -> DTRule? {
        var k = i
        let count: Int
        if case .times(let n)? = lex(k) {
            count = n
            k += 1
        } else if lex(k) == .mara, let n = amount(k + 1) {
            count = n
            k += 2
        } else if let n = amount(k), lex(k + 1) == .timesWord {
            count = n
            k += 2
        } else {
            return nil
        }
        guard (1...50).contains(count) else { return nil }
        let periods: [DTUnit] = [.day, .week, .month, .year]
        if case .frequency(let u)? = lex(k), periods.contains(u) {
            return DTRule(first: i, next: k + 1, freq: u, timesPerPeriod: count > 1 ? count : nil, confidence: 0.8)
        }
        guard Self.periodWords.contains(key(k)) || lex(k) == .every else { return nil }
        switch lex(k + 1) {
        case .unit(let u)?, .unitFirst(let u)?:
            guard periods.contains(u) else { return nil }
            return DTRule(first: i, next: k + 2, freq: u, timesPerPeriod: count > 1 ? count : nil, confidence: 0.8)
        default:
            return nil
        }
    }

    /// A small count in digits or words.
    private func amount(_ j: Int) -> Int? {
        if isNumber(j), t[j].length <= 2 { return t[j].value }
        if case .number(let n)? = lex(j) { return n }
        return nil
    }

    /// A point followed by a recurrence that it anchors: "the 5th of every month", "at 8am
    /// every day", "Monday every week", "le 5 de chaque mois".
    func recurrence(after e: DTExpr) -> DTRule? {
        var k = e.next
        if sym(k, ",") { k += 1 }
        if fn(k) == .of || fn(k) == .de { k += 1 }
        switch lex(k) {
        case .every?, .tous?, .frequency?: break
        default: return nil
        }
        guard var rule = frequency(at: k) else { return nil }
        let next = rule.next
        guard apply(e, to: &rule) else { return nil }
        rule.first = e.first
        rule.next = next
        anchors(&rule)
        return rule
    }

    /// The frequency phrase at `i`, without the anchors that may follow it.
    func frequency(at i: Int) -> DTRule? {
        switch lex(i) {
        case .frequency(let u)?:
            return DTRule(first: i, next: i + 1, freq: u == .fortnight ? .week : u, interval: u == .fortnight ? 2 : 1, confidence: 0.85)
        case .every?, .tous?:
            break
        default:
            return nil
        }
        var k = i + 1
        let french = lex(i) == .tous
        if french {
            guard fn(k) == .les else { return nil }
            k += 1
        }
        if fn(k) == .single { k += 1 }
        var interval = 1
        if fn(k) == .other {
            interval = 2
            k += 1
        } else if key(k) == Self.keySecond, case .unit? = lex(k + 1) {
            interval = 2
            k += 1
        } else if isNumber(k), t[k].length <= 3, t[k].value >= 1 {
            let n = t[k].value
            var j = k + 1
            var ordinal = false
            if case .ordinal? = lex(j), glued(j) { ordinal = true; j += 1 }
            if case .unit? = lex(j) {
                interval = n
                k = j
            } else if ordinal, n <= 31 {
                // "every 5th (of the month)": a day of the month.
                var next = j
                if fn(next) == .of {
                    var m = next + 1
                    if fn(m) == .the { m += 1 } else if case .every? = lex(m) { m += 1 }
                    if case .unit(.month)? = lex(m) { next = m + 1 }
                }
                if next == j, j < t.count, t[j].kind == .word, t[j].lex == nil || Self.ordinalNouns.contains(t[j].key) { return nil }
                return DTRule(first: i, next: next, freq: .month, monthDay: n)
            } else {
                return nil
            }
        } else if case .number(let n)? = lex(k), case .unit? = lex(k + 1) {
            interval = n
            k += 1
        }
        if key(k) == Self.keyWorking || key(k) == Self.keyBusiness, case .unit(.day)? = lex(k + 1) {
            return DTRule(first: i, next: k + 2, freq: .week, interval: interval, byDay: [0, 1, 2, 3, 4])
        }
        switch lex(k) {
        case .unit(let u)?, .unitFirst(let u)?:
            guard u != .second else { return nil }
            if french, u == .day, interval == 15 { return DTRule(first: i, next: k + 1, freq: .week, interval: 2) }  // "tous les 15 jours"
            if u == .fortnight { return DTRule(first: i, next: k + 1, freq: .week, interval: 2 * interval) }
            return DTRule(first: i, next: k + 1, freq: u, interval: interval)
        case .weekday?, .weekdays?:
            guard let (days, next) = weekdayList(at: k) else { return nil }
            return DTRule(first: i, next: next, freq: .week, interval: interval, byDay: days)
        case .weekend?:
            return DTRule(first: i, next: k + 1, freq: .week, interval: interval, byDay: [5, 6])
        case .part(let p)?:
            return DTRule(first: i, next: k + 1, freq: .day, interval: interval, part: p)
        case .tonight?:
            return DTRule(first: i, next: k + 1, freq: .day, interval: interval, part: .night)
        case .month(let m, let weak)?:
            guard interval == 1 else { return nil }
            if let e = date(at: k), case .date(nil, let month, let day)? = e.day {
                return DTRule(first: i, next: e.next, freq: .year, monthDay: day, month: month)
            }
            guard !weak || t[k].capital else { return nil }
            return DTRule(first: i, next: k + 1, freq: .year, month: m)
        default:
            return nil
        }
    }

    /// The weekday that token `j` names (several for "weekends", "weekdays"), nil if none.
    func weekdays(at j: Int) -> [Int]? {
        switch lex(j) {
        case .weekday(let w, _)?: return [w]
        case .weekdays(let w)?:
            if w == 7 { return [5, 6] }
            if w == 8 { return [0, 1, 2, 3, 4] }
            return [w]
        default: return nil
        }
    }

    /// "Tuesday and Friday", "Mon, Wed & Fri", "lundis et jeudis", "Mon-Fri".
    func weekdayList(at k: Int) -> ([Int], Int)? {
        var days: [Int] = []
        var j = k
        while let named = weekdays(at: j) {
            let single = named.count == 1 ? named[0] : nil
            j += 1
            if sym(j, "."), glued(j), t[j - 1].length <= 4 { j += 1 }
            // "Mon-Fri": every day of the range.
            if let from = single, isDash(j), let to = weekdays(at: j + 1), to.count == 1 {
                var d = from
                while true {
                    if !days.contains(d) { days.append(d) }
                    if d == to[0] { break }
                    d = (d + 1) % 7
                }
                j += 2
                if sym(j, "."), glued(j), t[j - 1].length <= 4 { j += 1 }
            } else {
                for d in named where !days.contains(d) { days.append(d) }
            }
            var s = j
            if sym(s, ",") || sym(s, "&") || sym(s, "/") { s += 1 }
            if fn(s) == .and || fn(s) == .et || fn(s) == .na { s += 1 }
            guard s > j, weekdays(at: s) != nil else { break }
            j = s
        }
        return days.isEmpty ? nil : (days.sorted(), j)
    }

    /// Adds what follows a recurrence: "on Fridays", "on the 5th", "at 8am", "in the morning",
    /// "tarehe 5", "le 5", "à 8h".
    func anchors(_ rule: inout DTRule) {
        for _ in 0..<3 {
            var s = rule.next
            if sym(s, ",") { s += 1 }
            if fn(s) == .on { s += 1 }
            if rule.byDay.isEmpty, rule.monthDay == nil, rule.freq == .week || rule.freq == .month, let (days, next) = weekdayList(at: s) {
                rule.byDay = days
                rule.next = next
                continue
            }
            if fn(s) == .tarehe, rule.freq == .month, rule.monthDay == nil, isNumber(s + 1), t[s + 1].length <= 2,
               t[s + 1].value >= 1, t[s + 1].value <= 31, endsCleanly(s + 2) {
                rule.monthDay = t[s + 1].value
                rule.next = s + 2
                continue
            }
            guard case .point(var e)? = component(at: s, bare: false) else { return }
            merge(&e)
            var extended = rule
            guard apply(e, to: &extended) else { return }
            extended.next = e.next
            rule = extended
        }
    }

    /// Whether the point `e` can anchor `rule` (a day the frequency allows, a time of day), and
    /// if so adds it.
    func apply(_ e: DTExpr, to rule: inout DTRule) -> Bool {
        if e.shift != nil || (e.bareNumber != nil && e.clock == nil) { return false }
        if rule.freq == .minute || rule.freq == .hour { return false }
        var dayAnchored = false
        if let day = e.day {
            switch day {
            case .weekday(let w, nil) where rule.byDay.isEmpty && rule.monthDay == nil && (rule.freq == .week || rule.freq == .month):
                rule.byDay = [w]
            case .dayOfMonth(let n) where rule.freq == .month && rule.monthDay == nil && rule.byDay.isEmpty:
                rule.monthDay = n
            case .date(nil, let m, let d) where rule.freq == .year && rule.monthDay == nil:
                guard rule.month == nil || rule.month == m else { return false }
                rule.month = m
                rule.monthDay = d
            default:
                return false
            }
            dayAnchored = true
        }
        if e.clock != nil || e.part != nil {
            // A time alone anchors a daily rule; a weekly or monthly one needs its day.
            if rule.freq != .day && !rule.hasDay && !dayAnchored { return false }
            if e.clock != nil && rule.clock != nil || e.part != nil && rule.part != nil { return false }
            if let clock = e.clock { rule.clock = clock }
            if let part = e.part { rule.part = part }
        }
        return true
    }
}

extension DateTimeExtractor {
    /// The rule's time of day on a 24-hour clock, nil when it has none. An open hour reads the
    /// way it does with a day named: 1–7 pm, 8–11 am.
    func ruleTime(_ rule: DTRule) -> (hour: Int, minute: Int, precise: Bool)? {
        if let clock = rule.clock {
            var h = Self.hour24(clock, part: rule.part) ?? clock.hour
            if Self.hour24(clock, part: rule.part) == nil, h <= 7 { h += 12 }
            return (h, clock.minute, clock.precise)
        }
        if let part = rule.part { return (part.hour, 0, false) }
        return nil
    }

    /// The next occurrence after the reference (local seconds) and its granularity.
    func nextOccurrence(_ rule: DTRule, _ r: Reference) -> (local: Int, granularity: Granularity)? {
        let now = r.days * 86400 + r.seconds
        let time = ruleTime(rule)
        let s = time.map { $0.hour * 3600 + $0.minute * 60 } ?? 0
        let timed: Granularity? = time.map { $0.precise ? .minute : .hour }
        switch rule.freq {
        case .minute, .hour:
            let step = rule.freq == .hour ? 3600 : 60
            return (Civil.floorDiv(now, step) * step + step * rule.interval, rule.freq == .hour ? .hour : .minute)
        default:
            break
        }
        if let monthDay = rule.monthDay, let month = rule.month {
            for y in r.year...(r.year + 8) where Civil.isValid(year: y, month: month, day: monthDay) {
                let local = Civil.days(year: y, month: month, day: monthDay) * 86400 + s
                if local > now { return (local, timed ?? .day) }
            }
            return nil
        }
        if let monthDay = rule.monthDay {
            for k in 0..<26 {
                let (y, m) = Civil.addMonths(year: r.year, month: r.month, k)
                guard monthDay <= Civil.daysInMonth(year: y, month: m) else { continue }
                let local = Civil.days(year: y, month: m, day: monthDay) * 86400 + s
                if local > now { return (local, timed ?? .day) }
            }
            return nil
        }
        if let nth = rule.nth, let weekday = rule.byDay.first {
            for k in 0..<14 {
                let (y, m) = Civil.addMonths(year: r.year, month: r.month, k)
                guard let days = Civil.days(year: y, month: m, weekday: weekday, nth: nth) else { continue }
                let local = days * 86400 + s
                if local > now { return (local, timed ?? .day) }
            }
            return nil
        }
        if let month = rule.month {
            let y = month > r.month ? r.year : r.year + 1
            return (Civil.days(year: y, month: month, day: 1) * 86400, .month)
        }
        if !rule.byDay.isEmpty || time != nil {
            for d in r.days...(r.days + 8) where rule.byDay.isEmpty || rule.byDay.contains(Civil.weekday(days: d)) {
                let local = d * 86400 + s
                if local > now { return (local, timed ?? .day) }
            }
            return nil
        }
        // No anchor: the start of the period one interval ahead, as "next week" reads.
        switch rule.freq {
        case .day:
            return ((r.days + rule.interval) * 86400, .day)
        case .week, .fortnight:
            return ((r.days - r.weekday + 7 * rule.interval) * 86400, .week)
        case .month:
            let (y, m) = Civil.addMonths(year: r.year, month: r.month, rule.interval)
            return (Civil.days(year: y, month: m, day: 1) * 86400, .month)
        default:
            return (Civil.days(year: r.year + rule.interval, month: 1, day: 1) * 86400, .year)
        }
    }

    /// {"rrule", "next": {"iso", "timestamp"}, "granularity", "timesPerPeriod"?}; "twice a
    /// week" with no days named has no next occurrence to give.
    func recurrenceJSON(_ rule: DTRule, _ r: Reference) -> JSONValue? {
        let time = ruleTime(rule)
        var object = JSONObject()
        object.append("rrule", .string(rule.rrule(hour: time?.hour, minute: time?.minute ?? 0)))
        if let times = rule.timesPerPeriod, !rule.hasDay, time == nil {
            object.append("timesPerPeriod", .int(Int64(times)))
            object.append("granularity", .string(rule.freq == .day ? "day" : rule.freq == .week ? "week" : rule.freq == .month ? "month" : "year"))
            return .object(object)
        }
        guard let (local, granularity) = nextOccurrence(rule, r) else { return nil }
        let instant = zone.instant(local: local)
        object.append("next", ["iso": .string(iso(instant)), "timestamp": .int(Int64(instant))])
        object.append("granularity", .string(granularity.name))
        if let times = rule.timesPerPeriod { object.append("timesPerPeriod", .int(Int64(times))) }
        return .object(object)
    }
}
