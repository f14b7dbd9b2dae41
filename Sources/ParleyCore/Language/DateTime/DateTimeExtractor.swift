/// How dates and times are read: the chat's time zone and the order of numeric dates.
public struct DateTimeOptions: Sendable, Equatable {
    /// An IANA name ("Africa/Kigali", read from the system's tzdata) or a fixed offset ("+02:00", "UTC").
    public var timeZone: String = "UTC"
    /// "12/03" is 12 March when true (most of the world), 3 December when false (US).
    public var dayFirst: Bool = true

    public init() {}
}

/// Finds dates, times, ranges and durations in a message and resolves them against the
/// message's timestamp in the chat's time zone. English, with the common French and Swahili
/// forms ("demain", "lundi prochain", "17h30", "kesho", "jumatatu", "wiki ijayo").
///
/// Values: a point is `{"iso", "granularity", "timestamp"}`; a range is `{"start": {iso,
/// timestamp}, "end": {iso, timestamp}, "granularity"}` whose end is the start of the last unit
/// named ("Mon–Wed" ends Wednesday 00:00, "3-5pm" ends 17:00); a duration is `{"seconds", "iso"}`.
///
/// Reading rules (the future is preferred, as messages plan more than they recount):
/// - a time alone is today if still ahead, else tomorrow; a bare hour 1–11 ("at 5") is the next
///   of 5:00 and 17:00 after the message, or one under half an hour past ("it's now 1:40"); with a day named, and at a range's start, 1–7 reads
///   pm and 8–11 am ("from 8:00 to 17:00"); a range's start takes the end's am/pm unless that
///   puts it after the end ("3-5pm" is 15–17, "11 to 2pm" 11–14);
/// - "Monday"/"on Monday" is the next Monday after today (today only with a time still ahead);
///   "this Monday" the next one including today; "next Monday" the Monday of next week
///   (weeks start on Monday); "last Monday" the latest one before today;
/// - a date without a year is its next occurrence from today; "the 5th" this month's if not past;
///   "tarehe 10 mwezi ujao", "the 3rd of next month" that day of the month counted;
/// - a month without a day (granularity month) is its nearest occurrence ("rent for February"
///   said in March is last February), the next one after "in"/"until"/"by" or in a plan ("I'll");
///   "the end of April", "fin mai", "mwisho wa mwezi" are the last (first) day of the month;
/// - the past: right after "since", "depuis", "tangu", "kuva", "men", or in a clause with a verb
///   in the past ("was", "came", "était", "ilikuwa", "yabuze", "kan", the French passé composé
///   "j'ai payé", "il est venu", "s'est cassé") or "yesterday", and no
///   plan ("will", "'ll", "va"), a weekday, time, part of the day, date, "the 5th", month or
///   weekend is the latest one up to now ("since Monday", "that was at 9am" today 09:00);
///   "to"/"until"/"by" before it, or a past verb reporting a plan ("said", "was told"), keep the
///   future; Kinyarwanda "ejo" is tomorrow, or yesterday in the past (a verb's shape tells:
///   "naguze ejo" yesterday, "tuzaza ejo" tomorrow, `KinyarwandaVerb`);
/// - a time alone after the one day a message names is on that day ("tomorrow morning … by
///   10am", "demain … vers 15h", "kesho … saa nne"), unless its clause recounts and the day is
///   ahead (or plans and the day is past); a part of the day alone and a time that fits it in one
///   sentence ("at night around 2am") are one moment; the small hours of a night named by its day
///   ("tonight at 2am", "last night at 1am") are the next morning's;
/// - French "17h" is a time of day after a word placing a time ("à", "vers", "entre", "dès"), in
///   a range ("de 9h à 11h", "18h-20h") or before "du matin"/"du soir", and from 13h on; otherwise
///   ("ça a duré 3h", "une coupure de 2h") a count of hours;
/// - "one month notice", "a month's notice": a noun of length after "a"/"one" + unit makes a
///   duration; "6 months old" is an age, no duration;
/// - morning 09:00, afternoon 15:00, evening 19:00, night/tonight 20:00 (granularity hour);
///   midnight is the end of the day named (00:00 of the next day);
/// - "in 2 hours" is exact (to the minute); "in 3 days", "in 2 weeks", "in a month" are days;
///   "next week/month/year" is the start of that period (granularity week/month/year);
///   "weekend" is the range Saturday–Sunday of this week (the current one on a weekend);
/// - durations count a month as 30 days and a year as 365 days in `seconds`; `iso` keeps the unit.
/// - prepositions "on", "by", "for" are not part of an entity's text; "at", "in", "from",
///   "between" and "ago" are;
/// - ambiguous words stand only with support: "may"/"March"/"mars"/"mei" need a day number, a
///   preposition that takes a month not followed by what reads as a verb ("in may take" is
///   nothing), or a payment noun after "the"/"my" ("the March rent");
///   "sat"/"sun"/"wed"/"mon" a preposition ("on sat") or, capitalized, a time or date;
///   "morning"/"evening" alone ("good morning") is nothing; bare numbers never are.
/// - recurrences ("every Monday", "the 5th of every month", "daily at 8am", "tous les lundis",
///   "kila siku") are one entity of type "recurrence" whose value is `{"rrule", "next": {"iso",
///   "timestamp"}, "granularity"}`: an RFC 5545 RRULE and its next occurrence after the message
///   (the first day or time it names; without one, the start of the period an interval ahead).
/// - a weekday counted in a month is one day ("the first Monday of December", "last Friday of
///   the month", "le premier lundi de décembre"); with a word of repetition ("the first Monday
///   of every month") a recurrence.
/// Overlaps with the other entity layers (numbers, money, phone) are left to the pipeline.
public struct DateTimeExtractor: Sendable {
    public let options: DateTimeOptions
    let zone: TimeZoneRules

