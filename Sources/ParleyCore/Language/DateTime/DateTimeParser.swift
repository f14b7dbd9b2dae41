/// A time of day as written.
struct DTClock: Equatable {
    var hour: Int
    var minute: Int = 0
    /// 0 none, 1 am, 2 pm.
    var meridiem: Int = 0
    /// Minutes written ("17:00", "5:30pm"): granularity minute.
    var precise: Bool = false
    /// Read on a 24-hour clock (0, 13...23, a leading zero, French "17h", noon).
    var fixed24: Bool = false
    var midnight: Bool = false
    /// A number alone ("at 5", "from 3 to 5").
    var bare: Bool = false
    /// Written the French way, "8h", "17h30" (read on the 24-hour clock unless a part of the day follows).
    var hNotation: Bool = false
}

/// The day (or longer period) an expression names, before it is resolved.
enum DTDay: Equatable {
    case relativeDays(Int)
    /// Weekday 0 = Monday; modifier nil (bare), 0 this, 1 next, -1 last.
    case weekday(Int, Int?)
    /// The first such weekday after today, whatever the sentence's tense: a weekday with a
    /// "coming" word after it, French "samedi prochain", Swahili "Jumamosi ijayo",
    /// Kinyarwanda "ku wa gatandatu utaha", Arabic "el sabt el gai" (where English "next
    /// Saturday", said on a Monday, names the week after's).
    case comingWeekday(Int)
    case date(year: Int?, month: Int, day: Int)
    case dayOfMonth(Int)
    case month(year: Int?, month: Int, modifier: Int?)
    case week(Int)
    case weekdayOfWeek(Int, Int)
    case monthOffset(Int)
    case yearOffset(Int)
    case year(Int)
    case monthsLater(Int)
    case endOf(DTUnit, Int)
    case startOf(DTUnit, Int)
    case weekend(Int)
    /// Kinyarwanda "ejo" is yesterday or tomorrow, "ejobundi" two days either way: the tense
    /// of the sentence decides (tomorrow unless it speaks of the past).
    case eitherDay(Int)
    /// The last or first day of a named month: "the end of April", "fin mai", "début avril".
    case monthEdge(year: Int?, month: Int, end: Bool)
    /// A weekday counted in a month (nth 1…5, -1 the last): of a named month ("the first Monday
    /// of December"), of the month `months` from this one ("of next month"), or, with neither,
    /// of the month at hand ("last Friday of the month": this month's unless gone by, as "the 5th").
    case weekdayInMonth(nth: Int, weekday: Int, month: Int?, year: Int?, months: Int?)
    /// A day of the month some months from this one: "tarehe 10 mwezi ujao", "the 10th of
    /// next month", "le 5 du mois prochain".
    case dayInMonths(day: Int, months: Int)

    var isWeekday: Bool {
        if case .weekday(_, nil) = self { return true }
        return false
    }

    var isDate: Bool {
        switch self {
        case .date, .dayOfMonth, .dayInMonths, .monthEdge, .weekdayInMonth: return true
        default: return false
        }
    }

    /// A period longer than a day, which takes no time of day.
    var isPeriod: Bool {
        switch self {
        case .month, .week, .monthOffset, .yearOffset, .year, .weekend: return true
        default: return false
        }
    }
}

/// A point expression over tokens `first..<next`.
struct DTExpr {
    var first: Int
    var next: Int
    var day: DTDay? = nil
    var clock: DTClock? = nil
    var part: PartOfDay? = nil
    /// Seconds from the reference ("in 2 hours", "3 hours ago").
    var shift: Int? = nil
    /// A single ambiguous word ("morning", "Sat"): kept only after a preposition or modifier.
    var weak = false
    /// Kept only after a preposition ("sat", "may 5" in lower case).
    var needsPrefix = false
    /// A number alone, as a range end may be ("5-7 December", "3-5pm").
    var bareNumber: Int? = nil
    /// An hour placed by Arabizi "3al", "3la" ("3al 11"), which also means "for" ("3la 10 alaf"):
    /// a time only with a day, joined ("bokra 3al 11") or named elsewhere in the message.
    var needsDay = false
    var numeric = false
    var components = 1

    var isBareOnly: Bool {
        day == nil && part == nil && shift == nil && (clock == nil || clock!.bare) && bareNumber != nil
    }
}

struct DTDuration {
    var first: Int
    var next: Int
    var amount: Double
    var unit: DTUnit
    var weak: Bool
}

enum DTMatch {
    case point(DTExpr)
    case range(DTExpr, DTExpr, first: Int, next: Int)
    case duration(DTDuration)

    var next: Int {
        switch self {
        case .point(let e): return e.next
        case .range(_, _, _, let next): return next
        case .duration(let d): return d.next
        }
    }
}

/// Recursive descent over the tokens. Every function takes a token index and returns what it
/// read with the index after it, or nil.
struct DTParser {
    let t: [DTToken]
    let dayFirst: Bool

    // MARK: token tests

    @inline(__always) func lex(_ i: Int) -> DTLex? { i >= 0 && i < t.count ? t[i].lex : nil }

    @inline(__always) func fn(_ i: Int) -> DTFunction? {
        if case .function(let f)? = lex(i) { return f }
        return nil
    }

    @inline(__always) func sym(_ i: Int, _ scalar: Unicode.Scalar) -> Bool {
        i >= 0 && i < t.count && t[i].kind == .symbol && t[i].value == Int(scalar.value)
    }

    @inline(__always) func isNumber(_ i: Int) -> Bool { i >= 0 && i < t.count && t[i].kind == .number }
    @inline(__always) func glued(_ i: Int) -> Bool { i < t.count && !t[i].spaced }
    @inline(__always) func isDash(_ i: Int) -> Bool { sym(i, "-") || sym(i, "\u{2013}") || sym(i, "\u{2014}") }
    @inline(__always) func isApostrophe(_ i: Int) -> Bool { sym(i, "'") || sym(i, "\u{2019}") }
    @inline(__always) func key(_ i: Int) -> UInt64 { i >= 0 && i < t.count && t[i].kind == .word ? t[i].key : .max }

    static let keyH = DTLexicon.key("h")
    static let keyA = DTLexicon.key("a")
    static let keyAnother = DTLexicon.key("another")
    static let keyInstead = DTLexicon.key("instead")
    static let keyThan = DTLexicon.key("than")
    static let keyP = DTLexicon.key("p")
    static let keyM = DTLexicon.key("m")
    static let keyT = DTLexicon.key("t")
    static let keyWeek = DTLexicon.key("week")
    static let keyEnd = DTLexicon.key("end")
    static let keyAn = DTLexicon.key("an")
    static let keyUn = DTLexicon.key("un")
    static let keyUne = DTLexicon.key("une")
    static let keyEjo = DTLexicon.key("ejo")

    /// A weekday with a word after it: "coming" (prochain, ijayo, utaha, el gai) names the
    /// first one ahead; "last" (dernier, iliyopita) as it does in English.
    static func weekday(_ w: Int, after modifier: Int) -> DTDay {
        modifier == 1 ? .comingWeekday(w) : .weekday(w, modifier)
    }
    static let keyEjobundi = DTLexicon.key("ejobundi")
    static let keyBundi = DTLexicon.key("bundi")
    static let extraKeys: Set<UInt64> = Set(["more", "extra", "additional", "further"].map(DTLexicon.key))
    static let keyMwisho = DTLexicon.key("mwisho")
    static let keyMwezi = DTLexicon.key("mwezi")
    static let keyZ = DTLexicon.key("z")
    static let keyD = DTLexicon.key("d")
    static let supportKeys: Set<UInt64> = Set(["about", "around", "over", "under", "only", "just", "takes", "take", "took", "lasts", "last", "whole", "full", "entire", "another", "extra", "pendant", "durant"].map(DTLexicon.key))
    /// Words before a number that make it a label, not a date: "room 12/3", "plot 4/5".
    static let labelNouns: Set<UInt64> = Set(["room", "unit", "apt", "apartment", "flat", "house", "plot", "no", "nr", "number", "block", "door", "floor", "ref", "page", "item", "lot", "box", "code", "version", "ticket", "invoice", "order", "id", "batch", "acc", "tel", "phone", "score", "chambre", "appartement", "maison", "nyumba", "chumba"].map(DTLexicon.key))
    /// Nouns after which "the 5th" is not a date: "the 5th floor".
    static let ordinalNouns: Set<UInt64> = Set(["floor", "floors", "storey", "story", "time", "times", "place", "street", "avenue", "road", "row", "grade", "edition", "unit", "apartment", "flat", "house", "door", "room", "building", "block", "level", "one", "person", "people", "tenant", "year", "month", "week", "day", "century", "anniversary", "birthday", "etage", "chapter", "page", "item", "line", "option", "round", "payment", "installment", "instalment", "semester", "semesters", "term", "trimester", "quarter", "phase", "stage",
                                                     "child", "kid", "son", "daughter", "wife", "tranche", "fois", "trimestre", "semestre",
                                                     "versement", "niveau"].map(DTLexicon.key))

    /// Whether a match ending before token `j` ends cleanly: not glued to a letter, digit,
    /// "%" or "/", nor to a separator followed by a digit ("5:30:00:00", "12/03/2026/1").
    func endsCleanly(_ j: Int) -> Bool {
        guard j < t.count, !t[j].spaced else { return true }
        switch t[j].kind {
        case .word, .number: return false
        case .symbol:
            let v = t[j].value
            if v == 0x25 || v == 0x2F || v == 0xB0 || v == 0x3A { return false }  // % / ° :
            if (v == 0x2E || v == 0x2D || v == 0x2C) && isNumber(j + 1) && glued(j + 1) { return false }
            return true
        }
    }

    /// Whether a match may start at token `i`: not glued to a word, a number, a currency or a
    /// separator that makes it part of something else ("4B", "$1,200", "0788-123", "v2.5").
    func canStart(_ i: Int) -> Bool {
        // Past the last token ("… il y a" ending the text): nothing starts there.
        guard i < t.count else { return false }
        guard i > 0, !t[i].spaced else { return true }
        let previous = t[i - 1]
        switch previous.kind {
        case .word, .number: return false
        case .symbol:
            switch previous.value {
            case 0x24, 0x20AC, 0xA3, 0x23, 0x2B, 0x2E, 0x2F, 0x3A, 0x2C, 0x25, 0x2A, 0x3D, 0x5C, 0x5F, 0x40:
                return false  // $ € £ # + . / : , % * = \ _ @
            case 0x2D, 0x2013, 0x2014:
                return !(i >= 2 && (t[i - 2].kind == .number || t[i - 2].kind == .word) && !t[i - 1].spaced)
            default: return true
            }
        }
    }

    // MARK: top level

    /// The longest match starting at token `i`.
    func match(at i: Int) -> DTMatch? {
        if let range = range(at: i) { return range }
        guard let component = component(at: i, bare: false) else { return nil }
        switch component {
        case .duration: return component
        case .point(var e):
            // "jeudi 17h-19h", "Friday 9am-5pm": a range of times right after a day takes the day
            // (merging first would take its start as the day's time and leave the end alone).
            if let day = e.day, e.clock == nil, e.part == nil, !day.isPeriod, e.shift == nil,
               case .range(var a, let b, _, let next)? = range(at: e.next), a.day == nil, b.day == nil, a.clock != nil {
                a.day = day
                return .range(a, b, first: e.first, next: next)
            }
            merge(&e)
            // "tomorrow from 3 to 5", "Friday between 2 and 4pm": the day carries into the range.
            if let day = e.day, e.clock == nil, e.part == nil, !day.isPeriod, e.shift == nil,
               case .range(var a, let b, _, let next)? = range(at: e.next), a.day == nil, b.day == nil {
                a.day = day
                return .range(a, b, first: e.first, next: next)
            }
            return .point(e)
        case .range: return component
        }
    }

    /// Whether the word before token `i` lets a weak expression stand: "on sat", "by Friday".
    func supported(_ i: Int) -> Bool {
        guard i > 0 else { return false }
        switch fn(i - 1) {
        case .on?, .by?, .until?, .till?, .before?, .after?, .from?, .since?, .le?, .du?, .au?, .des?, .for?, .in?, .at?, .vers?, .ku?, .mu?:
            return true
        case .the?, .el?:
            // A part of the day over an article: "since the evening", "men el sob7" (not "in
            // the sun").
            guard case .part? = lex(i), i > 1, fn(i - 2) != .the, fn(i - 2) != .el else { return false }
            return supported(i - 1) || Self.sinceKeys.contains(key(i - 2))
        default:
            if case .modifier? = lex(i - 1) { return true }
            return false
        }
    }

