import Testing
@testable import ParleyCore

/// Money as tenants write it around Africa and the Middle East: the payment word after the
/// amount, local currency marks and slang, amounts in words; and what must stay a number.
@Suite struct EntityMoneyTests {
    static func money(_ e: EntityExtractor, _ text: String) -> [JSONValue] {
        e.extract(from: text).filter { $0.type == "money" }.map(\.value)
    }

    static func describe(_ e: EntityExtractor, _ text: String) -> String {
        "\(text): \(e.extract(from: text).map { "\($0.type) '\($0.text)' \(JSONWriter.string($0.value))" })"
    }

    /// What the money is for, a judgement of the price or a payment word may come after the
    /// amount or anywhere in a message about money.
    @Test func contextAfterTheAmount() throws {
        let e = try EntityTests.extractor(region: "KE", currency: "KES")
        let cases: [(String, [Double])] = [
            ("they want to take it from 40,000 to 46,000, that is too much", [40_000, 46_000]),
            ("can you send me a receipt for the 120,000 I gave the caretaker", [120_000]),
            ("please put 3,000 towards the rent for March", [3_000]),
            ("I sent 2500 for the deposit", [2_500]),
            ("tumeweka 400.000 for deposit plus two months", [400_000]),
            ("12000 is too expensive for a bedsitter", [12_000]),
            ("the room is 18,500 a month", [18_500]),
            ("between 300 and 350 USD", [300, 350]),
        ]
        for (text, amounts) in cases {
            let found = Self.money(e, text).compactMap { $0["amount"]?.doubleValue }
            #expect(found == amounts, "\(Self.describe(e, text))")
        }
        #expect(Self.money(e, "between 300 and 350 USD").allSatisfy { $0["currency"] == "USD" })
        // A counter-offer beside a price; not a reference or a year.
        #expect(Self.money(e, "22000 is too expensive for me, maybe 19000?").compactMap { $0["amount"]?.doubleValue } == [22_000, 19_000])
        #expect(Self.money(e, "nimelipa 25,000 jana, reference ni 4471").count == 1)
        #expect(Self.money(e, "the rent was 25,000 or 2024 prices").count == 1)
        // Precision: phone groups, unit numbers, years, counts and references stay numbers.
        for text in ["rent paid, my line is 722 123 456", "we are 1,500 people in this estate and the rent went up",
                     "I moved in 2026 for the house", "the rent is due, receipt 40512 please", "rent for 3 months for deposit",
                     "thanks so much, see you at 1,000 Ngong road"] {
            #expect(Self.money(e, text).isEmpty, "\(Self.describe(e, text))")
        }
    }

    /// "N mille" is N thousand (West African French); "mille" alone is never an amount.
    @Test func frenchMille() throws {
        let e = try EntityTests.extractor(region: "CI", currency: "XOF")
        #expect(Self.money(e, "on s'est entendu sur 90 mille pour le studio") == [["amount": 90_000, "currency": "XOF"]])
        #expect(Self.money(e, "moi je prends pour 150 mille") == [["amount": 150_000, "currency": "XOF"]])
        #expect(Self.money(e, "le loyer fait 60 mille par mois") == [["amount": 60_000, "currency": "XOF", "period": "month"]])
        for text in ["mille mercis pour la réparation", "le loyer, mille fois je l'ai dit"] {
            #expect(!e.extract(from: text).contains { $0.type == "money" }, "\(Self.describe(e, text))")
        }
    }

    /// The kwacha's "K" where it is in use; Zambian "pin" for thousands; never a unit "K5".
    @Test func kwacha() throws {
        let zm = try EntityTests.extractor(region: "ZM")
        #expect(Self.money(zm, "rent for the flat is K5,200 monthly") == [["amount": 5_200, "currency": "ZMW", "period": "month"]])
        #expect(Self.money(zm, "I deposited K 2 750 this morning") == [["amount": 2_750, "currency": "ZMW"]])
        #expect(!zm.extract(from: "I paid K5,000 for the flat").contains { $0.type == "unit" })
        #expect(Self.money(zm, "bana I can only manage 6 pin for the rent") == [["amount": 6_000, "currency": "ZMW"]])
        for text in ["K5 is the block near the gate", "the 3 pin plug in the bedroom sparks", "what is the pin code 4471"] {
            #expect(Self.money(zm, text).isEmpty, "\(Self.describe(zm, text))")
        }
        // Elsewhere "K" and "pin" are no currency.
        let ke = try EntityTests.extractor(region: "KE")
        #expect(Self.money(ke, "K4,800 is the code on the gate").isEmpty)
        #expect(Self.money(ke, "I have 7 pin").isEmpty)
    }

    /// Swahili amounts in words without a payment word: a dwelling named or a judgement of the price.
    @Test func swahiliAmounts() throws {
        let e = try EntityTests.extractor(region: "TZ", currency: "TZS")
        #expect(Self.money(e, "mwenye nyumba anadai laki mbili") == [["amount": 200_000, "currency": "TZS"]])
        #expect(Self.money(e, "chumba ni elfu mia moja") == [["amount": 100_000, "currency": "TZS"]])
        #expect(Self.money(e, "laki tatu ni ghali sana") == [["amount": 300_000, "currency": "TZS"]])
        #expect(Self.money(e, "watu elfu kumi walikuja mkutanoni").isEmpty)
        #expect(Self.money(e, "mwaka elfu mbili ishirini na sita").isEmpty)
    }

    /// Currency words before the amount (Swahili "dola", "shilingi"), Congolese francs, Gulf
    /// riyals and dinars, Lebanese lira, Arabizi thousands and periods.
    @Test func currencyMarks() throws {
        let tz = try EntityTests.extractor(region: "TZ", currency: "TZS")
        #expect(Self.money(tz, "kodi yake ni dola 450 kwa mwezi") == [["amount": 450, "currency": "USD", "period": "month"]])
        #expect(Self.money(tz, "nitatoa dola mia tano") == [["amount": 500, "currency": "USD"]])
        #expect(Self.money(tz, "nilipe shilingi elfu nne") == [["amount": 4_000, "currency": "TZS"]])
        let cd = try EntityTests.extractor(region: "CD")
        #expect(Self.money(cd, "garantie 60.000 FC plus 100 dollars")
                == [["amount": 60_000, "currency": "CDF"], ["amount": 100, "currency": "USD"]])
        let sa = try EntityTests.extractor(region: "SA", currency: "SAR")
        #expect(Self.money(sa, "the flat is SR 41,000 yearly") == [["amount": 41_000, "currency": "SAR", "period": "year"]])
        #expect(Self.money(sa, "al ijar 60 alf sanawi") == [["amount": 60_000, "currency": "SAR", "period": "year"]])
        let lb = try EntityTests.extractor(region: "LB")
        #expect(Self.money(lb, "المولد 3 مليون ليرة بالشهر") == [["amount": 3_000_000, "currency": "LBP"]])
        #expect(Self.money(lb, "el ishtirak 900,000 LL") == [["amount": 900_000, "currency": "LBP"]])
        let kw = try EntityTests.extractor(region: "KW")
        #expect(Self.money(kw, "KD 275 per month") == [["amount": 275, "currency": "KWD", "period": "month"]])
    }
}
