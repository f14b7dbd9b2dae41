import Testing
@testable import ParleyCore

/// Dates, times and durations as tenants write them in Lebanon, the Gulf, East and Central
/// Africa and Zimbabwe: what each gives, and the look-alikes that must give nothing.
/// Reference: Thursday 2026-11-26 08:00 in Beirut (+02:00), unless a case says otherwise.
@Suite struct DateTimeRegionalTests {
    static let beirutMorning: Int64 = 1_795_672_800

    static func found(_ text: String, zone: String = "Asia/Beirut", at reference: Int64 = beirutMorning) throws -> [Entity] {
        try DateTimeTests.extractor(zone).extract(from: text, reference: reference)
    }

    static func describe(_ entities: [Entity]) -> String {
        "\(entities.map { "\($0.type) '\($0.text)' \(JSONWriter.string($0.value))" })"
    }

    /// What the extractor gives for `text`, for a failure's message.
    static func shown(_ text: String, zone: String = "Asia/Beirut") -> String {
        "\(text): " + ((try? describe(found(text, zone: zone))) ?? "?")
    }

    /// The one datetime's ISO time, nil unless exactly one entity came out and it is a datetime.
    static func only(_ text: String, zone: String = "Asia/Beirut", at reference: Int64 = beirutMorning) throws -> String? {
        let entities = try found(text, zone: zone, at: reference)
        guard entities.count == 1, entities[0].type == "datetime" else { return nil }
        return entities[0].value["iso"]?.stringValue
    }

    /// Levantine Arabizi: an hour after a day, over "3al", "3a", "3l", the word for hour "se3a",
    /// in words ("khamse"), with "w nos" (and a half); alone, "3al 11" is a time only when the
    /// message names a day.
    @Test func levantineHours() throws {
        let cases: [(String, String)] = [
            ("mnemrak bokra 3a 10 tkoun bl bet?", "2026-11-27T10:00:00+02:00"),
            ("bokra 3al se3a 9 ok", "2026-11-27T09:00:00+02:00"),
            ("ba3ed bokra 3l 4", "2026-11-28T16:00:00+02:00"),
            ("bokra 3al tlete w nos", "2026-11-27T15:30:00+02:00"),
            ("tayeb 3al 10 bokra", "2026-11-27T10:00:00+02:00"),
        ]
        for (text, want) in cases {
            #expect(try Self.only(text) == want, "\(Self.shown(text))")
        }
        // Words between the day and the hour: the hour takes the day.
        let apart = try Self.found("bokra iza btred 3al 11")
        #expect(apart.last?.value["iso"]?.stringValue == "2026-11-27T11:00:00+02:00", "\(Self.describe(apart))")
        // "From 5 o'clock": the past after "men" (since).
        #expect(try Self.only("ma fi may men el se3a 6") == "2026-11-26T06:00:00+02:00")
        // Without a day "3al" is also "for": no time.
        #expect(try Self.found("khallasna 3al 10 alaf").isEmpty)
        #expect(try Self.found("bet2ele 3al 11?").isEmpty)
    }

    /// Arabizi "3am" marks a verb in progress; it is 3 AM only where a time is placed.
    @Test func arabiziProgressiveIsNoTime() throws {
        for text in ["3am estanna el mouwazaf", "el may 3am tnezzel mn el sa2f", "lesh 3am t2elle hek"] {
            #expect(try Self.found(text).isEmpty, "\(Self.shown(text))")
        }
        #expect(try Self.only("the alarm went off at 3am") == "2026-11-26T03:00:00+02:00")
        #expect(try Self.only("no water since 3am") == "2026-11-26T03:00:00+02:00")
        #expect(try Self.only("they were drilling until 3am.") != nil)
        #expect(try Self.only("tomorrow 3am") == "2026-11-27T03:00:00+02:00")
    }

    /// "The fifth" of a floor is no Thursday; Thursday stays Thursday.
    @Test func fifthFloorIsNoThursday() throws {
        for text in ["sakin bel tabe2 el 5ames", "ana bl tabe2 el khamis", "the leak is on the 5amis floor"] {
            #expect(try Self.found(text).isEmpty, "\(Self.shown(text))")
        }
        #expect(try Self.only("nchoufak el khamis") == "2026-12-03T00:00:00+02:00")
    }