    /// Adds the components that follow `e` ("tomorrow" + "at 5pm", "5pm" + "on Friday").
    func merge(_ e: inout DTExpr) {
        while true {
            var k = e.next
            if sym(k, ",") || fn(k) == .on || fn(k) == .by || fn(k) == .el || fn(k) == .l && fn(k + 1) == .at { k += 1 }
            // Maghrebi "ghodwa il sbe7", "ghda f sbah": "the" or "in" before the part of the day.
            if Self.beforePartKeys.contains(key(k)), case .part? = lex(k + 1) { k += 1 }
            // French "2h du matin", "8h du soir", "3h de l'après-midi": the part of the day
            // settles the half of the day of a time written on the 24-hour clock's way.
            if e.clock != nil, e.part == nil, e.day == nil || !(e.day!.isPeriod), fn(k) == .du || fn(k) == .de {
                var j = k + 1
                if fn(j) == .la { j += 1 } else if fn(j) == .l, isApostrophe(j + 1) { j += 2 }
                if case .point(var p)? = component(at: j, bare: false), p.part != nil, p.day == nil, p.clock == nil, p.shift == nil {
                    p.first = k
                    if var clock = e.clock, clock.hNotation, clock.hour >= 1, clock.hour <= 11 {
                        clock.fixed24 = false
                        e.clock = clock
                    }
                    if combine(&e, p) { continue }
                }
                return
            }
            // After a day, French "14h" is a time ("mardi 14h"), not fourteen hours.
            if e.day != nil, e.clock == nil, isNumber(k), key(k + 1) == Self.keyH, glued(k + 1), canStart(k),
               let (clock, end) = clock(at: k, bare: true) {
                if combine(&e, DTExpr(first: k, next: end, clock: clock)) { continue }
                return
            }
            // "Wednesday after 5", "tomorrow by 4", Darija "ghda m3a 4": after a day, a bare hour
            // that a word places is the day's time (a day named reads 1–7 as pm); not a count
            // ("Monday after 2 weeks").
            // So is a time written in full after "around", "after" ("Saturday afternoon around 14:30").
            if let day = e.day, !day.isPeriod, e.clock == nil, e.shift == nil,
               fn(e.next) == .by || fn(k) == .m3a || Self.hourPlacingKeys.contains(key(k)), case let j = fn(e.next) == .by ? k : k + 1,
               let (clock, end) = placedHour(at: j) {
                if combine(&e, DTExpr(first: k, next: end, clock: clock)) { continue }
                return
            }
            guard let next = component(at: k, bare: false), case .point(let c) = next, combine(&e, c) else { return }
        }
    }

    static let beforePartKeys: Set<UInt64> = Set(["il", "l", "f", "fi", "fel", "fl", "fil"].map(DTLexicon.key))

    /// The hour a placing word puts after a day (`merge`) or that Arabizi "3al"/"3la" puts
    /// without one (`component`): a bare hour 1–12 ("3al 5", Levantine "3al se3a 5" over the
    /// word for hour) or a time written in full ("14:30", "14h"); not a count ("after 2 weeks",
    /// "3la 10 alaf": for ten thousand). Arabizi "w nos" adds half an hour, "w rob3" a quarter.
    func placedHour(at start: Int) -> (DTClock, Int)? {
        var j = fn(start) == .at ? start + 1 : start
        if fn(j) == .l || fn(j) == .el, fn(j + 1) == .at { j += 2 }  // "3a l se3a 5"
        var found: (DTClock, Int)? = nil
        if case .number(let n)? = lex(j), n >= 1, n <= 12 {
            found = (DTClock(hour: n, bare: true), j + 1)  // Levantine "3al khamse"
        } else if isNumber(j), t[j].length <= 2, canStart(j), let (clock, end) = clock(at: j, bare: true),
                  (clock.hour >= 1 && clock.hour <= 12) || clock.precise || clock.hNotation {
            found = (clock, end)
        }
        guard var (clock, end) = found else { return nil }
        switch lex(end) {
        case .unit?, .unitFirst?, .dual?, .number?: return nil
        default: if Self.thousandKeys.contains(key(end)) { return nil }
        }
        if !clock.precise, Self.andKeys.contains(key(end)), let minute = Self.arabiziFractions[key(end + 1)] {
            clock.minute = minute
            clock.precise = true
            end += 2
        }
        return (clock, end)
    }

    static let thousandKeys: Set<UInt64> = Set(["alf", "alaf", "elf", "alef", "aalaf"].map(DTLexicon.key))
    static let andKeys: Set<UInt64> = Set(["w", "wa", "we", "ou", "u"].map(DTLexicon.key))
    static let arabiziFractions: [UInt64: Int] = {
        var table: [UInt64: Int] = [:]
        for word in ["nos", "nus", "noss", "nuss", "nass"] { table[DTLexicon.key(word)] = 30 }
        for word in ["rob3", "rub3", "robe3", "rbe3"] { table[DTLexicon.key(word)] = 15 }
        return table
    }()

    /// Words before a bare hour after a day: "after", "around", "avant", "ba3d".
    static let hourPlacingKeys: Set<UInt64> = Set(["after", "before", "around", "about", "until", "till", "from", "apres", "avant",
                                                   "vers", "ba3d", "baada"].map(DTLexicon.key))

    func combine(_ e: inout DTExpr, _ c: DTExpr) -> Bool {
        if e.shift != nil || c.shift != nil || e.bareNumber != nil && e.clock == nil || c.bareNumber != nil && c.clock == nil { return false }
        if e.clock != nil && c.clock != nil { return false }
        if e.part != nil && c.part != nil { return false }
        var day = e.day
        if let cd = c.day {
            if let ed = e.day {
                switch (ed, cd) {
                case (.weekday(_, nil), _) where cd.isDate: day = cd
                case (_, .weekday(_, nil)) where ed.isDate: day = ed
                case (.week(let n), .weekday(let w, nil)), (.weekday(let w, nil), .week(let n)): day = .weekdayOfWeek(n, w)
                case (.dayOfMonth(let d), .monthOffset(let m)), (.monthOffset(let m), .dayOfMonth(let d)): day = .dayInMonths(day: d, months: m)
                default: return false
                }
            } else {
                day = cd
            }
        }
        if let day, day.isPeriod, e.clock != nil || c.clock != nil || e.part != nil || c.part != nil { return false }
        e.day = day
        e.clock = e.clock ?? c.clock
        e.part = e.part ?? c.part
        e.next = c.next
        e.weak = false
        e.needsPrefix = e.needsPrefix || c.needsPrefix
        e.numeric = e.numeric && c.numeric
        e.needsDay = e.needsDay && day == nil
        e.components += c.components
        e.bareNumber = nil
        return true
    }

    // MARK: ranges

    /// "from 3 to 5pm", "between 2 and 4pm", "Mon–Wed", "9am to 5pm", "3-5pm", "5-7 December".
    func range(at i: Int) -> DTMatch? {
        var k = i
        let intro = fn(i)
        let introduced = intro == .from || intro == .between || intro == .entre || intro == .de || intro == .du
        if introduced { k += 1 }
        guard k < t.count, case .point(var a)? = component(at: k, bare: true) else { return nil }
        merge(&a)
        let c = a.next
        let connected: Bool
        switch fn(c) {
        case .and?, .et?: connected = intro == .between || intro == .entre
        case .to?, .till?, .until?, .through?, .au?: connected = true
        case .a?: connected = intro == .de || intro == .from
        default: connected = isDash(c) && intro != .between && intro != .entre
        }
        guard connected, case .point(var b)? = component(at: c + 1, bare: true, continuing: true) else { return nil }
        merge(&b)
        let aBare = a.isBareOnly
        let bBare = b.isBareOnly
        func timeLike(_ e: DTExpr) -> Bool {
            guard let clock = e.clock, !clock.bare else { return false }
            return clock.meridiem != 0 || clock.precise || clock.fixed24
        }
        func dated(_ e: DTExpr) -> (year: Int?, month: Int)? {
            if case .date(let y, let m, _)? = e.day, e.clock == nil { return (y, m) }
            return nil
        }
        if aBare && bBare {
            guard introduced, let x = a.clock, let y = b.clock else { return nil }
            // "between 2 and 4 people" is not a time: what follows must not be another word.
            if b.next < t.count, t[b.next].kind == .word, !(lex(b.next)?.isCue ?? false), fn(b.next) != .on, fn(b.next) != .at { return nil }
            a.clock = x
            b.clock = y
        } else if aBare {
            if timeLike(b), a.clock != nil {
                // takes b's day below
            } else if let (year, month) = dated(b), let n = a.bareNumber, Civil.isValid(year: year ?? 2000, month: month, day: n) {
                a = DTExpr(first: a.first, next: a.next, day: .date(year: year, month: month, day: n))
            } else {
                return nil
            }
        } else if bBare {
            if timeLike(a), b.clock != nil {
            } else if let (year, month) = dated(a), let n = b.bareNumber, Civil.isValid(year: year ?? 2000, month: month, day: n) {
                b = DTExpr(first: b.first, next: b.next, day: .date(year: year, month: month, day: n))
            } else {
                return nil
            }
        } else {
            // Two full expressions; durations and shifts make no range.
            if a.shift != nil || b.shift != nil { return nil }
            if (a.clock != nil) != (b.clock != nil) && a.day != nil && b.day != nil { return nil }
        }
        a.weak = false
        b.weak = false
        return .range(a, b, first: i, next: b.next)
    }

    // MARK: components