    public init(options: DateTimeOptions) throws(ParleyError) {
        zone = try TimeZoneRules.named(options.timeZone)
        self.options = options
    }

    /// Entities of type "datetime", "duration" and "recurrence", offsets in Unicode scalars of `text`, source .pattern.
    public func extract(from text: String, reference: Int64) -> [Entity] {
        guard !text.isEmpty, DTTokenizer.hasCue(text) else { return [] }
        let tokens = DTTokenizer.tokenize(text)
        let parser = DTParser(t: tokens, dayFirst: options.dayFirst)
        let ref = Reference(instant: Int(max(-62_135_596_800, min(253_402_300_799, reference))), zone: zone)
        var entities: [Entity] = []
        // The match of each datetime entity, for settling times against the day named (`settle`).
        var found: [(entity: Int, match: DTMatch)] = []
        // Hours that stand only on a day named elsewhere in the message ("bokra ya3ne 3al 11").
        var pending: [DTExpr] = []
        var recurrences = false
        var i = 0
        func append(_ rule: DTRule) -> Bool {
            guard let value = recurrenceJSON(rule, ref) else { return false }
            let span = String(text.unicodeScalars[tokens[rule.first].lo..<tokens[rule.next - 1].hi])
            entities.append(Entity(type: "recurrence", text: span, start: tokens[rule.first].start, end: tokens[rule.next - 1].end,
                                   value: value, confidence: rule.confidence, source: .pattern))
            i = rule.next
            recurrences = true
            return true
        }
        while i < tokens.count {
            if let rule = parser.recurrence(at: i), append(rule) { continue }
            let match = parser.match(at: i)
            if case .point(let e)? = match, let rule = parser.recurrence(after: e), append(rule) { continue }
            if case .point(let e)? = match, e.needsDay, e.day == nil {
                pending.append(e)
                i = e.next
                continue
            }
            if let match, let value = value(of: match, parser: parser, reference: ref) {
                let (first, next) = span(match)
                let text = String(text.unicodeScalars[tokens[first].lo..<tokens[next - 1].hi])
                entities.append(Entity(type: value.type, text: text, start: tokens[first].start, end: tokens[next - 1].end,
                                       value: value.json, confidence: value.confidence, source: .pattern))
                if value.type == "datetime" { found.append((entities.count - 1, match)) }
                i = next
            } else {
                i += 1
            }
        }
        if (found.count >= 2 || !found.isEmpty && !pending.isEmpty) && !recurrences {
            settle(&entities, found, pending: pending, parser: parser, text: text, reference: ref)
        }
        return entities
    }

    // MARK: times read with the rest of the message

    /// A time of day alone ("at 2am", "saa nne", "vers 15h", "in the evening", "3-5pm"): no day, no shift.
    static func timeOnly(_ e: DTExpr) -> Bool {
        e.day == nil && e.shift == nil && (e.clock != nil || e.part != nil)
    }

    /// Whether a part of the day and an hour on the 24-hour clock say the same moment ("at
    /// night" and 2am, "in the evening" and 7).
    static func fits(_ part: PartOfDay, _ hour: Int) -> Bool {
        switch part {
        case .morning: return hour >= 4 && hour <= 11
        case .afternoon: return hour >= 12 && hour <= 18
        case .evening: return hour >= 16 && hour <= 23
        case .night: return hour >= 19 || hour <= 5
        }
    }

