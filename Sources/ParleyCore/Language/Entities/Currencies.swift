/// ISO 4217 codes and the symbols and words people write for them in chat messages.
enum Currencies {
    /// Active ISO 4217 alphabetic codes (and the few fund/metal codes the standard lists).
    static let isoCodes: Set<String> = [
        "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
        "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD",
        "CAD", "CDF", "CHE", "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUC", "CUP",
        "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP",
        "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HRK", "HTG", "HUF", "IDR",
        "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW",
        "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA",
        "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN", "NAD",
        "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG",
        "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE",
        "SLL", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP",
        "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS", "VED",
        "VES", "VND", "VUV", "WST", "XAF", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XCD", "XCG",
        "XDR", "XOF", "XPD", "XPF", "XPT", "XSU", "XTS", "XUA", "XXX", "YER", "ZAR", "ZMW", "ZWG",
        "ZWL",
    ]

    /// Codes that are also common English words (or are never money in a chat): never taken
    /// as a money marker in text, though still accepted as the configured currency.
    static let wordLikeCodes: Set<String> = [
        "ALL", "TOP", "CUP", "TRY", "GEL", "SOS", "MAD", "PEN", "BOB", "MOP", "BAM", "ERN", "AMD",
        "CHE", "CHW", "COU", "XXX", "XTS", "XAG", "XAU", "XPD", "XPT", "XBA", "XBB", "XBC", "XBD",
        "XSU", "XUA", "XDR", "BOV", "MXV", "UYI", "UYW", "USN", "CLF",
    ]

    /// Codes also recognised written in lower or mixed case ("usd", "Rwf").
    static let caseInsensitiveCodes: Set<String> = [
        "USD", "EUR", "GBP", "RWF", "KES", "UGX", "TZS", "NGN", "ZAR", "GHS", "INR", "AED", "CAD",
        "AUD", "XOF", "XAF", "ETB", "ZMW", "MWK", "BIF", "CDF", "EGP", "JPY", "CNY", "CHF", "SEK",
        "NOK", "DKK", "NZD", "SGD", "HKD", "PKR", "LKR", "NPR", "SAR", "QAR", "MYR", "IDR", "PHP",
        "THB", "BRL", "MXN", "SSP", "SDG", "MZN", "BWP", "NAD", "SZL", "LSL", "MUR", "SCR", "DJF",
        "GNF", "KMF", "MGA", "AOA", "LRD", "SLE", "GMD", "CVE", "STN", "TND",
    ]

    /// A currency a marker names: one code, or a family resolved by the configured currency
    /// or region ("francs" is RWF in Rwanda, XOF in Senegal, unknown elsewhere).
    enum Marker: Sendable, Equatable {
        case code(String)
        case family(Family)
    }

    enum Family: Sendable, Equatable {
        case dollar, franc, cfa, shilling, pound, rupee, kwacha, dirham, peso, yen, dinar, riyal
        /// "lira": Lebanon's and Syria's pound as they name it, and Turkey's lira.
        case lira
        /// The Arabic "genih" (جنيه): Egypt's and Sudan's pound, never a weight.
        case genih