    /// One component at `i`; `continuing` when it follows a range's dash ("3-5pm", "Mon–Wed").
    func component(at i: Int, bare: Bool, continuing: Bool = false) -> DTMatch? {
        guard i < t.count, continuing || canStart(i) else { return nil }
        let token = t[i]
        if token.kind == .number {
            if lex(i + 1) == .ordinal, let e = weekdayInMonthDate(at: i) { return .point(e) }  // "3rd Wednesday of May"
            // Darija "3am" (a year) with "another": "3am akhor", "zid 3am okhra".
            if t[i].value == 3, t[i].length == 1, key(i + 1) == Self.keyAm, glued(i + 1), fn(i + 2) == .more {
                return .duration(DTDuration(first: i, next: i + 3, amount: 1, unit: .year, weak: false))
            }
            // Kreol "5er" is five o'clock: French writes only "1er" so (2e, 3ème).
            if key(i + 1) == Self.keyEr, t[i].value >= 2, let (clock, next) = clock(at: i, bare: false) {
                return .point(DTExpr(first: i, next: next, clock: clock))
            }
            if let e = date(at: i) { return .point(e) }
            if hClock(at: i), let (clock, next) = clock(at: i, bare: true) { return .point(DTExpr(first: i, next: next, clock: clock)) }
            if let (clock, next) = militaryClock(at: i) { return .point(DTExpr(first: i, next: next, clock: clock)) }
            if let r = relative(at: i) { return r }
            let partFollows = partFollows(after: i)
            if let (clock, next) = clock(at: i, bare: bare || partFollows) {
                var e = DTExpr(first: i, next: next, clock: clock)
                if clock.bare { e.bareNumber = clock.hour }
                return .point(e)
            }
            if bare, token.length <= 2, token.value >= 1, token.value <= 31, endsCleanly(i + 1) || isDash(i + 1) {
                return .point(DTExpr(first: i, next: i + 1, bareNumber: token.value))
            }
            return nil
        }
        if token.key == Self.keyAnother { return relative(at: i) }  // "for another year"
        // Darija "had chher", "had simana" (this month, this week); English "had" goes on otherwise.
        if token.key == Self.keyHad, case .unitFirst(let u)? = lex(i + 1), u.rawValue >= DTUnit.week.rawValue {
            let day: DTDay = u == .week ? .week(0) : u == .month ? .monthOffset(0) : .yearOffset(0)
            return .point(DTExpr(first: i, next: i + 2, day: day))
        }
        if DTLexicon.dayNounKeys.contains(token.key), let e = day(at: i) { return .point(e) }  // "youm el sabt"
        guard token.kind == .word, let lex = token.lex else { return nil }
        switch lex {
        case .function(let f):
            switch f {
            case .a where !(isNumber(i + 1) && key(i + 2) == Self.keyH && glued(i + 2)):
                return relative(at: i)
            case .at, .vers, .a:
                if let (clock, next) = clock(at: i + 1, bare: true) ?? militaryClock(at: i + 1), canStart(i + 1) {
                    return .point(DTExpr(first: i, next: next, clock: clock))
                }
                if f == .at, fn(i + 1) == nil, case .part(.night)? = self.lex(i + 1) {
                    return .point(DTExpr(first: i, next: i + 2, part: .night))
                }
                if f == .at, case .number(let n)? = self.lex(i + 1), n <= 12, endsCleanly(i + 2) {
                    return .point(DTExpr(first: i, next: i + 2, clock: DTClock(hour: n, bare: true)))
                }
                return nil
            case .in, .dans:
                if fn(i + 1) == .the, case .part(let p)? = self.lex(i + 2) {
                    return .point(DTExpr(first: i, next: i + 3, part: p))
                }
                if isNumber(i + 1), t[i + 1].length == 4, t[i + 1].value >= 1900, t[i + 1].value <= 2100, endsCleanly(i + 2) {
                    return .point(DTExpr(first: i, next: i + 2, day: .year(t[i + 1].value)))
                }
                return relative(at: i)
            case .il:
                return relative(at: i)
            case .ku, .kuwa:
                // Kinyarwanda weekdays: "ku wa gatanu" (or "kuwa gatanu") is Friday, "ku wa
                // gatanu utaha" next Friday.
                let j = f == .ku ? i + 2 : i + 1
                guard f == .kuwa || fn(i + 1) == .wa, case .rwandanWeekday(let w)? = self.lex(j) else { return nil }
                var e = DTExpr(first: i, next: j + 1, day: .weekday(w, nil))
                if case .postModifier(let m)? = self.lex(e.next) {
                    e.day = Self.weekday(w, after: m)
                    e.next += 1
                }
                return .point(e)
            case .the, .end, .start, .fin, .apres, .avant, .le, .la, .l, .baad, .el:
                if f == .the || f == .le, let e = weekdayInMonthDate(at: i) { return .point(e) }
                if let e = day(at: i) { return .point(e) }
                if f == .baad { return relative(at: i) }  // "بعد شهرين", "ba3d yomein"
                return f == .the || f == .le ? date(at: i).map { .point($0) } : nil
            case .half:
                if let e = halfClock(at: i) { return .point(e) }
                return relative(at: i)
            case .an:
                return relative(at: i)
            case .m3a:
                // "3al 11", "3a l se3a 5": a time only on a day the message names (`DTExpr.needsDay`).
                guard let (clock, end) = placedHour(at: i + 1) else { return nil }
                var e = DTExpr(first: i, next: end, clock: clock)
                e.needsDay = true
                return .point(e)
            default:
                return nil
            }
        case .number:
            return relative(at: i)
        case .month:
            return date(at: i).map { .point($0) }
        case .noon, .midnight:
            return clock(at: i, bare: false).map { .point(DTExpr(first: i, next: $0.1, clock: $0.0)) }
        case .part(let p):
            var e = DTExpr(first: i, next: i + 1, part: p)
            e.weak = !swahiliPart(at: i)
            return .point(e)
        case .saa:
            return swahiliClock(at: i).map { .point($0) }
        case .unitFirst(let u):
            if let e = day(at: i) { return .point(e) }
            if let r = relative(at: i) { return r }
            // Franco-Arabic "le esbo3", "men shahr": a bare unit after "for" is one of it.
            guard i > 0, t[i].key != .max, Self.forKeys.contains(t[i - 1].key), u.rawValue >= DTUnit.day.rawValue,
                  endsCleanly(i + 1), self.lex(i + 1) == nil else { return nil }
            return .duration(DTDuration(first: i, next: i + 1, amount: 1, unit: u, weak: false))
        case .unit(let u):
            if let one = arabicSingular(at: i, unit: u) { return one }
            if token.key == Self.keySecond, let e = weekdayInMonthDate(at: i) { return .point(e) }  // "second Tuesday of May"
            return day(at: i).map { .point($0) }
        case .dual:
            return relative(at: i)
        case .nth, .modifier(-1), .postModifier(-1), .weekday:
            if let e = weekdayInMonthDate(at: i) { return .point(e) }
            return day(at: i).map { .point($0) }
        default:
            return day(at: i).map { .point($0) }
        }
    }

    /// Military time: four digits then "hours", "hrs" or "h" ("1630 hours", "0800hrs") is a time
    /// of day, not 1,630 hours; after a word of length ("for 1000 hours") it stays a count.
    func militaryClock(at i: Int) -> (DTClock, Int)? {
        guard isNumber(i), t[i].length == 4, case let h = t[i].value / 100, case let m = t[i].value % 100, h <= 23, m < 60,
              case .unit(.hour)? = lex(i + 1), endsCleanly(i + 2) else { return nil }
        if i > 0, t[i - 1].kind == .word, Self.hourCountKeys.contains(t[i - 1].key) || fn(i - 1) == .for || fn(i - 1) == .in { return nil }
        return (DTClock(hour: h, minute: m, precise: true, fixed24: true), i + 2)
    }

    /// Swahili says "in the evening" with the noun alone ("tukutane jioni", "nitakuja asubuhi"),
    /// unless it names a meal or a greeting: "chakula cha jioni", "habari za asubuhi", "jioni
    /// njema". "Usiku" alone is as often a habit ("kelele usiku") and stays weak.
    func swahiliPart(at i: Int) -> Bool {
        guard Self.swahiliPartKeys.contains(key(i)), !Self.swahiliOfKeys.contains(key(i - 1)) else { return false }
        return !Self.swahiliGoodKeys.contains(key(i + 1))
    }

    static let swahiliPartKeys: Set<UInt64> = Set(["asubuhi", "mchana", "jioni"].map(DTLexicon.key))
    static let swahiliOfKeys: Set<UInt64> = Set(["za", "ya", "cha", "wa", "la", "habari", "salamu"].map(DTLexicon.key))
    static let swahiliGoodKeys: Set<UInt64> = Set(["njema", "mwema", "nzuri"].map(DTLexicon.key))

    /// Words before "2h" that make it a count of hours: "pendant 2h", "en 3h", "les 48h", "for 2h".
    static let hourCountKeys: Set<UInt64> = Set(["pendant", "durant", "for", "sous", "en", "dans", "les", "within", "fait", "plus",
                                                 "moins", "environ", "about", "took", "takes", "prend", "pris", "mis", "met", "faut",
                                                 "chaque", "toutes", "every", "each", "par", "per", "after"].map(DTLexicon.key))
    static let keyPartir = DTLexicon.key("partir")

    /// French "17h" (a number with "h" glued and no minutes) is a time of day ("vous avez dit 10h",
    /// "rdv 9h", "à 10h", "9h-11h", "2h du matin") unless it is a length: after a word of length
    /// ("pendant 10h", "ça a duré 3h", "en 20h", "j'ai attendu 2h"), before what lasted ("10h de
    /// coupure", "10h sans eau", "3h par jour", "2h d'attente"), or below 13h after "de" or
    /// "depuis" ("une coupure de 2h", "depuis 3h") where no range or part of the day makes it a time.
    func hClock(at i: Int) -> Bool {
        guard isNumber(i), t[i].length <= 2, t[i].value <= 23, key(i + 1) == Self.keyH, glued(i + 1) else { return false }
        let after = i + 2
        if isNumber(after), glued(after) { return false }  // "17h30": the clock reads it anyway
        let before = i - 1
        var lengthBefore = false
        if before >= 0, t[before].kind == .word {
            if Self.hourCountKeys.contains(t[before].key) || Self.lastedKeys.contains(t[before].key) { return false }
            // "à partir de 9h"; "de" alone may be a length ("une coupure de 2h").
            if fn(before) == .de, key(before - 1) == Self.keyPartir { return true }
            switch fn(before) {
            case .entre?, .between?, .from?, .a?, .vers?, .at?, .et?, .to?, .till?, .until?, .au?, .des?, .avant?, .before?, .by?:
                return true
            default:
                if Self.towardKeys.contains(t[before].key) { return true }  // "jusqu'à" reads "jusqu"
            }
            lengthBefore = fn(before) == .de || fn(before) == .since
        }
        if isDash(after) || fn(after) == .a || fn(after) == .au || fn(after) == .et || fn(after) == .to,
           isNumber(after + 1), key(after + 2) == Self.keyH, glued(after + 2) {
            return true
        }
        if fn(after) == .du || fn(after) == .de {
            var j = after + 1
            if fn(j) == .la { j += 1 } else if fn(j) == .l, isApostrophe(j + 1) { j += 2 }
            if case .part? = lex(j) { return true }
            if fn(j) == .apres, isDash(j + 1), case .noon? = lex(j + 2) { return true }
        }
        // "depuis 6h" is since six o'clock; "depuis 2h" (or "une coupure de 2h") two hours: a
        // wait since before dawn is told in hours.
        if lengthBefore { return t[i].value >= 13 || (fn(before) == .since && t[i].value >= 5) }
        // What lasted: "10h de coupure", "10h d'attente", "10h sans eau", "3h par jour".
        if fn(after) == .de || fn(after) == .du || (key(after) == Self.keyD && isApostrophe(after + 1)) { return false }
        return !Self.lastingKeys.contains(key(after))
    }

    /// Verbs of waiting and lasting before a count of hours: "ça a duré 3h", "j'ai attendu 2h".
    static let lastedKeys: Set<UInt64> = Set(["dure", "durer", "durait", "duree", "attendu", "attends", "attend", "attendre", "attente",
                                              "patiente", "patienter", "reste", "rester", "restee", "restes", "perdu", "bloque", "bloques",
                                              "coince", "coinces", "waited", "waiting", "lasted", "spent", "wasted"].map(DTLexicon.key))
    /// Words after a count of hours that say what lasted: "sans eau", "par jour".
    static let lastingKeys: Set<UInt64> = Set(["sans", "par", "per", "without", "chaque", "non"].map(DTLexicon.key))

    /// An Arabic unit in the singular is one of it where a duration is meant: after "ل" (for:
    /// "لسنة"), after "مدة"/"لمدة"/"عقد" ("عقد سنة": a year's lease), or before "واحد(ة)"
    /// ("سنة واحدة") or "كامل(ة)" ("سنة كاملة": a whole year). Alone ("سنة") it stays a word.
    /// Levantine Arabizi "sane" (a year) reads the same way ("3a2d sane", "sane kaman"), and a
    /// word of "more" after the unit makes one more of it ("سنة كمان", "سنة زيادة", "سنة ثانية").
    /// "ساعة ونص" is an hour and a half.
    func arabicSingular(at i: Int, unit u: DTUnit) -> DTMatch? {
        guard t[i].key == .max || Self.arabiziSingularKeys.contains(t[i].key), u.rawValue >= DTUnit.hour.rawValue else { return nil }
        var next = i + 1
        var amount = 1.0
        let one: Bool
        if case .number(1)? = lex(next) {
            one = true
            next += 1
        } else if fn(next) == .whole {
            one = true  // "سنة كاملة": a whole year
            next += 1
        } else if fn(next) == .more {
            one = true
            next += 1
        } else if u == .hour, t[i].key == .max, fn(next) == .andHalf {
            one = true
            amount = 1.5
            next += 1
        } else {
            one = false
        }
        guard one || t[i].lam || (fn(i - 1) == .for && t[i - 1].key == .max) || Self.arabiziForKeys.contains(key(i - 1)) else { return nil }
        guard endsCleanly(next) else { return nil }
        return .duration(DTDuration(first: i, next: next, amount: amount, unit: u, weak: false))
    }

    static let arabiziSingularKeys: Set<UInt64> = Set(["sane", "sene", "seneh"].map(DTLexicon.key))
    /// Latin spellings of "عقد" (a lease) before its length ("3a2d sane"); "contract sane".
    static let arabiziForKeys: Set<UInt64> = Set(["3a2d", "3aqd", "3a9d", "contract", "contrat"].map(DTLexicon.key))