    /// Settles the datetimes of one message against each other:
    /// - a part of the day alone and a time that fits it in the same sentence ("at night around
    ///   2am", "tonight, 11pm") are one moment: the time, on the part's day (one entity when
    ///   at most three tokens lie between them);
    /// - when the message names one day ("tomorrow morning", "on Friday", "demain", "kesho"),
    ///   a time alone after it ("by 10am", "vers 15h", "saa nne", "between 2 and 4") is on that
    ///   day, not the next such time after the message.
    /// - an hour that needs a day (Arabizi "3al 11") takes the one day the message names.
    func settle(_ entities: inout [Entity], _ found: [(entity: Int, match: DTMatch)], pending: [DTExpr] = [], parser: DTParser,
                text: String, reference r: Reference) {
        let t = parser.t
        var matches: [DTMatch?] = found.map(\.match)
        var changed = [Bool](repeating: false, count: found.count)
        func sameSentence(_ from: Int, _ to: Int) -> Bool {
            var k = from
            while k < to {
                if t[k].lineBreak && k > from { return false }
                if t[k].kind == .symbol {
                    switch t[k].value {
                    case 0x2E, 0x21, 0x3F, 0x61F, 0x2026: return false  // . ! ? ؟ …
                    default: break
                    }
                }
                k += 1
            }
            return !t[to].lineBreak
        }
        // A part of the day alone and a time that fits it, among its near neighbours (the
        // mentions are in text order; all pairs were quadratic on a text of such words).
        for a in 0..<found.count {
            guard case .point(let p)? = matches[a], let part = p.part, p.clock == nil, p.shift == nil,
                  p.day == nil || p.day == .relativeDays(0) || p.day == .relativeDays(-1) else { continue }
            for b in max(0, a - Self.partNeighbours)..<min(found.count, a + Self.partNeighbours + 1) where b != a {
                guard case .point(var c)? = matches[b], let clock = c.clock, c.part == nil, c.day == nil, c.shift == nil else { continue }
                let (lo, hi) = p.first < c.first ? (p.next, c.first) : (c.next, p.first)
                guard hi >= lo, sameSentence(lo, hi) else { continue }
                guard let hour = Self.hour24(clock, part: part), Self.fits(part, hour) else { continue }
                c.part = part
                c.day = p.day
                if hi - lo <= 3 {
                    c.first = min(c.first, p.first)
                    c.next = max(c.next, p.next)
                }
                matches[b] = .point(c)
                matches[a] = nil
                changed[a] = true
                changed[b] = true
                break
            }
        }
        // The one day the message names.
        var day: Int? = nil
        var firstDay = Int.max
        var dayNext = 0
        days: for (k, match) in matches.enumerated() {
            guard let match else { continue }
            var named: DTDay? = nil
            switch match {
            case .point(let e) where e.shift == nil: named = e.day
            case .range(let a, let b, _, _): named = a.day ?? b.day
            default: continue
            }
            guard let named else { continue }
            if named.isPeriod { day = nil; break days }
            guard let value = value(of: match, parser: parser, reference: r) else { continue }
            let start = value.json["start"]?["timestamp"]?.int64Value ?? value.json["timestamp"]?.int64Value
            guard let instant = start.map(Int.init) else { continue }
            let local = Civil.floorDiv(instant + zone.offset(at: instant), 86400)
            if let named = day, named != local { day = nil; break days }
            day = local
            if found[k].entity < firstDay {
                firstDay = found[k].entity
                dayNext = span(match).1
            }
        }
        if let day {
            // "Saturday morning or any weekday after 6pm": a time past an "or" is not on the day.
            // Found once: a search per match was quadratic on a text of dates ("12/03 12/03 …").
            let alternative = (dayNext..<max(dayNext, t.count)).first { Self.alternativeKeys.contains(parser.key($0)) } ?? .max
            for (k, match) in matches.enumerated() where found[k].entity > firstDay {
                if let match, case let first = span(match).0, first > dayNext, alternative < first { continue }
                // A past day takes a time told of the past ("yesterday … the water stopped at 3pm"),
                // a day ahead any but one ("tomorrow? It broke at 3am" stays this morning's).
                if let match {
                    let (first, next) = span(match)
                    let tense = parser.tense(first: first, next: next)
                    if day < r.days ? tense != .past : day > r.days && tense == .past { continue }
                }
                switch match {
                case .point(var e)? where Self.timeOnly(e):
                    e.day = .relativeDays(day - r.days)
                    matches[k] = .point(e)
                    changed[k] = true
                case .range(var a, let b, let first, let next)? where a.day == nil && b.day == nil && a.shift == nil && b.shift == nil:
                    a.day = .relativeDays(day - r.days)
                    matches[k] = .range(a, b, first: first, next: next)
                    changed[k] = true
                default: break
                }
            }
        }
        var drop: [Int] = []
        for k in 0..<found.count where changed[k] {
            guard let match = matches[k] else { drop.append(found[k].entity); continue }
            guard let value = value(of: match, parser: parser, reference: r) else { continue }
            let (first, next) = span(match)
            entities[found[k].entity] = Entity(type: value.type, text: String(text.unicodeScalars[t[first].lo..<t[next - 1].hi]),
                                               start: t[first].start, end: t[next - 1].end, value: value.json,
                                               confidence: value.confidence, source: .pattern)
        }
        if !drop.isEmpty {
            let dropped = Set(drop)
            entities = entities.indices.filter { !dropped.contains($0) }.map { entities[$0] }
        }
        guard let day, !pending.isEmpty else { return }
        for var e in pending {
            e.day = .relativeDays(day - r.days)
            guard let value = value(of: .point(e), parser: parser, reference: r) else { continue }
            entities.append(Entity(type: value.type, text: String(text.unicodeScalars[t[e.first].lo..<t[e.next - 1].hi]),
                                   start: t[e.first].start, end: t[e.next - 1].end, value: value.json,
                                   confidence: value.confidence, source: .pattern))
        }
        // In text order, as found (sorted once: an insert each was quadratic in crafted text).
        entities.sort { $0.start < $1.start }
    }

