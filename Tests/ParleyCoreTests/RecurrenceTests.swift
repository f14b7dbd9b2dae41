import Testing
@testable import ParleyCore
#if canImport(Glibc)
import Glibc
#endif

/// Recurrences in the date/time extractor: one "recurrence" entity per phrase, whose value is
/// {"rrule", "next": {"iso", "timestamp"}, "granularity"}. Expected next occurrences worked out
/// by hand from the reference, Thursday 2026-11-26 10:00 in Kigali (+02:00, no DST).
@Suite struct RecurrenceTests {
    static let reference: Int64 = DateTimeTests.kigaliReference

    static func recurrences(_ text: String, zone: String = "Africa/Kigali", reference: Int64 = Self.reference) throws -> [Entity] {
        try DateTimeTests.extractor(zone).extract(from: text, reference: reference)
    }

    /// (text, entity text, rrule, next, granularity)
    static let table: [(String, String, String, String, String)] = [
        ("every Monday", "every Monday", "FREQ=WEEKLY;BYDAY=MO", "2026-11-30T00:00:00+02:00", "day"),
        ("every other week", "every other week", "FREQ=WEEKLY;INTERVAL=2", "2026-12-07T00:00:00+02:00", "week"),
        ("each month on the 5th", "each month on the 5th", "FREQ=MONTHLY;BYMONTHDAY=5", "2026-12-05T00:00:00+02:00", "day"),
        ("monthly", "monthly", "FREQ=MONTHLY", "2026-12-01T00:00:00+02:00", "month"),
        ("weekly on Fridays", "weekly on Fridays", "FREQ=WEEKLY;BYDAY=FR", "2026-11-27T00:00:00+02:00", "day"),
        ("every day at 8am", "every day at 8am", "FREQ=DAILY;BYHOUR=8;BYMINUTE=0", "2026-11-27T08:00:00+02:00", "hour"),
        ("daily", "daily", "FREQ=DAILY", "2026-11-27T00:00:00+02:00", "day"),
        ("every 2 weeks", "every 2 weeks", "FREQ=WEEKLY;INTERVAL=2", "2026-12-07T00:00:00+02:00", "week"),
        ("on the 1st of every month", "the 1st of every month", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-12-01T00:00:00+02:00", "day"),
        ("every weekday", "every weekday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-11-27T00:00:00+02:00", "day"),
        ("tous les lundis", "tous les lundis", "FREQ=WEEKLY;BYDAY=MO", "2026-11-30T00:00:00+02:00", "day"),
        ("kila Jumatatu", "kila Jumatatu", "FREQ=WEEKLY;BYDAY=MO", "2026-11-30T00:00:00+02:00", "day"),
        ("rent is due on the 5th of every month", "the 5th of every month", "FREQ=MONTHLY;BYMONTHDAY=5", "2026-12-05T00:00:00+02:00", "day"),
        ("garbage collection every Tuesday and Friday", "every Tuesday and Friday", "FREQ=WEEKLY;BYDAY=TU,FR", "2026-11-27T00:00:00+02:00", "day"),
        ("every Monday at 9", "every Monday at 9", "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0", "2026-11-30T09:00:00+02:00", "hour"),
        ("every Wednesday at 5:30pm", "every Wednesday at 5:30pm", "FREQ=WEEKLY;BYDAY=WE;BYHOUR=17;BYMINUTE=30", "2026-12-02T17:30:00+02:00", "minute"),
        ("at 8am every day", "at 8am every day", "FREQ=DAILY;BYHOUR=8;BYMINUTE=0", "2026-11-27T08:00:00+02:00", "hour"),
        ("every day at 11", "every day at 11", "FREQ=DAILY;BYHOUR=11;BYMINUTE=0", "2026-11-26T11:00:00+02:00", "hour"),
        ("Thursday every week", "Thursday every week", "FREQ=WEEKLY;BYDAY=TH", "2026-12-03T00:00:00+02:00", "day"),
        ("every Thursday at 3pm", "every Thursday at 3pm", "FREQ=WEEKLY;BYDAY=TH;BYHOUR=15;BYMINUTE=0", "2026-11-26T15:00:00+02:00", "hour"),
        ("every Mon-Fri", "every Mon-Fri", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-11-27T00:00:00+02:00", "day"),
        ("every Mon, Wed & Fri", "every Mon, Wed & Fri", "FREQ=WEEKLY;BYDAY=MO,WE,FR", "2026-11-27T00:00:00+02:00", "day"),
        ("every other Monday", "every other Monday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", "2026-11-30T00:00:00+02:00", "day"),
        ("every 3rd day", "every 3rd day", "FREQ=DAILY;INTERVAL=3", "2026-11-29T00:00:00+02:00", "day"),
        ("every 5th", "every 5th", "FREQ=MONTHLY;BYMONTHDAY=5", "2026-12-05T00:00:00+02:00", "day"),
        ("every morning", "every morning", "FREQ=DAILY;BYHOUR=9;BYMINUTE=0", "2026-11-27T09:00:00+02:00", "hour"),
        ("every evening at 7", "every evening at 7", "FREQ=DAILY;BYHOUR=19;BYMINUTE=0", "2026-11-26T19:00:00+02:00", "hour"),
        ("every weekend", "every weekend", "FREQ=WEEKLY;BYDAY=SA,SU", "2026-11-28T00:00:00+02:00", "day"),
        ("on Mondays and Thursdays", "Mondays and Thursdays", "FREQ=WEEKLY;BYDAY=MO,TH", "2026-11-30T00:00:00+02:00", "day"),
        ("on weekdays", "weekdays", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-11-27T00:00:00+02:00", "day"),
        ("every year on 5 March", "every year on 5 March", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=5", "2027-03-05T00:00:00+02:00", "day"),
        ("every January", "every January", "FREQ=YEARLY;BYMONTH=1", "2027-01-01T00:00:00+02:00", "month"),
        ("every 2 hours", "every 2 hours", "FREQ=HOURLY;INTERVAL=2", "2026-11-26T12:00:00+02:00", "hour"),
        ("every day at midnight", "every day at midnight", "FREQ=DAILY;BYHOUR=0;BYMINUTE=0", "2026-11-27T00:00:00+02:00", "hour"),
        ("fortnightly", "fortnightly", "FREQ=WEEKLY;INTERVAL=2", "2026-12-07T00:00:00+02:00", "week"),
        ("every working day", "every working day", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-11-27T00:00:00+02:00", "day"),
        // A day the month lacks is skipped (RFC 5545): November has no 31st.
        ("on the 31st of each month", "the 31st of each month", "FREQ=MONTHLY;BYMONTHDAY=31", "2026-12-31T00:00:00+02:00", "day"),
        ("every year on 29 February", "every year on 29 February", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "2028-02-29T00:00:00+02:00", "day"),
        // French and Swahili.
        ("chaque lundi", "chaque lundi", "FREQ=WEEKLY;BYDAY=MO", "2026-11-30T00:00:00+02:00", "day"),
        ("chaque mois le 5", "chaque mois le 5", "FREQ=MONTHLY;BYMONTHDAY=5", "2026-12-05T00:00:00+02:00", "day"),
        ("le loyer est dû le 5 de chaque mois", "le 5 de chaque mois", "FREQ=MONTHLY;BYMONTHDAY=5", "2026-12-05T00:00:00+02:00", "day"),
        ("tous les jours à 8h", "tous les jours à 8h", "FREQ=DAILY;BYHOUR=8;BYMINUTE=0", "2026-11-27T08:00:00+02:00", "hour"),
        ("toutes les deux semaines", "toutes les deux semaines", "FREQ=WEEKLY;INTERVAL=2", "2026-12-07T00:00:00+02:00", "week"),
        ("tous les 15 jours", "tous les 15 jours", "FREQ=WEEKLY;INTERVAL=2", "2026-12-07T00:00:00+02:00", "week"),
        ("tous les mardis et vendredis", "tous les mardis et vendredis", "FREQ=WEEKLY;BYDAY=TU,FR", "2026-11-27T00:00:00+02:00", "day"),
        ("kila siku", "kila siku", "FREQ=DAILY", "2026-11-27T00:00:00+02:00", "day"),
        ("kila mwezi tarehe 5", "kila mwezi tarehe 5", "FREQ=MONTHLY;BYMONTHDAY=5", "2026-12-05T00:00:00+02:00", "day"),
        ("kila Jumanne na Ijumaa", "kila Jumanne na Ijumaa", "FREQ=WEEKLY;BYDAY=TU,FR", "2026-11-27T00:00:00+02:00", "day"),
        ("kila asubuhi", "kila asubuhi", "FREQ=DAILY;BYHOUR=9;BYMINUTE=0", "2026-11-27T09:00:00+02:00", "hour"),
        // A weekday's place in the month (1 December 2026 is a Tuesday; 30 November a Monday).
        ("viewings on the first Monday of every month at 10am", "first Monday of every month at 10am",
         "FREQ=MONTHLY;BYDAY=1MO;BYHOUR=10;BYMINUTE=0", "2026-12-07T10:00:00+02:00", "hour"),
        ("rent is due the last Friday of each month", "last Friday of each month", "FREQ=MONTHLY;BYDAY=-1FR", "2026-11-27T00:00:00+02:00", "day"),
        ("every second Tuesday of the month", "every second Tuesday of the month", "FREQ=MONTHLY;BYDAY=2TU", "2026-12-08T00:00:00+02:00", "day"),
        ("the 3rd Wednesday of every month", "3rd Wednesday of every month", "FREQ=MONTHLY;BYDAY=3WE", "2026-12-16T00:00:00+02:00", "day"),
        ("le premier lundi de chaque mois à 9h", "premier lundi de chaque mois à 9h", "FREQ=MONTHLY;BYDAY=1MO;BYHOUR=9;BYMINUTE=0",
         "2026-12-07T09:00:00+02:00", "hour"),
        ("le dernier vendredi de chaque mois", "dernier vendredi de chaque mois", "FREQ=MONTHLY;BYDAY=-1FR", "2026-11-27T00:00:00+02:00", "day"),
        ("Jumatatu ya kwanza ya kila mwezi", "Jumatatu ya kwanza ya kila mwezi", "FREQ=MONTHLY;BYDAY=1MO", "2026-12-07T00:00:00+02:00", "day"),
        // Once per period is a plain frequency.
        ("once a week", "once a week", "FREQ=WEEKLY", "2026-11-30T00:00:00+02:00", "week"),
        ("twice weekly on Tuesday and Friday", "twice weekly on Tuesday and Friday", "FREQ=WEEKLY;BYDAY=TU,FR", "2026-11-27T00:00:00+02:00", "day"),
    ]

    @Test func phrases() throws {
        var failures: [String] = []
        for (text, span, rrule, next, granularity) in Self.table {
            let entities = try Self.recurrences(text)
            guard entities.count == 1, let e = entities.first else {
                failures.append("\(text): \(entities.map { "\($0.type) '\($0.text)'" })")
                continue
            }
            let got = "\(e.type) '\(e.text)' \(e.value["rrule"]?.stringValue ?? "-") \(e.value["next"]?["iso"]?.stringValue ?? "-") \(e.value["granularity"]?.stringValue ?? "-")"
            let want = "recurrence '\(span)' \(rrule) \(next) \(granularity)"
            if got != want { failures.append("\(text): got \(got), want \(want)") }
            if let problem = DateTimeTests.consistencyProblem(e.value["next"] ?? .null) { failures.append("\(text): \(problem)") }
            let scalars = Array(text.unicodeScalars)
            var sliced = String.UnicodeScalarView()
            sliced.append(contentsOf: scalars[e.start..<e.end])
            if String(sliced) != e.text { failures.append("\(text): offsets do not slice to the text") }
        }
        print("recurrence phrases: \(Self.table.count - failures.count)/\(Self.table.count)")
        for failure in failures { Issue.record(Comment(rawValue: failure)) }
    }

    @Test func valueShape() throws {
        let e = try #require(try Self.recurrences("every Monday at 9am").first)
        #expect(e.type == "recurrence")
        #expect(e.source == .pattern)
        #expect(e.confidence == 0.9)
        #expect(e.value == [
            "rrule": "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0",
            "next": ["iso": "2026-11-30T09:00:00+02:00", "timestamp": .int(1_796_022_000)],
            "granularity": "hour",
        ])
        #expect(e.value.objectValue?.members.map(\.key) == ["rrule", "next", "granularity"])
    }

    /// The recurrence takes the whole phrase: no stand-alone "Monday", "2 weeks" or "the 5th".
    @Test func noOverlappingDatetimes() throws {
        for text in ["every Monday", "every 2 weeks", "the 5th of every month", "every day at 8am", "weekly on Fridays"] {
            let entities = try Self.recurrences(text)
            #expect(entities.map(\.type) == ["recurrence"], "\(text): \(entities.map { "\($0.type) '\($0.text)'" })")
        }
        // With the other layers, as the pipeline resolves them: the recurrence covers "5th" the ordinal.
        let entityExtractor = try EntityExtractor(options: EntityOptions())
        let text = "Hi, rent is due on the 5th of every month, and garbage collection every Tuesday and Friday"
        let resolved = EntityResolver.resolve(entityExtractor.extract(from: text) + (try Self.recurrences(text)))
        #expect(resolved.map(\.type) == ["recurrence", "recurrence"], "\(resolved.map { "\($0.type) '\($0.text)'" })")
        // Money with a period stays money ("Ksh 35,000 monthly" is longer than "monthly").
        let rent = "Ksh 35,000 monthly"
        let money = EntityResolver.resolve(entityExtractor.extract(from: rent) + (try Self.recurrences(rent)))
        #expect(money.map(\.type) == ["money"])
        // Around other dates: each keeps its own span.
        let mixed = try Self.recurrences("Viewing tomorrow at 5pm; cleaning every Friday; pay by 12/03")
        #expect(mixed.map(\.type) == ["datetime", "recurrence", "datetime"])
        #expect(mixed.map(\.text) == ["tomorrow at 5pm", "every Friday", "12/03"])
    }

    @Test func negatives() throws {
        // Not recurrences, and nothing else either.
        for text in ["every", "every time I call", "every 2", "each tenant", "every 5th tenant", "every now and then",
                     "everyone", "each", "tous les", "kila mtu", "chaque", "every second", "le lundi",
                     "I called you twice", "the first time I came", "the second floor", "three times", "last Monday of"] {
            let entities = try Self.recurrences(text)
            #expect(!entities.contains { $0.type == "recurrence" }, "\(text): \(entities.map { "\($0.type) '\($0.text)'" })")
        }
        // "Monday" alone stays a datetime.
        let monday = try Self.recurrences("Monday")
        #expect(monday.map(\.type) == ["datetime"])
        #expect(monday.first?.value["iso"] == "2026-11-30T00:00:00+02:00")
        // "Mondays are busy": a plural weekday needs "on" or "every".
        #expect(try Self.recurrences("Mondays are busy").isEmpty)
        // A time does not anchor a weekly rule without its day: "every week" and "at 5pm" stay apart.
        let weekly = try Self.recurrences("every week at 5pm")
        #expect(weekly.map(\.type) == ["recurrence", "datetime"])
        #expect(weekly.first?.value["rrule"] == "FREQ=WEEKLY")
        // A day the frequency cannot take is not swallowed.
        let daily = try Self.recurrences("every day on the 5th")
        #expect(daily.first?.text == "every day")
    }

    /// "twice a week" has no days to give a next occurrence for: the count and the period.
    @Test func timesPerPeriod() throws {
        for (text, span, rrule, times) in [("cleaning twice a week", "twice a week", "FREQ=WEEKLY", 2),
                                           ("three times a month", "three times a month", "FREQ=MONTHLY", 3),
                                           ("3 times per day", "3 times per day", "FREQ=DAILY", 3),
                                           ("deux fois par semaine", "deux fois par semaine", "FREQ=WEEKLY", 2),
                                           ("mara mbili kwa wiki", "mara mbili kwa wiki", "FREQ=WEEKLY", 2)] {
            let found = try Self.recurrences(text).filter { $0.type == "recurrence" }
            #expect(found.count == 1, "\(text)")
            #expect(found.first?.text == span, "\(text)")
            #expect(found.first?.value["rrule"]?.stringValue == rrule, "\(text)")
            #expect(found.first?.value["timesPerPeriod"]?.int64Value == Int64(times), "\(text)")
            #expect(found.first?.value["next"] == nil, "\(text)")
        }
        // "I called you twice today": a count, but no period.
        #expect(try Self.recurrences("I called you twice today").map(\.type) == ["datetime"])
    }

    /// The next occurrence is resolved in the chat's zone, across a DST change.
    @Test func nextInTheChatsZone() throws {
        let saturdayNoon: Int64 = 1_772_902_800  // Saturday 2026-03-07 12:00 New York (EST); DST starts Sunday 02:00
        let sunday = try #require(try Self.recurrences("every Sunday at 9am", zone: "America/New_York", reference: saturdayNoon).first)
        #expect(sunday.value["next"]?["iso"] == "2026-03-08T09:00:00-04:00")
        let daily = try #require(try Self.recurrences("daily at 8am", zone: "America/New_York", reference: saturdayNoon).first)
        #expect(daily.value["next"]?["iso"] == "2026-03-08T08:00:00-04:00")
        // Today counts when its time is still ahead; an all-day occurrence today has begun.
        let thursday = try #require(try Self.recurrences("every Thursday at 6pm").first)
        #expect(thursday.value["next"]?["iso"] == "2026-11-26T18:00:00+02:00")
        let morning = try #require(try Self.recurrences("every Thursday at 8am").first)
        #expect(morning.value["next"]?["iso"] == "2026-12-03T08:00:00+02:00")
    }

    @Test func badInput() throws {
        let extractor = try DateTimeExtractor(options: DateTimeOptions())
        for text in ["", " ", "🙃🙄😒", "every 🙃", "every\u{200D}Monday", "كل يوم اثنين every Monday", "\u{202E}every Monday",
                     "every 999999999999 weeks", "every 0 days", "every -1 weeks", "every 99th", "every 32nd of the month"] {
            let entities = extractor.extract(from: text, reference: Self.reference)
            for e in entities where e.type == "recurrence" {
                #expect(e.value["rrule"]?.stringValue?.hasPrefix("FREQ=") == true, "\(text)")
            }
        }
        #expect(extractor.extract(from: "every 0 days", reference: Self.reference).isEmpty)
        #expect(extractor.extract(from: "كل يوم اثنين every Monday", reference: Self.reference).map(\.text) == ["every Monday"])
        // 100 KB: bounded and every repetition found.
        let unit = "cleaning every Tuesday and Friday at 9am, rent on the 5th of every month. "
        let long = String(repeating: unit, count: 100_000 / unit.utf8.count + 1)
        #expect(long.utf8.count > 100_000)
        let start = clock()
        let entities = extractor.extract(from: long, reference: Self.reference)
        let seconds = Double(clock() - start) / Double(CLOCKS_PER_SEC)
        #expect(entities.count == 2 * (100_000 / unit.utf8.count + 1))
        #expect(seconds < 2, "\(seconds) s")
        // Extreme references do not trap.
        for reference: Int64 in [.min, .max, 0, -62_135_596_800, 253_402_300_799] {
            _ = extractor.extract(from: "every year on 29 February at 23:59, every Monday, monthly", reference: reference)
        }
    }
}