    static let keyPast = DTLexicon.key("past")
    static let keyZa = DTLexicon.key("za")
    static let forKeys: Set<UInt64> = Set(["le", "l", "lemodet", "lmodet", "modet", "men", "for"].map(DTLexicon.key))
    static let todayNounKeys: Set<UInt64> = Set(["munsi", "umunsi"].map(DTLexicon.key))
    static let keyCyumweru = DTLexicon.key("cyumweru")
    static let keyHad = DTLexicon.key("had")
    static let thatKeys: Set<UInt64> = Set(["li", "lli", "elli", "illi"].map(DTLexicon.key))
    static let passedKeys: Set<UInt64> = Set(["fat", "fayt", "fait", "fatt", "daz", "dazt", "mcha"].map(DTLexicon.key))
    static let keyOld = DTLexicon.key("old")
    static let keyS = DTLexicon.key("s")
    /// Nouns after "one month", "a year" that make it a length: "one month notice", "a year lease".
    static let lengthNouns: Set<UInt64> = Set(["notice", "notis", "lease", "contract", "tenancy", "deposit", "advance", "stay",
                                               "extension", "trial", "probation", "grace", "period", "rental", "rent", "let",
                                               "preavis", "bail", "contrat", "caution", "avance", "loyer"].map(DTLexicon.key))

    /// "half past 1", British "half 1", "half one": 1:30.
    func halfClock(at i: Int) -> DTExpr? {
        var j = i + 1
        if key(j) == Self.keyPast { j += 1 }
        let h: Int
        if isNumber(j), t[j].length <= 2, !(sym(j + 1, ":") && glued(j + 1)) {
            h = t[j].value
        } else if case .number(let n)? = lex(j) {
            h = n
        } else {
            return nil
        }
        guard (1...12).contains(h), canStart(j) else { return nil }
        var clock = DTClock(hour: h, minute: 30, precise: true)
        var next = j + 1
        if let (pm, after) = meridiem(next) {
            clock.meridiem = pm ? 2 : 1
            next = after
        }
        if case .unit? = lex(next) { return nil }  // "half 2 hours"
        guard endsCleanly(next) else { return nil }
        return DTExpr(first: i, next: next, clock: clock)
    }

    /// Whether a part of the day follows a number: "5 in the afternoon", "8 tonight".
    func partFollows(after i: Int) -> Bool {
        let j = i + 1
        if case .tonight? = lex(j) { return true }
        if fn(j) == .in, fn(j + 1) == .the, case .part? = lex(j + 2) { return true }
        if case .modifier(0)? = lex(j), case .part? = lex(j + 1) { return true }
        // Setswana "ka 4 maitseboa", Malagasy "5 hariva": the part right after the hour.
        if j < t.count, t[i].length <= 2, t[j].spaced, case .part? = lex(j) { return true }
        return false
    }

    // MARK: times

    /// "am"/"pm" (glued or not) or "a.m."/"p.m." at `j`.
    func meridiem(_ j: Int) -> (pm: Bool, next: Int)? {
        if case .meridiem(let pm)? = lex(j) { return (pm, j + 1) }
        let k = key(j)
        if k == Self.keyA || k == Self.keyP, sym(j + 1, "."), glued(j + 1), key(j + 2) == Self.keyM, glued(j + 2) {
            var next = j + 3
            if sym(next, "."), glued(next) { next += 1 }
            return (k == Self.keyP, next)
        }
        return nil
    }

    func clock(at i: Int, bare: Bool) -> (DTClock, Int)? {
        guard i < t.count else { return nil }
        if case .noon? = t[i].lex { return (DTClock(hour: 12, fixed24: true), i + 1) }
        if case .midnight? = t[i].lex { return (DTClock(hour: 0, fixed24: true, midnight: true), i + 1) }
        guard t[i].kind == .number, t[i].length <= 2 else { return nil }
        let h = t[i].value
        let leadingZero = t[i].length == 2 && h < 10
        var j = i + 1
        var clock = DTClock(hour: h)
        clock.fixed24 = leadingZero || h == 0 || h > 12
        if sym(j, ":"), glued(j), isNumber(j + 1), glued(j + 1), t[j + 1].length == 2 {
            guard h <= 24, t[j + 1].value < 60, h < 24 || t[j + 1].value == 0 else { return nil }
            clock.minute = t[j + 1].value
            clock.precise = true
            j += 2
            if sym(j, ":"), glued(j), isNumber(j + 1), glued(j + 1), t[j + 1].length == 2, t[j + 1].value < 60 { j += 2 }
        } else if sym(j, "."), glued(j), isNumber(j + 1), glued(j + 1), t[j + 1].length == 2, t[j + 1].value < 60, meridiem(j + 2) != nil {
            clock.minute = t[j + 1].value
            clock.precise = true
            j += 2
        } else if key(j) == Self.keyH, glued(j), h <= 23 {
            // French "17h", "17h30".
            j += 1
            if isNumber(j), glued(j), t[j].length == 2, t[j].value < 60 {
                clock.minute = t[j].value
                clock.precise = true
                j += 1
            } else if !bare {
                return nil
            }
            clock.fixed24 = true
            clock.hNotation = true
            return endsCleanly(j) || isDash(j) ? (clock, j) : nil
        }
        // Kreol "5er", "ziska 5 er" and Malagasy "amin'ny 3 ora" (at three): o'clock; a part of the
        // day after it ("5 ora hariva") settles the half of the day.
        if !clock.precise, h >= 1, h <= 23, (key(j) == Self.keyEr && h >= 2) || Self.oClockKeys.contains(key(j)) {
            clock.fixed24 = h > 12
            return endsCleanly(j + 1) || isDash(j + 1) ? (clock, j + 1) : nil
        }
        if let (pm, next) = meridiem(j) {
            guard h <= 12 || (clock.precise && h <= 23), h >= 1 || clock.precise else { return nil }
            if !pm, !clock.precise, arabiziProgressive(i) { return nil }
            if h <= 12 { clock.meridiem = pm ? 2 : 1 }
            return endsCleanly(next) || isDash(next) ? (clock, next) : nil
        }
        if clock.precise {
            return endsCleanly(j) || isDash(j) ? (clock, j) : nil
        }
        if fn(j) == .o, isApostrophe(j + 1), fn(j + 2) == .clock, h >= 1, h <= 12 {
            return (DTClock(hour: h), j + 3)
        }
        if h == 12, case .noon? = lex(j) { return (DTClock(hour: 12, fixed24: true), j + 1) }
        if bare, h <= 23, endsCleanly(j) || isDash(j) {
            clock.bare = true
            return (clock, j)
        }
        return nil
    }

    /// Arabizi "3am" (عم) marks a verb in progress: "3am nestanna" (we are waiting), "el
    /// kahraba 3am ye2ta3". It is 3 AM only as a time is placed: after a word that places one
    /// ("at", "since", "till", "up", a day or a part of it, a dash, "and"), or with no unknown
    /// word after it on its line ("3am.", "3am today", "3am and 4am").
    func arabiziProgressive(_ i: Int) -> Bool {
        guard t[i].length == 1, t[i].value == 3, key(i + 1) == Self.keyAm, glued(i + 1) else { return false }
        let k = i + 2
        guard k < t.count, t[k].kind == .word, t[k].spaced, !t[k].lineBreak, lex(k) == nil else { return false }
        let b = i - 1
        guard b >= 0, !t[i].lineBreak else { return true }
        if isDash(b) || isNumber(b) { return false }
        switch lex(b) {
        case .month(_, weak: true)?, .weekday(_, weak: true)?, .relativeDay(_, weak: true)?: break  // "el may 3am": water
        case .function(let f)? where Self.timePlacing.contains(f): return false
        case let lex?: if lex.isCue { return false }
        case nil: break
        }
        return !Self.hourPlacingKeys.contains(key(b)) && !Self.towardKeys.contains(key(b)) && !Self.hedgeKeys.contains(key(b))
            && !Self.clockLeadKeys.contains(key(b))
    }

    static let keyAm = DTLexicon.key("am")
    static let keyEr = DTLexicon.key("er")
    /// Words of o'clock after an hour: Malagasy "ora", Kreol "er" (`keyEr`, glued or not).
    static let oClockKeys: Set<UInt64> = Set(["ora", "oclock"].map(DTLexicon.key))
    static let timePlacing: Set<DTFunction> = [.at, .by, .since, .from, .until, .till, .to, .between, .and, .before, .after, .vers, .a,
                                               .des, .au, .et, .on, .now]
    /// Words right before a clock time in English chat: "up 3am", "it's 3am".
    static let clockLeadKeys: Set<UInt64> = Set(["up", "its", "it", "is", "was", "s", "till", "past"].map(DTLexicon.key))

    static let keyKwa = DTLexicon.key("kwa")
    static let keyKabla = DTLexicon.key("kabla")

    /// Swahili time (also Kinyarwanda's "saa"): the day's hours are counted from 6 am, so
    /// "saa nne" (the fourth hour) is 10:00 and "saa kumi" 16:00; "saa 4" reads the same. "na
    /// nusu" adds half an hour, "na robo" a quarter. A part of the day after it settles the
    /// half of the day: "saa mbili usiku" is 20:00, "saa nane usiku" 02:00; without one, saa
    /// 1–5 are the morning, saa 6 noon and saa 7–12 the afternoon. "saa 14:30" (minutes, past
    /// 12) is a 24-hour time as written. After "kwa" or "ya" ("kwa saa mbili": for two hours,
    /// "baada ya saa mbili": after two hours) "saa" counts hours, unless a part of the day
    /// follows or "ya" is "kabla ya" (before): "kabla ya saa tatu asubuhi" is before 9:00.
    func swahiliClock(at i: Int) -> DTExpr? {
        let counted = key(i - 1) == Self.keyKwa || (key(i - 1) == Self.keyYa && key(i - 2) != Self.keyKabla)
        var j = i + 1
        let h: Int
        if isNumber(j), t[j].length <= 2 {
            if sym(j + 1, ":"), glued(j + 1), let (clock, next) = clock(at: j, bare: true), clock.hour > 12 {
                return DTExpr(first: i, next: next, clock: clock)
            }
            guard !sym(j + 1, ":") || !glued(j + 1) else { return nil }
            h = t[j].value
        } else if case .number(let n)? = lex(j) {
            // "saa kumi na moja", "saa kumi na mbili": the 11th and 12th hours (17:00, 18:00).
            if n == 10, fn(j + 1) == .na, case .number(let unit)? = lex(j + 2), unit <= 2 {
                h = n + unit
                j += 2
            } else {
                h = n
            }
        } else {
            return nil
        }
        guard (1...12).contains(h) else { return nil }
        j += 1
        var minute = 0
        if fn(j) == .na, let past = fn(j + 1).flatMap({ $0 == .nusu ? 30 : $0 == .robo ? 15 : nil }) {
            minute = past
            j += 2
        }
        var part: PartOfDay?
        // "saa tatu asubuhi", "saa tatu za asubuhi", mixed with Kinyarwanda "za mu gitondo".
        var k = j
        if key(k) == Self.keyZa || key(k) == Self.keyYa { k += 1 }
        if fn(k) == .mu { k += 1 }
        if case .part(let p)? = lex(k) {
            part = p
            j = k + 1
        }
        guard endsCleanly(j), !counted || part != nil else { return nil }
        let base = (h + 6) % 12  // on a 12-hour clock: saa 1 → 7, saa 6 → 0 (12 o'clock)
        let hour: Int
        switch part {
        case .morning?: hour = base == 0 ? 12 : base
        case .afternoon?, .evening?: hour = base + 12
        case .night?: hour = h <= 5 || h == 12 ? base + 12 : base
        case nil: hour = h <= 5 ? base : (h == 6 ? 12 : base + 12)
        }
        return DTExpr(first: i, next: j, clock: DTClock(hour: hour, minute: minute, precise: minute != 0, fixed24: true,
                                                         midnight: hour == 0))
    }

    // MARK: days