    /// How many mentions either side a part of the day looks at for its time ("tomorrow
    /// morning … at 9"): the pair is told close together.
    static let partNeighbours = 4

    /// "Or" in the languages served: a time after it is another choice, not the day's time.
    static let alternativeKeys: Set<UInt64> = Set(["or", "ou", "ama", "cyangwa", "wala", "walla", "wla"].map(DTLexicon.key))

    func span(_ match: DTMatch) -> (Int, Int) {
        switch match {
        case .point(let e): return (e.first, e.next)
        case .range(_, _, let first, let next): return (first, next)
        case .duration(let d): return (d.first, d.next)
        }
    }

    // MARK: values

    func value(of match: DTMatch, parser: DTParser, reference r: Reference) -> (type: String, json: JSONValue, confidence: Double)? {
        switch match {
        case .duration(let d):
            // "a 6 month old", "3 years old": an age, not a length of stay.
            if parser.key(d.next) == DTParser.keyOld { return nil }
            if d.weak {
                let before = d.first - 1
                // "one month notice", "a month's notice", "a year lease": a noun of length after it.
                var after = d.next
                if parser.isApostrophe(after), parser.key(after + 1) == DTParser.keyS { after += 2 }
                // "instead of a year", "a lease of one year", "rather than a month": a length compared or named.
                let supported = parser.fn(before) == .for || parser.fn(before) == .within
                    || (before >= 0 && DTParser.supportKeys.contains(parser.key(before)))
                    || DTParser.lengthNouns.contains(parser.key(after))
                    || parser.fn(before) == .of && (parser.key(before - 1) == DTParser.keyInstead || DTParser.lengthNouns.contains(parser.key(before - 1)))
                    || parser.key(before) == DTParser.keyThan
                if !supported { return nil }
            }
            let seconds = Int((d.amount * Double(d.unit.seconds)).rounded())
            return ("duration", ["seconds": .int(Int64(seconds)), "iso": .string(Self.isoDuration(d.amount, d.unit))], d.weak ? 0.8 : 0.9)
        case .point(let e):
            if e.isBareOnly || e.bareNumber != nil && e.clock == nil || e.needsDay && e.day == nil { return nil }
            let supported = parser.supported(e.first)
            if (e.weak || e.needsPrefix) && !supported { return nil }
            guard let point = resolve(e, r, tense: parser.tense(first: e.first, next: e.next),
                                      present: Self.timeOnly(e) && parser.saidNow(first: e.first, next: e.next)) else { return nil }
            let confidence = e.weak || e.needsPrefix ? 0.75 : e.numeric ? 0.85 : (e.clock?.bare ?? false) ? 0.8 : 0.9
            if let end = point.end {
                return ("datetime", rangeJSON(point.local, end, point.granularity), confidence)
            }
            let instant = point.instant ?? zone.instant(local: point.local)
            var object = JSONObject()
            object.append("iso", .string(iso(instant)))
            object.append("granularity", .string(point.granularity.name))
            object.append("timestamp", .int(Int64(instant)))
            return ("datetime", .object(object), confidence)
        case .range(let a, let b, let first, let next):
            guard let (start, end) = resolveRange(a, b, r, tense: parser.tense(first: first, next: next)) else { return nil }
            let granularity = Granularity(rawValue: min(start.granularity.rawValue, end.granularity.rawValue)) ?? .day
            let confidence = (a.clock?.bare ?? false) || (b.clock?.bare ?? false) ? 0.8 : 0.9
            return ("datetime", rangeJSON(start.local, end.local, granularity, startInstant: start.instant, endInstant: end.instant), confidence)
        }
    }