        /// Currencies of the family, with the regions that use each.
        var members: [(code: String, regions: [String])] {
            switch self {
            case .dollar:
                return [("USD", ["US", "EC", "SV", "PA", "PR", "ZW", "TL", "FM", "MH", "PW"]), ("CAD", ["CA"]),
                        ("AUD", ["AU"]), ("NZD", ["NZ"]), ("SGD", ["SG"]), ("HKD", ["HK"]), ("LRD", ["LR"]),
                        ("NAD", ["NA"]), ("JMD", ["JM"]), ("TTD", ["TT"]), ("BSD", ["BS"]), ("BBD", ["BB"]),
                        ("BZD", ["BZ"]), ("FJD", ["FJ"]), ("GYD", ["GY"]), ("TWD", ["TW"]), ("XCD", ["AG", "DM", "GD", "KN", "LC", "VC"])]
            case .franc:
                return [("RWF", ["RW"]), ("BIF", ["BI"]), ("CDF", ["CD"]), ("CHF", ["CH", "LI"]), ("GNF", ["GN"]),
                        ("KMF", ["KM"]), ("DJF", ["DJ"]), ("XPF", ["PF", "NC", "WF"])]
                    + Family.cfa.members
            case .cfa:
                return [("XOF", ["SN", "CI", "BF", "ML", "NE", "TG", "BJ", "GW"]),
                        ("XAF", ["CM", "GA", "CG", "TD", "CF", "GQ"])]
            case .shilling:
                return [("KES", ["KE"]), ("UGX", ["UG"]), ("TZS", ["TZ"]), ("SOS", ["SO"])]
            case .pound:
                return [("GBP", ["GB", "IM", "JE", "GG"]), ("EGP", ["EG"]), ("SDG", ["SD"]), ("SSP", ["SS"]),
                        ("LBP", ["LB"]), ("SYP", ["SY"]), ("FKP", ["FK"]), ("GIP", ["GI"]), ("SHP", ["SH"])]
            case .genih:
                return [("EGP", ["EG"]), ("SDG", ["SD"]), ("SSP", ["SS"])]
            case .rupee:
                return [("INR", ["IN"]), ("PKR", ["PK"]), ("LKR", ["LK"]), ("NPR", ["NP"]), ("MUR", ["MU"]),
                        ("SCR", ["SC"])]
            case .kwacha:
                return [("ZMW", ["ZM"]), ("MWK", ["MW"])]
            case .dirham:
                return [("AED", ["AE"]), ("MAD", ["MA"])]
            case .dinar:
                return [("KWD", ["KW"]), ("BHD", ["BH"]), ("JOD", ["JO"]), ("IQD", ["IQ"]), ("LYD", ["LY"]),
                        ("TND", ["TN"]), ("DZD", ["DZ"]), ("RSD", ["RS"]), ("MKD", ["MK"])]
            case .riyal:
                return [("SAR", ["SA"]), ("QAR", ["QA"]), ("OMR", ["OM"]), ("YER", ["YE"]), ("IRR", ["IR"])]
            case .peso:
                return [("MXN", ["MX"]), ("ARS", ["AR"]), ("COP", ["CO"]), ("CLP", ["CL"]), ("PHP", ["PH"]),
                        ("DOP", ["DO"]), ("UYU", ["UY"]), ("CUP", ["CU"])]
            case .yen:
                return [("JPY", ["JP"]), ("CNY", ["CN"])]
            case .lira:
                return [("LBP", ["LB"]), ("SYP", ["SY"]), ("TRY", ["TR"])]
            }
        }

        /// The member taken when neither the configured currency nor the region picks one.
        var fallback: String? {
            switch self {
            case .dollar: return "USD"
            case .rupee: return "INR"
            case .dirham: return "AED"
            case .riyal: return "SAR"
            case .yen: return "JPY"
            case .genih: return "EGP"
            case .lira: return "TRY"
            default: return nil
            }
        }

        /// Whether a number followed by this word is money even when no currency resolves
        /// ("5 pounds" of flour is not).
        var isMoneyWhenUnresolved: Bool { self != .pound }
    }