    /// Relative days, weekdays, weeks, months and years named by words.
    func day(at i: Int) -> DTExpr? {
        // Arabizi "el youm" (the day: today); "youm" alone is only "day" ("youm el sabt").
        if fn(i) == .el, i + 1 < t.count, DTLexicon.youmKeys.contains(key(i + 1)) {
            return DTExpr(first: i, next: i + 2, day: .relativeDays(0))
        }
        // Arabizi "youm el sabt", "youm el etnein el gai", Darija "nhar larb3": a weekday after "day".
        if i < t.count, DTLexicon.dayNounKeys.contains(key(i)) {
            let j = fn(i + 1) == .el ? i + 2 : i + 1
            var w = j < t.count ? DTLexicon.numberedWeekdays[key(j)] : nil
            if w == nil, case .weekday(let named, _)? = lex(j) { w = named }
            if let w {
                var e = DTExpr(first: i, next: j + 1, day: .weekday(w, nil))
                let after = fn(e.next) == .el ? e.next + 1 : e.next
                if case .postModifier(let m)? = self.lex(after) { e.day = Self.weekday(w, after: m); e.next = after + 1 }
                return e
            }
        }
        guard i < t.count, let lex = t[i].lex else { return nil }
        switch lex {
        case .relativeDay(let n, let weak):
            var e = DTExpr(first: i, next: i + 1, day: .relativeDays(n))
            if n == 0, t[i].key == DTLexicon.key("aujourd"), isApostrophe(i + 1), fn(i + 2) == .hui { e.next = i + 3 }
            if n == 1, fn(i + 1) == .kutwa { e.day = .relativeDays(2); e.next = i + 2 }
            // Kinyarwanda "ejo bundi" (also written as one word): two days either way.
            if t[i].key == Self.keyEjo, key(i + 1) == Self.keyBundi {
                e.day = .eitherDay(2)
                e.next = i + 2
            } else if t[i].key == Self.keyEjo || t[i].key == Self.keyEjobundi {
                e.day = .eitherDay(n)
            }
            if weak && t[i].capital { e.needsPrefix = true }
            return e
        case .tonight:
            return DTExpr(first: i, next: i + 1, day: .relativeDays(0), part: .night)
        case .weekday(let w, let weak):
            // Maghrebi "jem3a" is also the mosque: after a word of place ("9odem el jem3a", in
            // front of the mosque; "9rib men ljem3a", near it) it names no day.
            if w == 4, t[i].key == .max || Self.mosqueKeys.contains(t[i].key), placed(before: i) { return nil }
            // Arabizi "khamis" is also "the fifth" (الخامس) of a floor: "el tabe2 el 5amis", "el khamis floor".
            if w == 3, Self.thursdayKeys.contains(t[i].key), floorNamed(around: i) { return nil }
            var e = DTExpr(first: i, next: i + 1, day: .weekday(w, nil))
            if sym(i + 1, "."), glued(i + 1), t[i].length <= 4 { e.next = i + 2 }
            // "el sabt el gai": Arabizi puts the article before the adjective too.
            let after = fn(e.next) == .el ? e.next + 1 : e.next
            if case .postModifier(let m)? = self.lex(after) {
                e.day = Self.weekday(w, after: m)
                e.next = after + 1
            } else if weak {
                if t[i].capital { e.weak = true } else { e.needsPrefix = true }
            }
            return e
        case .modifier(var m):
            var j = i + 1
            if m == 0, case .modifier(1)? = self.lex(j) { j += 1 }  // "this coming Monday"
            guard let next = self.lex(j) else { return nil }
            switch next {
            case .weekday(let w, _):
                var e = DTExpr(first: i, next: j + 1, day: .weekday(w, m))
                if sym(j + 1, "."), glued(j + 1), t[j].length <= 4 { e.next = j + 2 }
                return e
            case .unit(.week):
                if isDash(j + 1), glued(j + 1), key(j + 2) == Self.keyEnd { return DTExpr(first: i, next: j + 3, day: .weekend(m)) }
                return DTExpr(first: i, next: j + 1, day: .week(m))
            case .unit(.month): return DTExpr(first: i, next: j + 1, day: .monthOffset(m))
            case .unit(.year): return DTExpr(first: i, next: j + 1, day: .yearOffset(m))
            // Arabic "هذا الشهر", "هاد الاسبوع": the noun that takes its adjective after it.
            case .unitFirst(.week): return DTExpr(first: i, next: j + 1, day: .week(m))
            case .unitFirst(.month): return DTExpr(first: i, next: j + 1, day: .monthOffset(m))
            case .unitFirst(.year): return DTExpr(first: i, next: j + 1, day: .yearOffset(m))
            case .weekend: return DTExpr(first: i, next: j + 1, day: .weekend(m))
            case .part(let p) where m == 0:
                return DTExpr(first: i, next: j + 1, day: .relativeDays(0), part: p)
            case .part(let p) where m == -1:
                // "last night", "last evening": yesterday's.
                return DTExpr(first: i, next: j + 1, day: .relativeDays(-1), part: p)
            case .month(let month, _):
                if m == 1 && j == i + 2 { m = 0 }
                return DTExpr(first: i, next: j + 1, day: .month(year: nil, month: month, modifier: m))
            case .function(.apres) where m == 0:
                if isDash(j + 1), case .noon? = self.lex(j + 2) { return DTExpr(first: i, next: j + 3, day: .relativeDays(0), part: .afternoon) }
                return nil
            default:
                return nil
            }
        case .unit(let u) where u == .week || u == .month || u == .year:
            // "semaine prochaine", "wiki ijayo", "mwezi ujao", "week-end"
            if u == .week, isDash(i + 1), glued(i + 1), key(i + 2) == Self.keyEnd {
                return DTExpr(first: i, next: i + 3, day: .weekend(0))
            }
            guard case .postModifier(let m)? = self.lex(i + 1) else { return nil }
            switch u {
            case .week: return DTExpr(first: i, next: i + 2, day: .week(m))
            case .month: return DTExpr(first: i, next: i + 2, day: .monthOffset(m))
            default: return DTExpr(first: i, next: i + 2, day: .yearOffset(m))
            }
        case .unitFirst(let u) where u == .week || u == .month || u == .year:
            // "mwezi wa tatu": Swahili counts the months (the third is March).
            if u == .month, let (month, _, next) = namedMonth(at: i) {
                if let y = year(at: next) { return DTExpr(first: i, next: next + 1, day: .month(year: y, month: month, modifier: nil)) }
                return DTExpr(first: i, next: next, day: .month(year: nil, month: month, modifier: nil))
            }
            // "el shahr el gai": Arabizi puts the article before the adjective too.
            let j = fn(i + 1) == .el ? i + 2 : i + 1
            // Darija "chher li fat" (the month that passed).
            if Self.thatKeys.contains(key(j)), Self.passedKeys.contains(key(j + 1)) {
                switch u {
                case .week: return DTExpr(first: i, next: j + 2, day: .week(-1))
                case .month: return DTExpr(first: i, next: j + 2, day: .monthOffset(-1))
                default: return DTExpr(first: i, next: j + 2, day: .yearOffset(-1))
                }
            }
            guard case .postModifier(let m)? = self.lex(j) else { return nil }
            switch u {
            case .week: return DTExpr(first: i, next: j + 1, day: .week(m))
            case .month: return DTExpr(first: i, next: j + 1, day: .monthOffset(m))
            default: return DTExpr(first: i, next: j + 1, day: .yearOffset(m))
            }
        case .nth(-1) where t[i].key == Self.keyMwisho:
            // Swahili "mwisho wa mwezi" (the end of the month).
            return boundary(at: i, first: i)
        case .weekend:
            var e = DTExpr(first: i, next: i + 1, day: .weekend(0))
            if case .postModifier(let m)? = self.lex(i + 1) { e.day = .weekend(m); e.next += 1 }
            return e
        case .postModifier(0):
            // "this" before the noun: Swahili code-switched "hii mwezi", "hii wiki"; Kinyarwanda
            // "uku kwezi", "uyu mwaka", "iki cyumweru", "uyu munsi" (today).
            if Self.todayNounKeys.contains(key(i + 1)) { return DTExpr(first: i, next: i + 2, day: .relativeDays(0)) }
            if key(i + 1) == Self.keyCyumweru { return DTExpr(first: i, next: i + 2, day: .week(0)) }
            guard case .unitFirst(let u)? = self.lex(i + 1) else { return nil }
            switch u {
            case .week: return DTExpr(first: i, next: i + 2, day: .week(0))
            case .month: return DTExpr(first: i, next: i + 2, day: .monthOffset(0))
            case .year: return DTExpr(first: i, next: i + 2, day: .yearOffset(0))
            default: return nil
            }
        case .function(let f):
            switch f {
            case .the, .le, .la, .l:
                var j = i + 1
                if f == .l, isApostrophe(j) { j += 1 }
                if f == .the, case .unit(.day)? = self.lex(j) { return dayAfter(at: j, first: i) }
                if f == .the, isBoundary(j) { return boundary(at: j, first: i) }
                if f == .the, case .weekend? = self.lex(j) { return DTExpr(first: i, next: j + 1, day: .weekend(0)) }
                guard f != .the, var e = day(at: j) else { return nil }
                if case .unit? = self.lex(j) {} else { return nil }  // "la semaine prochaine", not "le lundi"
                e.first = i
                return e
            case .end, .start, .fin:
                // Arabic "أول امبارح" (awel embare7): the day before yesterday.
                if f == .start, t[i].key == .max || Self.firstKeys.contains(t[i].key), case .relativeDay(-1, _)? = self.lex(i + 1) {
                    return DTExpr(first: i, next: i + 2, day: .relativeDays(-2))
                }
                if wishes(before: i) { return nil }
                return boundary(at: i, first: i)
            case .baad:
                // "ba3d bokra", "بعد بكرة", "baada ya kesho": the day after tomorrow.
                let j = key(i + 1) == Self.keyYa ? i + 2 : i + 1
                if case .relativeDay(1, _)? = self.lex(j) { return DTExpr(first: i, next: j + 1, day: .relativeDays(2)) }
                return nil
            case .apres, .avant:
                guard isDash(i + 1), let next = self.lex(i + 2) else { return nil }
                if f == .apres, case .relativeDay(1, _) = next { return DTExpr(first: i, next: i + 3, day: .relativeDays(2)) }
                if f == .avant, case .relativeDay(-1, _) = next { return DTExpr(first: i, next: i + 3, day: .relativeDays(-2)) }
                if f == .apres, case .noon = next {
                    var e = DTExpr(first: i, next: i + 3, part: .afternoon)
                    e.weak = true
                    return e
                }
                return nil
            default:
                return nil
            }
        case .unit(.day):
            return dayAfter(at: i, first: i)
        default:
            return nil
        }
    }

    /// Arabizi spellings of Thursday that "the fifth" (الخامس) is also written as.
    static let thursdayKeys: Set<UInt64> = Set(["khamis", "5amis", "el5amis", "l5amis", "lkhamis", "elkhamis"].map(DTLexicon.key))
    /// Floors, which ordinals count: "el tabe2 el khamis", "5amis floor" (Arabizi "tabe2" is
    /// the function `.floor`, read whole).
    static let floorKeys: Set<UInt64> = Set(["tabaq", "dor", "dawr", "floor", "etage", "storey", "level"].map(DTLexicon.key))

    /// Whether a floor is named right before token `i` (over an article) or right after it.
    func floorNamed(around i: Int) -> Bool {
        var k = i - 1
        if fn(k) == .el || fn(k) == .l || fn(k) == .the { k -= 1 }
        return fn(k) == .floor || Self.floorKeys.contains(key(k)) || Self.floorKeys.contains(key(i + 1))
            || Self.ordinalNouns.contains(key(i + 1))
    }

    /// The Latin spellings of "الجمعة" (Friday, also the mosque).
    static let mosqueKeys: Set<UInt64> = Set(["jem3a", "jom3a", "jum3a", "gom3a", "ljem3a", "ljm3a"].map(DTLexicon.key))
    /// "from", "the" between a word of place and what it places: "9rib men el jem3a", "7dhe l jem3a".
    static let placeLinkKeys: Set<UInt64> = Set(["el", "l", "men", "mn", "mel", "mil"].map(DTLexicon.key))

    /// Whether a word of place comes before token `i`, over at most two linking words.
    func placed(before i: Int) -> Bool {
        var k = i - 1
        while k >= 0, k >= i - 2, Self.placeLinkKeys.contains(key(k)) { k -= 1 }
        return fn(k) == .place
    }