    func rangeJSON(_ start: Int, _ end: Int, _ granularity: Granularity, startInstant: Int? = nil, endInstant: Int? = nil) -> JSONValue {
        func point(_ instant: Int) -> JSONValue {
            ["iso": .string(iso(instant)), "timestamp": .int(Int64(instant))]
        }
        var object = JSONObject()
        object.append("start", point(startInstant ?? zone.instant(local: start)))
        object.append("end", point(endInstant ?? zone.instant(local: end)))
        object.append("granularity", .string(granularity.name))
        return .object(object)
    }

    // MARK: resolution

    enum Granularity: Int {
        case minute, hour, day, week, month, year

        var name: String {
            switch self {
            case .minute: return "minute"
            case .hour: return "hour"
            case .day: return "day"
            case .week: return "week"
            case .month: return "month"
            case .year: return "year"
            }
        }
    }

    /// The message's instant as a local civil time.
    struct Reference {
        let instant: Int
        let days: Int
        let seconds: Int
        let weekday: Int
        let year: Int
        let month: Int
        let day: Int

        init(instant: Int, zone: TimeZoneRules) {
            self.instant = instant
            let (days, seconds) = Civil.split(instant + zone.offset(at: instant))
            self.days = days
            self.seconds = seconds
            weekday = Civil.weekday(days: days)
            (year, month, day) = Civil.date(days: days)
        }
    }

    struct Resolved {
        /// Local seconds (since 1970-01-01T00:00 local).
        var local: Int
        var granularity: Granularity
        /// Set when the expression is an exact instant ("in 2 hours").
        var instant: Int? = nil
        /// A range's end, for "weekend".
        var end: Int? = nil
    }

    /// The hour on a 24-hour clock a written time stands for, nil when am/pm is open.
    static func hour24(_ clock: DTClock, part: PartOfDay?) -> Int? {
        var h = clock.hour
        if clock.midnight { return 0 }
        if clock.meridiem == 2 { return h % 12 + 12 }
        if clock.meridiem == 1 { return h % 12 }
        if clock.fixed24 || h == 0 || h >= 12 { return h == 24 ? 0 : h }
        if let part {
            if part == .afternoon || part == .evening || (part == .night && h >= 5) { h += 12 }
            return h
        }
        return nil
    }

    /// The year of a month named without one: the nearest occurrence (a tie goes ahead), the
    /// latest up to this month in the past tense, the next from this month in the future.
    static func year(ofMonth month: Int, _ r: Reference, tense: DTTense) -> Int {
        switch tense {
        case .past: return month <= r.month ? r.year : r.year - 1
        case .future: return month >= r.month ? r.year : r.year + 1
        case .neutral:
            let ahead = (month - r.month + 12) % 12
            return ahead <= 6 ? (month >= r.month ? r.year : r.year + 1) : (month <= r.month ? r.year : r.year - 1)
        }
    }