    /// Symbols and mixed-case abbreviations, matched case-sensitively, longest first.
    /// `prefixOnly` markers are money only directly before an amount.
    static let markers: [(text: [Unicode.Scalar], marker: Marker, prefixOnly: Bool)] = {
        let table: [(String, Marker, Bool)] = [
            ("US$", .code("USD"), false), ("CA$", .code("CAD"), false), ("C$", .code("CAD"), true),
            ("AU$", .code("AUD"), false), ("A$", .code("AUD"), true), ("NZ$", .code("NZD"), false),
            ("HK$", .code("HKD"), false), ("S$", .code("SGD"), true), ("R$", .code("BRL"), false),
            ("GH₵", .code("GHS"), false), ("GH¢", .code("GHS"), false),
            ("KShs", .code("KES"), false), ("Kshs", .code("KES"), false), ("kshs", .code("KES"), false),
            ("KSh", .code("KES"), false), ("Ksh", .code("KES"), false), ("KSH", .code("KES"), false),
            ("ksh", .code("KES"), false),
            ("USh", .code("UGX"), false), ("Ush", .code("UGX"), false), ("USH", .code("UGX"), false),
            ("ush", .code("UGX"), false),
            ("TSh", .code("TZS"), false), ("Tsh", .code("TZS"), false), ("TSH", .code("TZS"), false),
            ("tsh", .code("TZS"), false),
            // Burundi's franc and the Tunisian dinar as their countries abbreviate them.
            ("FBu", .code("BIF"), false), ("Fbu", .code("BIF"), false), ("FBU", .code("BIF"), false),
            ("fbu", .code("BIF"), false), ("DT", .code("TND"), false), ("dt", .code("TND"), false),
            // East African receipts close a whole-shilling amount: "12,500/=", "800/-".
            ("/=", .family(.shilling), false), ("/-", .family(.shilling), false),
            // Congolese francs ("45.000 FC"), Gulf riyals and dinars ("SR 32,500", "QR 9,000",
            // "KD 350"), Lebanese pounds ("500,000 LL", "L.L.").
            ("FC", .code("CDF"), false), ("SR", .code("SAR"), false), ("QR", .code("QAR"), false),
            ("KD", .code("KWD"), false), ("LL", .code("LBP"), false), ("L.L.", .code("LBP"), false),
            ("L.L", .code("LBP"), false), ("ل.ل", .code("LBP"), false),
            // Shillings as Kenya, Uganda and Tanzania print them before an amount: "Sh 5,000", "Shs 20,000".
            ("Shs", .family(.shilling), true), ("Sh", .family(.shilling), true),
            ("Frw", .code("RWF"), false), ("FRW", .code("RWF"), false), ("frw", .code("RWF"), false),
            ("FCFA", .family(.cfa), false), ("fcfa", .family(.cfa), false), ("Fcfa", .family(.cfa), false),
            ("F CFA", .family(.cfa), false), ("F.CFA", .family(.cfa), false), ("CFA", .family(.cfa), false),
            ("Dhs", .family(.dirham), false), ("Rs", .family(.rupee), true), ("R", .code("ZAR"), true),
            // Zambia's and Malawi's kwacha: "K4,800", "K 3 500" (where the kwacha is in use, `MoneyScanner.prefix`).
            ("K", .family(.kwacha), true),
            // Malawi's own "MK 150,000", "MK150k"; Botswana's pula "P5,100", "P 450" (only where
            // the pula is in use: "P2" is a parking level elsewhere, `MoneyScanner.prefix`).
            ("MK", .code("MWK"), true), ("P", .code("BWP"), true),
            // Jordan's dinar ("350 JD", "JD 350"), Algeria's ("45 000 DA", "دج"), Madagascar's
            // ariary ("450 000 Ar"), as each country abbreviates it.
            ("JD", .code("JOD"), false), ("DA", .code("DZD"), false), ("دج", .code("DZD"), false),
            ("Ar", .code("MGA"), false),
            ("$", .family(.dollar), false), ("€", .code("EUR"), false), ("£", .code("GBP"), false),
            ("₦", .code("NGN"), false), ("₹", .code("INR"), false), ("¥", .family(.yen), false),
            ("₵", .code("GHS"), false), ("₩", .code("KRW"), false), ("₱", .code("PHP"), false),
            ("₺", .code("TRY"), false), ("₽", .code("RUB"), false), ("₴", .code("UAH"), false),
            ("₪", .code("ILS"), false), ("฿", .code("THB"), false), ("₫", .code("VND"), false),
            ("₲", .code("PYG"), false), ("₡", .code("CRC"), false), ("₸", .code("KZT"), false),
            ("₼", .code("AZN"), false), ("₾", .code("GEL"), false), ("₭", .code("LAK"), false),
            ("₮", .code("MNT"), false), ("৳", .code("BDT"), false),
        ]
        return table.map { (Array($0.0.unicodeScalars), $0.1, $0.2) }
            .sorted { $0.text.count > $1.text.count }
    }()