    /// "(the) day after tomorrow", "(the) day before yesterday".
    func dayAfter(at j: Int, first: Int) -> DTExpr? {
        guard t[j].key == DTLexicon.key("day") else { return nil }
        if fn(j + 1) == .after, case .relativeDay(1, _)? = lex(j + 2) { return DTExpr(first: first, next: j + 3, day: .relativeDays(2)) }
        if fn(j + 1) == .before, case .relativeDay(-1, _)? = lex(j + 2) { return DTExpr(first: first, next: j + 3, day: .relativeDays(-2)) }
        return nil
    }

    /// A season's wishes name no day: "bonne fin d'année", "joyeuses fêtes de fin d'année",
    /// "meilleurs vœux de fin d'année", "happy end of year".
    func wishes(before i: Int) -> Bool {
        var k = i - 1
        if fn(k) == .de || fn(k) == .des || fn(k) == .du || fn(k) == .of { k -= 1 }
        return Self.wishKeys.contains(key(k))
    }

    static let wishKeys: Set<UInt64> = Set(["bonne", "bonnes", "joyeuse", "joyeuses", "heureuse", "heureuses", "fete", "fetes", "voeux",
                                            "festivites", "conges", "vacances", "happy", "merry", "sherehe", "heri"].map(DTLexicon.key))

    /// "awel", "awal", "awwel": Arabizi "first" (before "embare7": the day before yesterday).
    static let firstKeys: Set<UInt64> = Set(["awel", "awal", "awwel"].map(DTLexicon.key))
    /// The English words that start a boundary; other languages' may be followed by a month
    /// directly ("fin mai", "début avril"), English needs "of" before a month that is also a
    /// word ("the end of May").
    static let englishBoundaryKeys: Set<UInt64> = Set(["end", "start", "beginning"].map(DTLexicon.key))

    /// Whether token `j` says the end or the start of a period.
    func isBoundary(_ j: Int) -> Bool {
        switch fn(j) {
        case .end?, .start?, .fin?: return true
        default: return key(j) == Self.keyMwisho
        }
    }

    /// "end of the month", "end of next week", "start of next month", "fin du mois", "fin du
    /// mois prochain", "the end of April", "fin mai", "début avril", "mwisho wa mwezi (huu)",
    /// "mwanzo wa mwezi ujao", "mwishoni mwa mwezi", "آخر الشهر", "akhir el shahr", "mu mpera
    /// z'ukwezi".
    func boundary(at j: Int, first: Int) -> DTExpr? {
        let isEnd = fn(j) == .end || fn(j) == .fin || key(j) == Self.keyMwisho
        var k = j + 1
        var connected = true
        switch fn(k) {
        case .of?, .du?, .de?, .wa?, .mwa?:
            k += 1
        default:
            // French "d'année", Kinyarwanda "z'ukwezi".
            if key(k) == Self.keyZ || key(k) == Self.keyD, isApostrophe(k + 1), glued(k + 1) {
                k += 2
            } else {
                connected = false
            }
        }
        if fn(k) == .the || fn(k) == .el || fn(k) == .le || fn(k) == .la {
            k += 1
        } else if fn(k) == .l, isApostrophe(k + 1) {
            k += 2
        }
        if let (month, weak, next) = namedMonth(at: k) {
            // Not "start May 5": a day named after the month makes it a date.
            if isNumber(next), t[next].length <= 2 { return nil }
            if !connected && weak && Self.englishBoundaryKeys.contains(key(j)) { return nil }
            var e = DTExpr(first: first, next: next, day: .monthEdge(year: nil, month: month, end: isEnd))
            if let y = year(at: next) {
                e.day = .monthEdge(year: y, month: month, end: isEnd)
                e.next = next + 1
            }
            return e
        }
        var offset = 0
        if case .modifier(let m)? = lex(k) { offset = m; k += 1 } else if case .postModifier(0)? = lex(k), case .unitFirst? = lex(k + 1) { k += 1 }  // "z'uku kwezi"
        let u: DTUnit
        switch lex(k) {
        case .unit(let unit)? where connected:
            u = unit
        case .unitFirst(let unit)?:
            u = unit
        default:
            return nil
        }
        guard u == .week || u == .month || u == .year else { return nil }
        k += 1
        // "fin du mois prochain", "mwisho wa mwezi ujao", "akhir el shahr el gai".
        let after = fn(k) == .el ? k + 1 : k
        if case .postModifier(let m)? = lex(after) {
            offset = m
            k = after + 1
        }
        return DTExpr(first: first, next: k, day: isEnd ? .endOf(u, offset) : .startOf(u, offset))
    }

    /// A month named: "April", "Apr.", Swahili "mwezi wa tatu" (the months are counted: the
    /// third is March) or "mwezi wa Aprili". The month, whether its name is also a common
    /// word ("may", "mars"), and the token after it.
    func namedMonth(at k: Int) -> (month: Int, weak: Bool, next: Int)? {
        if case .month(let m, let weak)? = lex(k) {
            var next = k + 1
            if sym(next, "."), glued(next), t[k].length <= 4 { next += 1 }
            return (m, weak, next)
        }
        guard key(k) == Self.keyMwezi, fn(k + 1) == .wa else { return nil }
        let j = k + 2
        var next = j + 1
        var n: Int
        switch lex(j) {
        case .month(let m, _)?:
            return (m, false, next)
        case .number(let v)?:
            n = v
            // "kumi na moja", "kumi na mbili": November, December.
            if v == 10, fn(j + 1) == .na, case .number(let u)? = lex(j + 2), u == 1 || u == 2 {
                n = 10 + u
                next = j + 3
            }
        case .nth(let v)?:
            n = v
        default:
            guard isNumber(j), t[j].length <= 2, endsCleanly(j + 1) else { return nil }
            n = t[j].value
        }
        guard (1...12).contains(n) else { return nil }
        return (n, false, next)
    }

    /// "next month", "mwezi ujao", "le mois prochain", "ukwezi gutaha", "el shahr el gai" at
    /// `k` (after "of", "du", "ya" or nothing): the months from this one and the token after.
    func monthOffset(at k: Int) -> (months: Int, next: Int)? {
        var j = k
        if fn(j) == .of || fn(j) == .du || fn(j) == .de || fn(j) == .wa || key(j) == Self.keyYa { j += 1 }
        if fn(j) == .the || fn(j) == .le || fn(j) == .el { j += 1 }  // Franco "youm 5 el shahr el gai"
        guard let e = day(at: j), case .monthOffset(let m)? = e.day else { return nil }
        return (m, e.next)
    }

    // MARK: dates

    func year(at j: Int) -> Int? {
        guard isNumber(j), t[j].length == 4, t[j].value >= 1900, t[j].value <= 2199, endsCleanly(j + 1) else { return nil }
        return t[j].value
    }

    /// Dates: "5th of December", "December 5", "Dec 5th 2026", "12/03", "12.03.2026",
    /// "2026-03-12", "the 5th", "le 5 décembre", "1er mai", "December 2026", "December".
    func date(at i: Int) -> DTExpr? {
        guard i < t.count else { return nil }
        var d = i
        var article = false
        if let f = fn(i), f == .the || f == .le {
            d += 1
            article = true
        }
        guard d < t.count else { return nil }
        if t[d].kind == .number {
            if !article, let numeric = numericDate(at: d) { return numeric }
            guard t[d].length <= 2, t[d].value >= 1, t[d].value <= 31 else { return nil }
            let dayNumber = t[d].value
            var j = d + 1
            var ordinal = false
            if case .ordinal? = lex(j), glued(j) { ordinal = true; j += 1 }
            var m = j
            if fn(m) == .of || fn(m) == .de { m += 1 }
            if let (month, weak, afterMonth) = namedMonth(at: m) {
                var next = afterMonth
                var yearValue: Int? = nil
                if let y = year(at: next) { yearValue = y; next += 1 } else if sym(next, ","), let y = year(at: next + 1) { yearValue = y; next += 2 }
                guard Civil.isValid(year: yearValue ?? 2000, month: month, day: dayNumber) else { return nil }
                if m > j, !ordinal, fn(j) == .of { return nil }  // "5 of May" is odd; "5th of May" is fine
                var e = DTExpr(first: i, next: next, day: .date(year: yearValue, month: month, day: dayNumber))
                if weak && !ordinal && yearValue == nil && !t[m].capital { e.needsPrefix = true }
                return e
            }
            // Swahili "tarehe 10", Kinyarwanda "tariki 10": "date 10", the 10th; Franco-Arabic "youm 5" (day 5).
            let labelled = !article && (fn(d - 1) == .tarehe || DTLexicon.youmKeys.contains(key(d - 1)))
            guard ordinal || labelled || (article && fn(i) == .le) else { return nil }
            guard endsCleanly(j) else { return nil }
            // "the 10th of next month", "le 5 du mois prochain", "tarehe 10 mwezi ujao".
            if let (months, next) = monthOffset(at: j) {
                return DTExpr(first: i, next: next, day: .dayInMonths(day: dayNumber, months: months))
            }
            if j < t.count, Self.ordinalNouns.contains(t[j].key) { return nil }
            var e = DTExpr(first: i, next: j, day: .dayOfMonth(dayNumber))
            if !article && !labelled { e.weak = true }
            return e
        }
        guard case .month(let month, let weak)? = lex(d), !article else { return nil }
        var j = d + 1
        if sym(j, "."), glued(j), t[d].length <= 4 { j += 1 }
        var n = j
        if fn(n) == .the { n += 1 }
        if isNumber(n), t[n].length <= 2, t[n].value >= 1, t[n].value <= 31, !(sym(n + 1, ":") && glued(n + 1)) {
            var next = n + 1
            var ordinal = false
            if case .ordinal? = lex(next), glued(next) { ordinal = true; next += 1 }
            if case .unit? = lex(next) { return nil }  // "may 5 days"
            guard endsCleanly(next) || sym(next, ",") || isDash(next) else { return nil }
            var yearValue: Int? = nil
            if let y = year(at: next) { yearValue = y; next += 1 } else if sym(next, ","), let y = year(at: next + 1) { yearValue = y; next += 2 }
            let dayNumber = t[n].value
            guard Civil.isValid(year: yearValue ?? 2000, month: month, day: dayNumber) else { return nil }
            var e = DTExpr(first: i, next: next, day: .date(year: yearValue, month: month, day: dayNumber))
            if weak && !ordinal && yearValue == nil && !t[d].capital { e.needsPrefix = true }
            return e
        }
        if let y = year(at: j) {
            return DTExpr(first: i, next: j + 1, day: .month(year: y, month: month, modifier: nil))
        }
        if weak && !monthContext(at: d, next: j) { return nil }
        return DTExpr(first: i, next: j, day: .month(year: nil, month: month, modifier: nil))
    }

    /// Words before a month that make a month of "may", "march", "mars", "mai" or "mei":
    /// "rent for March", "in may", "loyer de mars", "en mai", "fin mars", "depuis mai", and
    /// Swahili "of" in code-switched messages ("rent ya March", "kodi za mars").
    static let monthPrepositions: Set<UInt64> = Set(["for", "of", "in", "since", "until", "till", "by", "from", "during", "de", "du",
                                                      "en", "depuis", "fin", "debut", "pendant", "hadi", "mpaka", "tangu", "kuanzia",
                                                      "ya", "za"].map(DTLexicon.key))
    static let owners: Set<UInt64> = Set(["the", "my", "your", "our", "their", "his", "her", "le", "la", "mon", "ma", "votre", "notre"].map(DTLexicon.key))
    /// Nouns that a month names the period of: "the March rent", "my May payment".
    static let rentNouns: Set<UInt64> = Set(["rent", "rents", "payment", "payments", "bill", "bills", "invoice", "invoices", "receipt", "receipts",
                                              "deposit", "salary", "installment", "instalment", "fee", "fees", "charges", "statement", "utilities",
                                              "loyer", "quittance", "facture", "paiement", "salaire", "kodi", "malipo", "ubukode"].map(DTLexicon.key))
    static let listWords: Set<UInt64> = Set(["and", "or", "et", "ou", "na", "to", "till", "until", "through", "au", "a", "hadi", "mpaka"].map(DTLexicon.key))