    /// `present`: the time is said to be now ("ni saa tano sasa", "it's 11 now"): today's, the
    /// half of the day nearest the message when am/pm is open.
    func resolve(_ e: DTExpr, _ r: Reference, heuristic: Bool = false, dayOverride: Int? = nil, tense: DTTense = .neutral,
                 present: Bool = false) -> Resolved? {
        let past = tense == .past
        if let shift = e.shift {
            let instant = Civil.floorDiv(r.instant + shift, 60) * 60
            return Resolved(local: instant + zone.offset(at: instant), granularity: .minute, instant: instant)
        }
        var seconds: Int? = nil
        var granularity = Granularity.day
        var ambiguous = false
        var extraDay = 0
        if let clock = e.clock {
            var h: Int
            if let known = Self.hour24(clock, part: e.part) {
                h = known
            } else {
                h = clock.hour
                ambiguous = true
            }
            if clock.midnight || (clock.hour == 24 && clock.fixed24) { extraDay = 1 }
            // The small hours of a night named by its day: "tonight at 2am", "last night at 1am",
            // "Friday night at 3" are the next morning's.
            if e.part == .night, e.day != nil, h <= 5, !ambiguous { extraDay = 1 }
            let explicitDay = e.day != nil || dayOverride != nil || heuristic
            if ambiguous && explicitDay {
                if h <= 7 { h += 12 }
                ambiguous = false
            }
            seconds = h * 3600 + clock.minute * 60
            granularity = clock.precise ? .minute : .hour
        } else if let part = e.part {
            seconds = part.hour * 3600
            granularity = .hour
        }
        let ahead = seconds.map { $0 + extraDay * 86400 > r.seconds } ?? false
        let behind = seconds.map { $0 + extraDay * 86400 <= r.seconds } ?? false
        var days: Int
        var dayGranularity = Granularity.day
        var end: Int? = nil
        if let dayOverride {
            days = dayOverride
        } else if let day = e.day {
            switch day {
            case .relativeDays(let n):
                days = r.days + n
            case .eitherDay(let n):
                days = r.days + (past ? -n : n)
            case .weekday(let w, let modifier):
                switch modifier {
                case nil where past, .some(0) where past:
                    // "since Monday", "it happened this Monday": the latest one up to today
                    // (today only with a time already gone by, or "this").
                    var delta = (r.weekday - w + 7) % 7
                    if delta == 0 && modifier == nil && !behind { delta = 7 }
                    days = r.days - delta
                case nil:
                    var delta = (w - r.weekday + 7) % 7
                    if delta == 0 && !ahead { delta = 7 }
                    days = r.days + delta
                case .some(1):
                    days = r.days - r.weekday + 7 + w
                case .some(-1):
                    var delta = (r.weekday - w + 7) % 7
                    if delta == 0 { delta = 7 }
                    days = r.days - delta
                default:
                    days = r.days + (w - r.weekday + 7) % 7
                }
            case .comingWeekday(let w):
                let delta = (w - r.weekday + 7) % 7
                days = r.days + (delta == 0 ? 7 : delta)
            case .date(let year, let month, let dayNumber):
                if let year {
                    guard Civil.isValid(year: year, month: month, day: dayNumber) else { return nil }
                    days = Civil.days(year: year, month: month, day: dayNumber)
                } else if past {
                    var y = r.year
                    while !Civil.isValid(year: y, month: month, day: dayNumber) || Civil.days(year: y, month: month, day: dayNumber) > r.days {
                        y -= 1
                        if y < r.year - 8 { return nil }
                    }
                    days = Civil.days(year: y, month: month, day: dayNumber)
                } else {
                    var y = r.year
                    while !Civil.isValid(year: y, month: month, day: dayNumber) || Civil.days(year: y, month: month, day: dayNumber) < r.days {
                        y += 1
                        if y > r.year + 8 { return nil }
                    }
                    days = Civil.days(year: y, month: month, day: dayNumber)
                    // Said without a tense, a date more than half a year ahead is the one just
                    // gone ("the invoice of 30/11" on 1 December), as a month is (`year(ofMonth:)`).
                    if tense == .neutral, days - r.days > 184 {
                        var back = y - 1
                        while back >= r.year - 8, !Civil.isValid(year: back, month: month, day: dayNumber) { back -= 1 }
                        if back >= r.year - 8 { days = Civil.days(year: back, month: month, day: dayNumber) }
                    }
                }
            case .dayOfMonth(let n) where past:
                var found: Int? = nil
                for k in 0..<13 {
                    let (y, m) = Civil.addMonths(year: r.year, month: r.month, -k)
                    if n <= Civil.daysInMonth(year: y, month: m), Civil.days(year: y, month: m, day: n) <= r.days {
                        found = Civil.days(year: y, month: m, day: n)
                        break
                    }
                }
                guard let found else { return nil }
                days = found
            case .dayOfMonth(let n):
                var found: Int? = nil
                for k in 0..<13 {
                    let (y, m) = Civil.addMonths(year: r.year, month: r.month, k)
                    if n <= Civil.daysInMonth(year: y, month: m), Civil.days(year: y, month: m, day: n) >= r.days {
                        found = Civil.days(year: y, month: m, day: n)
                        break
                    }
                }
                guard let found else { return nil }
                days = found
            case .month(let year, let month, let modifier):
                let y: Int
                if let year {
                    y = year
                } else if modifier == -1 {
                    y = month < r.month ? r.year : r.year - 1
                } else if modifier == 1 && month == r.month {
                    y = r.year + 1
                } else if modifier == nil {
                    y = Self.year(ofMonth: month, r, tense: tense)
                } else {
                    y = month >= r.month ? r.year : r.year + 1
                }
                days = Civil.days(year: y, month: month, day: 1)
                dayGranularity = .month
            case .monthEdge(let year, let month, let isEnd):
                let y = year ?? Self.year(ofMonth: month, r, tense: tense)
                days = Civil.days(year: y, month: month, day: isEnd ? Civil.daysInMonth(year: y, month: month) : 1)
            case .weekdayInMonth(let n, let w, let month?, let year, _):
                var found: Int? = nil
                if let year {
                    found = Civil.days(year: year, month: month, weekday: w, nth: n)
                } else {
                    // The next one from today, or the latest in the past tense.
                    for k in 0...8 {
                        let y = past ? r.year - k : r.year + k
                        if let d = Civil.days(year: y, month: month, weekday: w, nth: n), past ? d <= r.days : d >= r.days {
                            found = d
                            break
                        }
                    }
                }
                guard let found else { return nil }
                days = found
            case .weekdayInMonth(let n, let w, nil, _, let months?):
                let (y, m) = Civil.addMonths(year: r.year, month: r.month, months)
                guard let found = Civil.days(year: y, month: m, weekday: w, nth: n) else { return nil }
                days = found
            case .weekdayInMonth(let n, let w, nil, _, nil):
                var found: Int? = nil
                for k in 0..<13 {
                    let (y, m) = Civil.addMonths(year: r.year, month: r.month, past ? -k : k)
                    if let d = Civil.days(year: y, month: m, weekday: w, nth: n), past ? d <= r.days : d >= r.days {
                        found = d
                        break
                    }
                }
                guard let found else { return nil }
                days = found
            case .dayInMonths(let n, let months):
                let (y, m) = Civil.addMonths(year: r.year, month: r.month, months)
                guard n <= Civil.daysInMonth(year: y, month: m) else { return nil }
                days = Civil.days(year: y, month: m, day: n)
            case .week(let n):
                days = r.days - r.weekday + 7 * n
                dayGranularity = .week
            case .weekdayOfWeek(let n, let w):
                days = r.days - r.weekday + 7 * n + w
            case .monthOffset(let n):
                let (y, m) = Civil.addMonths(year: r.year, month: r.month, n)
                days = Civil.days(year: y, month: m, day: 1)
                dayGranularity = .month
            case .yearOffset(let n):
                days = Civil.days(year: r.year + n, month: 1, day: 1)
                dayGranularity = .year
            case .year(let y):
                days = Civil.days(year: y, month: 1, day: 1)
                dayGranularity = .year
            case .monthsLater(let n):
                let (y, m) = Civil.addMonths(year: r.year, month: r.month, n)
                days = Civil.days(year: y, month: m, day: min(r.day, Civil.daysInMonth(year: y, month: m)))
            case .endOf(let unit, let n), .startOf(let unit, let n):
                var isEnd = false
                if case .endOf = day { isEnd = true }
                switch unit {
                case .week:
                    days = r.days - r.weekday + 7 * n + (isEnd ? 6 : 0)
                case .year:
                    days = isEnd ? Civil.days(year: r.year + n, month: 12, day: 31) : Civil.days(year: r.year + n, month: 1, day: 1)
                default:
                    let (y, m) = Civil.addMonths(year: r.year, month: r.month, n)
                    days = Civil.days(year: y, month: m, day: isEnd ? Civil.daysInMonth(year: y, month: m) : 1)
                }
            case .weekend(let n):
                // "since the weekend" on a weekday: the one before.
                let n = n == 0 && past && r.weekday < 5 ? -1 : n
                days = r.days - r.weekday + 5 + 7 * n
                end = (days + 1) * 86400
            }
        } else {
            guard var s = seconds else { return nil }
            if present {
                if ambiguous, abs(s + 43200 - r.seconds) < abs(s - r.seconds) { s += 43200 }
                seconds = s
                days = r.days
            } else if past {
                // "that was at 9am", "since morning": the latest such time up to now.
                let now = r.seconds - extraDay * 86400
                if ambiguous {
                    if s + 43200 <= now {
                        s += 43200
                        days = r.days
                    } else if s <= now {
                        days = r.days
                    } else {
                        s += 43200
                        days = r.days - 1
                    }
                    seconds = s
                } else if e.clock == nil, let part = e.part, part.startHour * 3600 <= now, s > now {
                    // A part of the day under way is today's, from its start: "since morning" at 06:30.
                    s = part.startHour * 3600
                    seconds = s
                    days = r.days
                } else {
                    days = s <= now ? r.days : r.days - 1
                }
            } else if ambiguous {
                // A time just past is the one meant, written late: "it's now 1:40" sent at 13:42.
                if s > r.seconds - Self.lateGrace {
                    days = r.days
                } else if s + 43200 > r.seconds - Self.lateGrace {
                    days = r.days
                    s += 43200
                } else {
                    days = r.days + 1
                }
                seconds = s
            } else {
                days = ahead ? r.days : r.days + 1
            }
        }
        if let s = seconds {
            return Resolved(local: (days + extraDay) * 86400 + s, granularity: granularity, end: end)
        }
        return Resolved(local: days * 86400, granularity: dayGranularity, end: end)
    }