    /// Words after an amount ("50 dollars"), matched case-insensitively.
    static let words: [String: Marker] = [
        "dollar": .family(.dollar), "dollars": .family(.dollar), "bucks": .family(.dollar),
        "buck": .family(.dollar), "usd": .code("USD"),
        "euro": .code("EUR"), "euros": .code("EUR"), "quid": .code("GBP"),
        "pound": .family(.pound), "pounds": .family(.pound),
        "franc": .family(.franc), "francs": .family(.franc), "shilling": .family(.shilling),
        "shillings": .family(.shilling), "bob": .code("KES"), "naira": .code("NGN"),
        "cedi": .code("GHS"), "cedis": .code("GHS"), "rand": .code("ZAR"), "rupee": .family(.rupee),
        "rupees": .family(.rupee), "birr": .code("ETB"), "kwacha": .family(.kwacha),
        "dirham": .family(.dirham), "dirhams": .family(.dirham), "yen": .code("JPY"),
        "yuan": .code("CNY"), "rmb": .code("CNY"), "renminbi": .code("CNY"), "peso": .family(.peso),
        "pesos": .family(.peso), "rupiah": .code("IDR"), "ringgit": .code("MYR"), "baht": .code("THB"),
        "lira": .family(.lira), "liras": .family(.lira), "dalasi": .code("GMD"), "leone": .code("SLE"), "leones": .code("SLE"),
        "meticais": .code("MZN"), "pula": .code("BWP"), "ariari": .code("MGA"), "kwachas": .family(.kwacha), "kwanza": .code("AOA"), "ariary": .code("MGA"),
        "dinar": .family(.dinar), "dinars": .family(.dinar), "riyal": .family(.riyal), "riyals": .family(.riyal),
        "rial": .family(.riyal), "rials": .family(.riyal),
        // Moroccan and Emirati shorthand ("500 dh"), Swahili, Kinyarwanda.
        "dh": .family(.dirham), "dhs": .family(.dirham), "shilingi": .family(.shilling),
        "amafaranga": .family(.franc),
        // Arabic script.
        "درهم": .family(.dirham), "دراهم": .family(.dirham), "درهما": .family(.dirham),
        "دينار": .family(.dinar), "دنانير": .family(.dinar), "دينارا": .family(.dinar),
        "ريال": .family(.riyal), "ريالات": .family(.riyal), "ريالا": .family(.riyal),
        "جنيه": .family(.genih), "جنيها": .family(.genih), "جنيهات": .family(.genih),
        // Egyptian Arabizi.
        "geneh": .family(.genih), "gneh": .family(.genih), "genih": .family(.genih), "ginih": .family(.genih),
        "دولار": .family(.dollar), "دولارات": .family(.dollar), "دولارا": .family(.dollar),
        "يورو": .code("EUR"), "شلن": .family(.shilling),
        "ليرة": .family(.lira), "ليره": .family(.lira), "ليرات": .family(.lira), "الليرة": .family(.lira),
        "الليره": .family(.lira),
        // Swahili "dola" (dollars: "dola 600", "dola mia sita").
        "dola": .family(.dollar),
    ]

    /// Currency words written before the amount: Swahili "dola 600", "shilingi elfu tano",
    /// Kinyarwanda "amafaranga 5000", English "dollars 500".
    static let prefixWords: Set<String> = ["dola", "dollar", "dollars", "shilingi", "amafaranga"]