    /// Whether a month named by a common word ("may", "march", "mars") at `d`, with nothing
    /// after it up to `j`, is a month: after a preposition that takes one, when what follows
    /// does not go on as a verb would ("in may take" is not May); or between "the", "my"…
    /// and a noun of payments ("the March payment").
    func monthContext(at d: Int, next j: Int) -> Bool {
        guard d > 0 else { return false }
        // The end of a list or range of months: "from March to May", "de mars à mai".
        if Self.listWords.contains(key(d - 1)) || isDash(d - 1), case .month? = lex(d - 2) { return true }
        if Self.monthPrepositions.contains(key(d - 1)) {
            guard !t[d].capital, j < t.count, t[j].kind == .word else { return true }
            if let lex = t[j].lex, lex.isCue { return true }
            if Self.rentNouns.contains(t[j].key) { return true }
            // "from march to may": a list or range of months.
            if Self.listWords.contains(t[j].key), case .month? = lex(j + 1) { return true }
            return false
        }
        return Self.owners.contains(key(d - 1)) && j < t.count && Self.rentNouns.contains(t[j].key)
    }

    /// "2026-03-12", "2026/03/12", "12/03", "12/03/2026", "12.03.2026", "12-03-2026", "12/03/26".
    func numericDate(at i: Int) -> DTExpr? {
        let first = t[i]
        if i > 0, Self.labelNouns.contains(key(i - 1)) || sym(i - 1, "#") { return nil }  // "room 12/3", "unit 12/03"
        let separator = i + 1
        guard separator < t.count, t[separator].kind == .symbol, glued(separator), isNumber(i + 2), glued(i + 2) else { return nil }
        let sep = t[separator].value
        guard sep == 0x2F || sep == 0x2E || sep == 0x2D else { return nil }
        let second = t[i + 2]
        var next = i + 3
        var third: DTToken? = nil
        if sym(next, Unicode.Scalar(UInt32(sep))!), glued(next), isNumber(next + 1), glued(next + 1) {
            third = t[next + 1]
            next += 2
        }
        // A time may follow an ISO date: "2026-03-12T17:00".
        if first.length == 4 {
            guard sep != 0x2E, let third, second.length <= 2, third.length <= 2 else { return nil }
            let (y, m, d) = (first.value, second.value, third.value)
            guard Civil.isValid(year: y, month: m, day: d) else { return nil }
            var e = DTExpr(first: i, next: next, day: .date(year: y, month: m, day: d))
            e.numeric = true
            if key(next) == Self.keyT, glued(next), isNumber(next + 1), glued(next + 1), let (clock, end) = clock(at: next + 1, bare: false), clock.precise {
                e.clock = clock
                e.clock?.fixed24 = true
                e.next = end
                return e
            }
            return endsCleanly(next) ? e : nil
        }
        guard first.length <= 2, second.length <= 2, endsCleanly(next) else { return nil }
        var yearValue: Int? = nil
        if let third {
            switch third.length {
            case 4: yearValue = third.value
            case 2: yearValue = third.value < 70 ? 2000 + third.value : 1900 + third.value
            default: return nil
            }
        } else {
            guard sep == 0x2F, first.length == 2 || second.length == 2, !(first.value == 24 && second.value == 7) else { return nil }
        }
        var (d, m) = dayFirst ? (first.value, second.value) : (second.value, first.value)
        if m > 12 && d <= 12 { swap(&d, &m) }
        guard Civil.isValid(year: yearValue ?? 2000, month: m, day: d) else { return nil }
        var e = DTExpr(first: i, next: next, day: .date(year: yearValue, month: m, day: d))
        e.numeric = true
        return e
    }

    // MARK: relative offsets and durations

    /// A number of units: "2", "1.5", "a", "an", "one", "a couple of", "half an", "2 and a half".
    func amount(at i: Int) -> (value: Double, next: Int, word: Bool)? {
        guard i < t.count else { return nil }
        if t[i].kind == .number {
            guard t[i].length <= 4 else { return nil }
            var value = Double(t[i].value)
            var j = i + 1
            if sym(j, "."), glued(j), isNumber(j + 1), glued(j + 1), t[j + 1].length <= 3 {
                var fraction = Double(t[j + 1].value)
                for _ in 0..<t[j + 1].length { fraction /= 10 }
                value += fraction
                j += 2
            }
            if fn(j) == .and, fn(j + 1) == .a, fn(j + 2) == .half { value += 0.5; j += 3 }
            return (value, j, false)
        }
        switch lex(i) {
        case .function(.a)?, .function(.an)?:
            if fn(i + 1) == .couple, fn(i + 2) == .of { return (2, i + 3, true) }
            if fn(i + 1) == .half { return nil }
            return (1, i + 1, true)
        case .function(.half)?:
            if fn(i + 1) == .a || fn(i + 1) == .an { return (0.5, i + 2, true) }
            return nil
        case nil where t[i].key == Self.keyAnother:
            // "renew for another year": one more of a week or longer ("another day" is "some day").
            guard let (u, _) = unit(at: i + 1, numeric: false), u.rawValue > DTUnit.day.rawValue else { return nil }
            return (1, i + 1, true)
        case .number(let n)?:
            if fn(i + 1) == .and, fn(i + 2) == .a, fn(i + 3) == .half { return (Double(n) + 0.5, i + 4, true) }
            return (Double(n), i + 1, true)
        default:
            return nil
        }
    }

    /// The unit after an amount.
    func unit(at j: Int, numeric: Bool) -> (DTUnit, Int)? {
        guard j < t.count, t[j].kind == .word else { return nil }
        if t[j].key == Self.keyH { return glued(j) && numeric ? (.hour, j + 1) : nil }
        if t[j].key == Self.keyAn { return numeric && !glued(j) ? (.year, j + 1) : nil }  // French "2 ans" is "ans"; "1 an"
        if case .unit(let u)? = t[j].lex { return (u, j + 1) }
        // Kreol "3 mwa" (months); alone "mwa" is Swahili "of" ("mwishoni mwa mwezi").
        if t[j].key == Self.keyMwa, numeric, !glued(j) { return (.month, j + 1) }
        return nil
    }

    static let keyMwa = DTLexicon.key("mwa")

    /// "in 2 weeks", "dans 3 jours", "2 days ago", "il y a 2 jours", "3 hours from now" →
    /// points; "2 weeks", "for 12 months", "siku 3" → durations.
    func relative(at i: Int) -> DTMatch? {
        var j = i
        var direction = 0
        if fn(i) == .in || fn(i) == .dans || (fn(i) == .baad && lex(i + 1) != nil) {
            // "in", "dans", and Arabic "بعد" / "ba3d" ("after": "ba3d sanateen", "بعد شهرين").
            direction = 1
            j += 1
        } else if fn(i) == .il, fn(i + 1) == .y, fn(i + 2) == .a {
            direction = -1
            j += 3
        }
        // Swahili and Kinyarwanda: unit first, "siku 3", "wiki 2", "miezi sita", "umwaka umwe".
        if direction == 0, case .unitFirst(let u)? = lex(j), endsCleanly(j + 2) {
            if isNumber(j + 1), t[j + 1].length <= 3 {
                return .duration(DTDuration(first: i, next: j + 2, amount: Double(t[j + 1].value), unit: u, weak: false))
            }
            if case .number(let n)? = lex(j + 1), n > 0 {
                return .duration(DTDuration(first: i, next: j + 2, amount: Double(n), unit: u, weak: false))
            }
        }
        guard canStart(j) else { return nil }
        let value: Double, word: Bool, u: DTUnit, next0: Int
        var inFull = false
        if case .dual(let unit)? = lex(j) {
            // An Arabic dual is the count and the unit in one word.
            (value, word, u, next0) = (2, true, unit, j + 1)
        } else {
            guard let (amount, afterAmount, isWord) = amount(at: j), amount > 0 else { return nil }
            // "6 more months", "two extra weeks", "3 additional days"; "a whole year", "a full month".
            var unitAt = afterAmount
            if unit(at: unitAt, numeric: !isWord) == nil, Self.extraKeys.contains(key(unitAt)) || fn(unitAt) == .whole {
                inFull = fn(unitAt) == .whole
                unitAt += 1
            }
            if let (unit, end) = unit(at: unitAt, numeric: !isWord) {
                (u, next0) = (unit, end)
            } else if isWord, case .number? = lex(j), key(afterAmount) == Self.keyAn {
                (u, next0) = (.year, afterAmount + 1)  // French "un an": a number word, not "a"/"an"
            } else {
                return nil
            }
            (value, word) = (amount, isWord)
        }
        var value2 = value
        var next = next0
        if word, value == 1, fn(next) == .and, fn(next + 1) == .a, fn(next + 2) == .half { value2 = 1.5; next += 3 }
        if u == .second && word && t[j].kind == .word && lex(j) != .number(1) { return nil }  // "a second bedroom"
        guard endsCleanly(next) else { return nil }
        // "3-5 days" is a range of quantities, not a duration.
        if !word, j > 0, isDash(j - 1), glued(j), j >= 2, isNumber(j - 2) { return nil }
        if direction == 0 {
            if fn(next) == .ago {
                direction = -1
                next += 1
            } else if fn(next) == .from, fn(next + 1) == .now {
                direction = 1
                next += 2
            }
        }
        if direction == 0 {
            // "a day", "one week" may be idioms ("have a nice day", "one day I'll…"); French "une
            // semaine", "un an" are not, but "un jour" (some day) is.
            let frenchOne = key(j) == Self.keyUn || key(j) == Self.keyUne
            let weak = word && (u.rawValue >= DTUnit.day.rawValue) && value2 == 1 && !(frenchOne && u != .day) && !inFull
            return .duration(DTDuration(first: i, next: next, amount: value2, unit: u, weak: weak))
        }
        var e = DTExpr(first: i, next: next)
        let whole = value2.rounded() == value2
        switch u {
        case .second, .minute, .hour:
            e.shift = direction * Int((value2 * Double(u.seconds)).rounded())
        case .day, .week, .fortnight:
            if whole {
                e.day = .relativeDays(direction * Int(value2) * u.seconds / 86400)
            } else {
                e.shift = direction * Int((value2 * Double(u.seconds)).rounded())
            }
        case .month, .year:
            guard whole else { return nil }
            e.day = .monthsLater(direction * Int(value2) * (u == .year ? 12 : 1))
        }
        return .point(e)
    }
}

/// Which way an expression without a direction of its own ("Monday", "at 9", "ejo", "March")
/// points, read from the words around it.
enum DTTense {
    /// Nothing said: the future is preferred (messages plan more than they recount), but a
    /// month alone is its nearest occurrence ("rent for February" in March is last February).
    case neutral
    /// "since Monday", "depuis lundi", "tangu asubuhi", "kuva ejo", "men embare7", "that was at
    /// 9am": the latest such day or time up to now.
    case past
    /// "until March", "by May", "I will pay in February": a month alone is its next occurrence.
    case future
}

extension DTParser {
    /// "since", "depuis", "tangu", "kuva", "منذ" are read as `.since`; Arabizi "men" ("from",
    /// "since") is not made a function word, as it is also the English plural.
    static let sinceKeys: Set<UInt64> = Set(["men", "mn"].map(DTLexicon.key))
    /// Words right before an expression that point it ahead: "until Friday", "moved to Monday",
    /// "by March", "jusqu'à", "hadi", "mpaka", "kugeza".
    static let towardKeys: Set<UInt64> = Set(["to", "until", "till", "til", "by", "jusqu", "hadi", "mpaka", "kugeza", "kuzageza"].map(DTLexicon.key))
    /// Words right before an expression that name which one is meant, not when: "rent for
    /// March", "loyer de mars", "the 5th of May".
    static let whichKeys: Set<UInt64> = Set(["for", "of", "de", "du", "pour"].map(DTLexicon.key))
    /// Words that end a clause: what is said past them does not set the tense.
    static let clauseKeys: Set<UInt64> = Set(["but", "however", "mais", "lakini", "ila", "ariko", "then", "puis", "halafu"].map(DTLexicon.key))