    /// How long before the message an ambiguous time may be and still be today's (seconds).
    static let lateGrace = 1800

    func resolveRange(_ first: DTExpr, _ second: DTExpr, _ r: Reference, tense: DTTense = .neutral) -> (Resolved, Resolved)? {
        var a = first
        let b = second
        if a.day == nil, let d = b.day, !d.isPeriod { a.day = d }
        // "3-5pm", "11 to 2pm": the start takes the end's am/pm unless that puts it after the end.
        if var clock = a.clock, clock.meridiem == 0, !clock.fixed24, let bc = b.clock, bc.meridiem != 0, let bh = Self.hour24(bc, part: b.part) {
            let asPM = clock.hour % 12 + (bc.meridiem == 2 ? 12 : 0)
            clock.meridiem = asPM <= bh ? bc.meridiem : 1
            a.clock = clock
        }
        // A range's start reads an open hour the business way (8–11 am, 1–7 pm), as "8:00 to 17:00" means.
        guard let start = resolve(a, r, heuristic: true, tense: tense) else { return nil }
        let startDay = Civil.floorDiv(start.local, 86400)
        var end: Resolved
        if b.day == nil {
            guard let resolved = resolve(b, r, heuristic: true, dayOverride: startDay) else { return nil }
            end = resolved
        } else if case .weekday(let w, nil)? = b.day {
            let delta = (w - Civil.weekday(days: startDay) + 7) % 7
            guard let resolved = resolve(b, r, heuristic: true, dayOverride: startDay + delta) else { return nil }
            end = resolved
        } else {
            guard let resolved = resolve(b, r, heuristic: true, tense: tense) else { return nil }
            end = resolved
        }
        if let weekendEnd = start.end, end.end != nil { end.local = end.local > weekendEnd ? end.local : weekendEnd }
        if end.local <= start.local, start.instant == nil, end.instant == nil {
            if let clock = b.clock, clock.meridiem == 0, !clock.fixed24, clock.hour < 12, end.local + 43200 > start.local {
                end.local += 43200
            } else if b.day == nil {
                end.local += 86400
            } else if case .weekday(_, nil)? = b.day {
                end.local += 7 * 86400
            }
        }
        return (start, end)
    }