    /// Four digits and "hours" is a time of day; a count after a word of length.
    @Test func militaryTime() throws {
        #expect(try Self.only("inspection on Friday at 0930 hours") == "2026-11-27T09:30:00+02:00")
        #expect(try Self.only("the guard changes at 1845hrs") == "2026-11-26T18:45:00+02:00")
        let count = try Self.found("the generator ran for 1200 hours")
        #expect(count.first?.type == "duration", "\(Self.describe(count))")
    }

    /// French "10h" is a time of day unless a length is said around it.
    @Test func frenchHourIsATimeUnlessALength() throws {
        #expect(try Self.only("le technicien a dit 9h") == "2026-11-26T09:00:00+02:00")
        #expect(try Self.only("rdv 11h devant la porte") == "2026-11-26T11:00:00+02:00")
        for (text, iso) in [("on a eu 6h de coupure", "PT6H"), ("restés 5h sans courant", "PT5H"), ("j'ai patienté 2h", "PT2H"),
                            ("ça fait 4h par jour", "PT4H")] {
            let entities = try Self.found(text)
            #expect(entities.first?.value["iso"]?.stringValue == iso, "\(text): \(Self.describe(entities))")
        }
    }

    /// A time said to be now is today's, even just gone by.
    @Test func timeSaidToBeNow() throws {
        let nairobiLate: Int64 = 1_795_681_200  // 11:20 +03:00
        #expect(try Self.only("tayari ni saa tano sasa", zone: "Africa/Nairobi", at: nairobiLate) == "2026-11-26T11:00:00+03:00")
        #expect(try Self.only("sasa ni saa tano", zone: "Africa/Nairobi", at: nairobiLate) == "2026-11-26T11:00:00+03:00")
        #expect(try Self.only("maintenant il est 10h", zone: "Africa/Nairobi", at: nairobiLate) == "2026-11-26T10:00:00+03:00")
        // Without "now" a time gone by is tomorrow's.
        #expect(try Self.only("nitakuja saa tano", zone: "Africa/Nairobi", at: nairobiLate) == "2026-11-27T11:00:00+03:00")
    }

    /// Swahili parts of the day alone, Shona relative days; not a greeting or a meal.
    @Test func partsAndDaysInEastAndSouthernAfrica() throws {
        #expect(try Self.only("fundi atapita jioni", zone: "Africa/Nairobi") == "2026-11-26T19:00:00+03:00")
        #expect(try Self.only("ndichabhadhara nhasi", zone: "Africa/Harare") == "2026-11-26T00:00:00+02:00")
        #expect(try Self.only("ndichauya mangwana", zone: "Africa/Harare") == "2026-11-27T00:00:00+02:00")
        for text in ["habari za jioni", "jioni njema bwana", "tunapika chakula cha jioni"] {
            #expect(try Self.found(text, zone: "Africa/Nairobi").isEmpty, "\(text)")
        }
    }

    /// A day and part of it with a time that fits is one moment; a season's wishes are no date.
    @Test func oneMomentAndNoWishes() throws {
        #expect(try Self.only("Sunday morning around 10:15 works") == "2026-11-29T10:15:00+02:00")
        for text in ["joyeuses fêtes de fin d'année à toute l'équipe", "bonne fin d'année", "happy new year to you and family"] {
            #expect(try Self.found(text).isEmpty, "\(Self.shown(text))")
        }
        #expect(try Self.only("le contrat se termine à la fin de l'année") == "2026-12-31T00:00:00+02:00")
    }

    /// Durations: compared ("instead of a year"), in full ("a whole year", "سنة كاملة"), Arabizi duals.
    @Test func regionalDurations() throws {
        let cases: [(String, String)] = [
            ("could we do six months instead of a year", "P1Y"), ("I'd like a full year", "P1Y"), ("بدي عقد لسنة كاملة", "P1Y"),
            ("sarlna yomen bala kahraba", "P2D"), ("ma 3am nedfa3 mn shahren", "P2M"), ("baddi ejar santen", "P2Y"),
        ]
        for (text, iso) in cases {
            let durations = try Self.found(text).filter { $0.type == "duration" }
            #expect(durations.last?.value["iso"]?.stringValue == iso, "\(Self.shown(text))")
        }
        #expect(try Self.found("have a nice day").isEmpty)
    }
}