    /// Verbs in the past (English, French, Swahili, Kinyarwanda, Arabizi) that make a sentence
    /// recount: "was", "happened", "came", "était", "ilikuwa", "alikuja", "yari", "byabaye", "kan".
    static let pastKeys: Set<UInt64> = {
        var words = ["was", "were", "wasn", "weren", "happened", "came", "went", "broke", "started", "began", "stopped", "arrived",
                     "called", "visited", "paid", "did", "didn", "had", "fixed", "repaired", "sent", "occurred", "noticed", "reported",
                     "complained", "texted", "messaged", "saw", "met", "leaked", "flooded", "failed", "died",
                     "etait", "etaient", "etais", "venu", "venue", "venus", "tombee", "tombe",
                     "yari", "byari", "cyari", "nari", "wari", "twari", "bari", "yaje", "yaraje", "naje", "baje", "byabaye", "byarabaye",
                     "yabaye", "yabuze", "yarabuze", "wabuze", "warabuze", "yagiye", "wagiye", "yapfuye", "yarapfuye", "yacitse",
                     // Kinyarwanda "paid", "sent", "gave", "started", "arrived" (recent and remote past).
                     "nishyuye", "narishyuye", "yishyuye", "yarishyuye", "twishyuye", "twarishyuye", "bishyuye", "barishyuye",
                     "wishyuye", "warishyuye", "nohereje", "narohereje", "yohereje", "yarohereje", "natanze", "naratanze",
                     "yatanze", "yaratanze", "yatangiye", "yaratangiye", "yageze", "yarageze", "nageze", "narageze",
                     "kan", "kanet", "kant"]
        for prefix in ["ni", "u", "a", "tu", "m", "wa", "i", "ki", "li", "zi", "vi", "ya"] {
            for stem in ["kuwa", "kuja", "fika", "anza", "tokea", "katika", "haribika", "vunjika", "lipa", "kwenda", "enda", "ondoka",
                         "isha", "pita", "zima", "vuja", "leta", "tuma"] {
                words.append(prefix + "li" + stem)
            }
        }
        return Set(words.map(DTLexicon.key))
    }()

    /// Verbs in the past that report a plan ("I was told he comes Friday", "she said Monday",
    /// "alisema atakuja"): the clause is not read as recounting.
    static let reportKeys: Set<UInt64> = Set(["told", "said", "promised", "agreed", "confirmed", "booked", "scheduled", "arranged",
                                               "rescheduled", "postponed", "moved", "asked", "planned", "supposed", "expected", "meant",
                                               "wondering", "hoping", "thinking", "planning", "going", "say", "mean",
                                               "dit", "promis", "prevu", "prevue", "programme", "programmee", "fixe", "fixee",
                                               "convenu", "decide", "reporte", "reportee", "decale", "decalee", "planifie", "propose",
                                               "alisema", "aliahidi", "walisema", "yavuze", "bavuze"].map(DTLexicon.key))

    /// Hedges between "since" and its time ("since about 2am"); a word too long to pack is left out.
    static let hedgeKeys: Set<UInt64> = Set(["about", "around", "approximately", "roughly", "nearly", "almost", "environ", "kama",
                                             "karibu", "takriban", "approx"].map(DTLexicon.key).filter { $0 != .max })
    static let keyMoved = DTLexicon.key("moved")
    static let outInKeys: Set<UInt64> = Set(["out", "in"].map(DTLexicon.key))

    /// Words that make a sentence plan: "will", "'ll", "shall", "gonna", "va", "vont",
    /// "itakuwa", "nitakuja", "nzaza".
    static let futureKeys: Set<UInt64> = {
        var words = ["will", "ll", "shall", "gonna", "wanna", "va", "vais", "vas", "vont", "allons", "sera", "seront", "viendra",
                     "viendrai", "passera", "passerai", "paierai", "payerai", "paiera", "payera", "paierons", "enverrai", "appellerai",
                     "ferai", "fera", "serai", "aurai", "pourrai", "pourra", "nzaza", "azaza", "tuzaza", "bazaza", "uzaza", "muzaza", "nzaba", "azaba",
                     "bizaba", "nzishyura", "azishyura", "tuzishyura"]
        for prefix in ["ni", "u", "a", "tu", "m", "wa", "i", "ki", "li", "zi", "vi", "ya"] {
            for stem in ["kuwa", "kuja", "fika", "anza", "lipa", "kwenda", "enda", "leta", "tuma", "rekebisha"] {
                words.append(prefix + "ta" + stem)
            }
        }
        return Set(words.map(DTLexicon.key))
    }()

    /// Whether token `k` ends a clause ("." "!" "?" ";" "," a line break, "but").
    func endsClause(_ k: Int) -> Bool {
        let token = t[k]
        if token.kind == .symbol {
            switch token.value {
            case 0x2E, 0x21, 0x3F, 0x3B, 0x2C, 0x61F, 0x60C, 0x2026: return true  // . ! ? ; , ؟ ، …
            default: return false
            }
        }
        return token.kind == .word && Self.clauseKeys.contains(token.key)
    }

    /// The tense of the expression over tokens `first..<next`: the word right before it
    /// ("since", "until", "for", "in"), with the verbs and days of its clause.
    func tense(first: Int, next: Int) -> DTTense {
        var past = false
        var future = false
        var plans = false
        var reported = false
        // Kinyarwanda "ejo" (yesterday or tomorrow): its verbs' shapes say which.
        let ejo = (first..<next).contains { t[$0].key == Self.keyEjo || t[$0].key == Self.keyEjobundi }
        func look(_ k: Int) {
            let token = t[k]
            guard token.kind == .word else { return }
            // A word the keys cannot hold (Arabic script, 13 letters or more) is none of the verbs:
            // "watarekebisha" packs to the same key, so every Arabic word read as a plan.
            guard token.key != .max else {
                if case .relativeDay(let n, _)? = token.lex { if n < 0 { past = true } else if n > 0 { future = true } }
                if case .function(.ago)? = token.lex { past = true }
                return
            }
            if Self.pastKeys.contains(token.key) || frenchPerfect(at: k) { past = true }
            if ejo {
                switch KinyarwandaVerb.tense(token) {
                case .past: past = true
                case .future: future = true; plans = true
                case .neutral: break
                }
            }
            // "moved out", "moved in" recount; "moved to Monday" reports a plan.
            if token.key == Self.keyMoved, k + 1 < t.count, Self.outInKeys.contains(t[k + 1].key) {
                past = true
            } else if Self.reportKeys.contains(token.key) {
                reported = true
            }
            if Self.futureKeys.contains(token.key) || (token.key == Self.keyWon && isApostrophe(k + 1)) {  // "won't"
                future = true
                plans = true
            }
            switch token.lex {
            case .relativeDay(let n, _)?: if n < 0 { past = true } else if n > 0 { future = true }
            case .function(.ago)?: past = true
            default: break
            }
        }
        var k = first - 1
        while k >= 0, k >= first - 12, !endsClause(k) {
            look(k)
            if t[k].lineBreak { break }
            k -= 1
        }
        k = next
        while k < t.count, k < next + 12, !endsClause(k), !t[k].lineBreak {
            look(k)
            k += 1
        }
        if reported { past = false }
        // The word before, over an article or "mu" ("since the morning", "kuva mu gitondo").
        var before = first - 1
        if before >= 0, fn(before) == .the || fn(before) == .el || fn(before) == .mu || fn(before) == .le || fn(before) == .la {
            before -= 1
        }
        // "since about 2am", "tangu kama saa nane", "depuis environ 3h".
        if before >= 1, Self.hedgeKeys.contains(key(before)) { before -= 1 }
        if before >= 0 {
            // "since" looks back, unless the clause plans ("kuva ejo nzaba hano": from tomorrow on).
            if fn(before) == .since || Self.sinceKeys.contains(key(before)) { return plans ? .future : .past }
            if Self.towardKeys.contains(key(before)) || fn(before) == .until || fn(before) == .till { return .future }
        }
        if first > 0 {
            if Self.whichKeys.contains(key(first - 1)) { return .neutral }
            // "in December" plans unless the clause recounts ("it broke in December").
            if Self.inKeys.contains(key(first - 1)) { return past && !future ? .past : .future }
        }
        if future { return .future }
        return past ? .past : .neutral
    }

    /// Whether the expression over `first..<next` is said to be the time now: "now" right after it
    /// ("ni saa tano sasa", "it's 11 now") or before it over a copula ("sasa ni saa tano", "now
    /// it's 11:00", "maintenant il est 10h"). Not "come now at 5", where "now" places nothing.
    func saidNow(first: Int, next: Int) -> Bool {
        if fn(next) == .now, !t[next].lineBreak { return true }
        var k = first - 1
        var copulas = 0
        while k >= 0, k >= first - 4, !t[k + 1].lineBreak {
            if fn(k) == .now { return copulas > 0 }
            guard Self.copulaKeys.contains(key(k)) || isApostrophe(k) else { return false }
            if !isApostrophe(k) { copulas += 1 }
            k -= 1
        }
        return false
    }

    static let copulaKeys: Set<UInt64> = Set(["ni", "it", "its", "is", "s", "il", "est", "c", "ce"].map(DTLexicon.key))

    /// French passé composé: an auxiliary then a past participle, over a negation or adverb
    /// ("j'ai payé", "il a appelé", "la fuite a commencé", "je n'ai pas reçu", "il est venu",
    /// "le robinet s'est cassé"). "avoir" takes any participle ending in "é" and the common
    /// ones written without accents or not ending in "é" (`participleKeys`); "être" only those
    /// of verbs of coming and going (`etreParticipleKeys`), or any after "s'"/"me"/"se" (a
    /// reflexive verb): otherwise "est fermé", "est prévu" describe a state or a plan.
    func frenchPerfect(at k: Int) -> Bool {
        let aux = t[k].key
        let avoir = Self.avoirKeys.contains(aux)
        guard avoir || Self.etreKeys.contains(aux) else { return false }
        let reflexive = k >= 1 && (Self.reflexiveKeys.contains(key(k - 1))
            || (k >= 2 && isApostrophe(k - 1) && Self.reflexiveKeys.contains(key(k - 2))))
        var j = k + 1
        while j < t.count, j <= k + 3 {
            guard t[j].kind == .word else { return false }
            if Self.adverbKeys.contains(t[j].key) {
                j += 1
                continue
            }
            if avoir || reflexive { return t[j].participle || Self.participleKeys.contains(t[j].key) }
            return Self.etreParticipleKeys.contains(t[j].key)
        }
        return false
    }

    static let avoirKeys: Set<UInt64> = Set(["ai", "as", "a", "avons", "avez", "ont"].map(DTLexicon.key))
    static let etreKeys: Set<UInt64> = Set(["suis", "es", "est", "sommes", "etes", "sont"].map(DTLexicon.key))
    static let reflexiveKeys: Set<UInt64> = Set(["s", "se", "m", "me", "t", "te"].map(DTLexicon.key))
    /// Words between the auxiliary and the participle: "pas", "déjà", "bien", "jamais", "encore".
    static let adverbKeys: Set<UInt64> = Set(["pas", "deja", "bien", "jamais", "encore", "toujours", "enfin", "aussi", "tout", "rien",
                                              "meme", "finalement"].map(DTLexicon.key))
    /// Participles written without the accent, or not ending in "é" at all.
    static let participleKeys: Set<UInt64> = Set([
        "paye", "payee", "appele", "commence", "envoye", "verse", "depose", "vire", "regle", "arrive", "passe", "tombe", "casse",
        "signale", "repare", "coupe", "bouche", "inonde", "quitte", "demenage", "essaye", "contacte", "telephone", "laisse",
        "trouve", "remarque", "recu", "fait", "pris", "mis", "vu", "eu", "ete", "fini", "ouvert", "perdu", "rendu", "vendu",
        "ecrit", "eteint", "entendu", "attendu", "parti", "sorti", "venu", "revenu", "mort", "rompu", "dormi",
    ].map(DTLexicon.key))
    /// Participles "être" takes in the passé composé (verbs of coming and going).
    static let etreParticipleKeys: Set<UInt64> = Set([
        "venu", "venue", "venus", "revenu", "revenue", "arrive", "arrivee", "arrives", "parti", "partie", "partis", "sorti",
        "sortie", "passe", "passee", "passes", "tombe", "tombee", "monte", "montee", "descendu", "descendue", "retourne",
        "retournee", "rentre", "rentree", "mort", "morte", "alle", "allee", "alles",
    ].map(DTLexicon.key))

    static let inKeys: Set<UInt64> = Set(["in", "en", "katika", "muri"].map(DTLexicon.key))
    static let keyWon = DTLexicon.key("won")
}