    // MARK: formatting

    /// "2026-11-26T17:00:00+02:00".
    func iso(_ instant: Int) -> String {
        let offset = zone.offset(at: instant)
        let (days, seconds) = Civil.split(instant + offset)
        let (y, m, d) = Civil.date(days: days)
        var out = ""
        out.reserveCapacity(25)
        if y < 0 { out += "-" }
        Self.pad(&out, abs(y), 4)
        out += "-"
        Self.pad(&out, m, 2)
        out += "-"
        Self.pad(&out, d, 2)
        out += "T"
        Self.pad(&out, seconds / 3600, 2)
        out += ":"
        Self.pad(&out, seconds / 60 % 60, 2)
        out += ":"
        Self.pad(&out, seconds % 60, 2)
        out += offset < 0 ? "-" : "+"
        Self.pad(&out, abs(offset) / 3600, 2)
        out += ":"
        Self.pad(&out, abs(offset) / 60 % 60, 2)
        return out
    }

    static func pad(_ out: inout String, _ value: Int, _ width: Int) {
        let digits = String(value)
        if digits.utf8.count < width { out += String(repeating: "0", count: width - digits.utf8.count) }
        out += digits
    }

    /// ISO 8601 duration: "P2W", "P12M", "PT1H", "PT30M"; fractions are spelled out from the
    /// seconds ("1.5 hours" → "PT1H30M").
    static func isoDuration(_ amount: Double, _ unit: DTUnit) -> String {
        if amount.rounded() == amount, amount < 1e9 {
            let n = Int(amount)
            switch unit {
            case .second: return "PT\(n)S"
            case .minute: return "PT\(n)M"
            case .hour: return "PT\(n)H"
            case .day: return "P\(n)D"
            case .week: return "P\(n)W"
            case .fortnight: return "P\(2 * n)W"
            case .month: return "P\(n)M"
            case .year: return "P\(n)Y"
            }
        }
        var rest = Int((amount * Double(unit.seconds)).rounded())
        let days = rest / 86400
        rest %= 86400
        var out = "P"
        if days > 0 { out += "\(days)D" }
        if rest > 0 || days == 0 {
            out += "T"
            if rest / 3600 > 0 { out += "\(rest / 3600)H" }
            if rest / 60 % 60 > 0 { out += "\(rest / 60 % 60)M" }
            if rest % 60 > 0 || rest == 0 { out += "\(rest % 60)S" }
        }
        return out
    }
}
