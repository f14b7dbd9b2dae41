import Testing
@testable import ParleyCore

/// Relative days, weekdays, hours and lengths in the languages of Mali, Burkina Faso, Malawi,
/// Botswana, Mauritius and Madagascar, and Maghrebi, Levantine and Gulf Arabic forms found
/// missing by a held-out evaluation. Reference: Thursday 2026-11-26 08:00 in Beirut (+02:00).
@Suite struct DateTimeMarketTests {
    static func only(_ text: String) throws -> String? { try DateTimeRegionalTests.only(text) }
    static func shown(_ text: String) -> String { DateTimeRegionalTests.shown(text) }

    static func durations(_ text: String) throws -> [String] {
        try DateTimeRegionalTests.found(text).filter { $0.type == "duration" }.compactMap { $0.value["iso"]?.stringValue }
    }

    /// Tomorrow, today and yesterday in each language, and Chichewa "m'mawa" (the morning).
    @Test func relativeDays() throws {
        let cases: [(String, String)] = [
            ("n bena na sini", "2026-11-27T00:00:00+02:00"),          // Bambara
            ("Ndibwera mawa", "2026-11-27T00:00:00+02:00"),           // Chichewa
            ("ndalipira lero", "2026-11-26T00:00:00+02:00"),
            ("madzi anatha dzulo", "2026-11-25T00:00:00+02:00"),
            ("ke tla tla kamoso", "2026-11-27T00:00:00+02:00"),       // Setswana
            ("mo pou vini demin", "2026-11-27T00:00:00+02:00"),       // Kreol
            ("Ho avy rahampitso aho", "2026-11-27T00:00:00+02:00"),   // Malagasy
            ("tapaka omaly ny rano", "2026-11-25T00:00:00+02:00"),
            ("غدوة نجي", "2026-11-27T00:00:00+02:00"),                // Darija
            ("الشوفاج طافي من مبارح", "2026-11-25T00:00:00+02:00"),    // Levantine, no alif
            ("abi ashoof el villa bachir", "2026-11-27T00:00:00+02:00"), // Gulf Arabizi
        ]
        for (text, iso) in cases { #expect(try Self.only(text) == iso, "\(Self.shown(text))") }
        #expect(try Self.only("Ndibwera mawa m'mawa") == "2026-11-27T09:00:00+02:00", "\(Self.shown("Ndibwera mawa m'mawa"))")
    }

    /// Weekday names: Chichewa, Setswana, Kreol, Malagasy, Bambara.
    @Test func weekdays() throws {
        let monday = "2026-11-30T00:00:00+02:00", saturday = "2026-11-28T00:00:00+02:00", friday = "2026-11-27T00:00:00+02:00"
        for text in ["tibwera Lolemba", "ke tla tla ka Mosupologo", "ho avy alatsinainy", "n bena ntenen"] {
            #expect(try Self.only(text) == monday, "\(Self.shown(text))")
        }
        for text in ["Loweruka", "ka Matlhatso", "samdi", "sabotsy", "sibiri"] {
            #expect(try Self.only(text) == saturday, "\(Self.shown(text))")
        }
        for text in ["Lachisanu", "Labotlhano", "vandredi", "zoma", "amin'ny zoma"] {
            #expect(try Self.only(text) == friday, "\(Self.shown(text))")
        }
        #expect(try Self.only("mo vini merkredi") == "2026-12-02T00:00:00+02:00", "\(Self.shown("mo vini merkredi"))")
        // Weak names alone stay words: "Juma" is a man's name, "Lindi" a town.
        #expect(try DateTimeRegionalTests.found("Juma will fix it").isEmpty)
        #expect(try DateTimeRegionalTests.found("Lindi is far from here").isEmpty)
    }

    /// Hours: Setswana "ka 4 maitseboa", Kreol "ziska 5er" and "samdi gramatin", Malagasy
    /// "amin'ny 3 ora", "5 ora hariva", Darija number words after "m3a"/"مع", French "depuis 6h".
    @Test func hours() throws {
        let cases: [(String, String)] = [
            ("Ke tla tla ka 4 maitseboa", "2026-11-26T16:00:00+02:00"),
            ("pena delo ziska 5er", "2026-11-26T17:00:00+02:00"),
            ("samdi gramatin", "2026-11-28T09:00:00+02:00"),
            ("amin'ny 3 ora rahampitso", "2026-11-27T15:00:00+02:00"),
            ("alakamisy 5 ora hariva", "2026-11-26T17:00:00+02:00"),
            ("غدوة مع الربعة", "2026-11-27T16:00:00+02:00"),
            ("ghodwa m3a rab3a", "2026-11-27T16:00:00+02:00"),
            ("غدوة العشية", "2026-11-27T15:00:00+02:00"),
            ("pas d'eau depuis 6h", "2026-11-26T06:00:00+02:00"),
            ("abi ashoof el villa bachir el sa3a 5", "2026-11-27T17:00:00+02:00"),
        ]
        for (text, iso) in cases { #expect(try Self.only(text) == iso, "\(Self.shown(text))") }
        // French "1er" stays the first; "depuis 2h" two hours.
        #expect(try Self.durations("coupure depuis 2h") == ["PT2H"], "\(Self.shown("coupure depuis 2h"))")
    }

    /// Lengths: Kreol "mwa"/"zour", Malagasy "volana", Darija "3am akhor", Levantine "sane",
    /// Arabic "سنة كمان", "ساعة ونص".
    @Test func durations() throws {
        let cases: [(String, String)] = [
            ("mo finn paye 3 mwa", "P3M"), ("2 zour san delo", "P2D"), ("efa 3 volana", "P3M"),
            ("bghit 3am akhor f el contrat", "P1Y"), ("bade sane kaman", "P1Y"), ("bade el contract sane", "P1Y"),
            ("بدي سنة كمان", "P1Y"), ("ساعة ونص بدون كهربا", "PT1H30M"),
        ]
        for (text, iso) in cases { #expect(try Self.durations(text) == [iso], "\(Self.shown(text))") }
        // Arabizi "3am" before a verb stays the progressive.
        #expect(try DateTimeRegionalTests.found("el may 3am ynazzel").isEmpty)
    }
}
