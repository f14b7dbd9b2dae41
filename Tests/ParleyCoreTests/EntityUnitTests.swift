import Testing
@testable import ParleyCore

/// Unit references as tenants write them in Zimbabwe, East Africa and the Levant.
@Suite struct EntityUnitTests {
    static func units(_ text: String, region: String = "KE") throws -> [String] {
        try EntityTests.extractor(region: region).extract(from: text).filter { $0.type == "unit" }.compactMap { $0.value["unit"]?.stringValue }
    }

    /// Cottages, bungalows and townhouses are numbered like flats.
    @Test func dwellingsNumberedLikeFlats() throws {
        #expect(try Self.units("the geyser in cottage 7 is leaking", region: "ZW") == ["7"])
        #expect(try Self.units("Cottage No. 3 has no power since morning", region: "ZW") == ["3"])
        #expect(try Self.units("townhouse 12 wants the gate fixed", region: "ZA") == ["12"])
    }

    /// A number word names a door's number after a dwelling or an occupant; not a phone number.
    @Test func numberAfterADwellingOrAnOccupant() throws {
        #expect(try Self.units("nyumba ya jirani namba 9 inavuja") == ["9"])
        #expect(try Self.units("jirani wa namba 11 ana kelele usiku") == ["11"])
        #expect(try Self.units("the tenant at number 4 has moved") == ["4"])
        #expect(try Self.units("the house, call me on number 0722 123 456").isEmpty)
        #expect(try Self.units("namba 6 hawana maji").isEmpty)  // no dwelling, no occupant
    }

    /// Arabic flats with Arabic-Indic digits, a proclitic or a possessive: the value in ASCII digits.
    @Test func arabicFlatsWithArabicIndicDigits() throws {
        #expect(try Self.units("الشقة ١٤ ما فيها مي", region: "LB") == ["14"])
        #expect(try Self.units("ساكن بالشقة ٢٣ من سنة", region: "LB") == ["23"])
        #expect(try Self.units("شقتي ٥ فيها تسريب", region: "LB") == ["5"])
    }
}