    /// Whether a dot before exactly three digits groups thousands ("400.000" FCFA, "3.500 dh"):
    /// where amounts carry no cents in practice and writers follow French grouping.
    static func dotGroupsThousands(currency: String?, region: String) -> Bool {
        if let currency { return dotGroupCurrencies.contains(currency) }
        return dotGroupRegions.contains(region)
    }

    private static let dotGroupCurrencies: Set<String> = ["XOF", "XAF", "RWF", "BIF", "GNF", "KMF", "DJF", "CDF", "MAD", "MGA"]
    private static let dotGroupRegions: Set<String> = [
        "SN", "CI", "BF", "ML", "NE", "TG", "BJ", "GW", "CM", "GA", "CG", "TD", "CF", "GQ", "RW", "BI", "GN", "KM",
        "DJ", "CD", "MA", "MG",
    ]

    /// The code a marker names for this configuration, nil when it stays ambiguous.
    static func resolve(_ marker: Marker, currency: String?, region: String) -> String? {
        switch marker {
        case .code(let code): return code
        case .family(let family):
            let members = family.members
            if let currency, members.contains(where: { $0.code == currency }) { return currency }
            if let member = members.first(where: { $0.regions.contains(region) }) { return member.code }
            return family.fallback
        }
    }

    // MARK: fast tables for the scanner (built once from the tables above)

    /// Bitmaps over the 26³ three-letter codes: ISO codes taken as markers in upper case,
    /// and those also taken in lower or mixed case.
    static let codeBits: (upper: [UInt64], anyCase: [UInt64]) = {
        var upper = [UInt64](repeating: 0, count: 275)
        var anyCase = [UInt64](repeating: 0, count: 275)
        for code in isoCodes where !wordLikeCodes.contains(code) {
            guard let i = packed(Array(code.utf8)) else { continue }
            upper[i >> 6] |= 1 << UInt64(i & 63)
            if caseInsensitiveCodes.contains(code) { anyCase[i >> 6] |= 1 << UInt64(i & 63) }
        }
        return (upper, anyCase)
    }()

    /// The index of three upper-case ASCII letters in 26³, nil for anything else.
    @inline(__always) static func packed(_ bytes: [UInt8]) -> Int? {
        guard bytes.count == 3 else { return nil }
        var i = 0
        for b in bytes {
            guard b >= 0x41 && b <= 0x5A else { return nil }
            i = i * 26 + Int(b - 0x41)
        }
        return i
    }

    /// `markers` grouped by their first scalar.
    static let markersByFirst: [UInt32: [(text: [Unicode.Scalar], marker: Marker, prefixOnly: Bool)]] = {
        var table: [UInt32: [(text: [Unicode.Scalar], marker: Marker, prefixOnly: Bool)]] = [:]
        for entry in markers { table[entry.text[0].value, default: []].append(entry) }
        return table
    }()

    /// ASCII scalars that open a marker ("K" of "KSh", "$"): a cheap first test.
    static let asciiMarkerFirsts: [Bool] = {
        var firsts = [Bool](repeating: false, count: 128)
        for entry in markers where entry.text[0].value < 128 { firsts[Int(entry.text[0].value)] = true }
        return firsts
    }()

    /// `prefixWords` by the folded hash `ScalarText` gives tokens.
    static let prefixWordsByHash: [UInt64: Marker] = {
        var table: [UInt64: Marker] = [:]
        for word in prefixWords { if let marker = words[word] { table[Fold.hash(word)] = marker } }
        return table
    }()

    /// `words` by the folded hash `ScalarText` gives tokens.
    static let wordsByHash: [UInt64: Marker] = {
        var table: [UInt64: Marker] = [:]
        for (word, marker) in words { table[Fold.hash(word)] = marker }
        return table
    }()
}
