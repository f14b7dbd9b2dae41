import Testing
@testable import ParleyCore

/// A configured "region" implies the currency of bare amounts and, where the region has one
/// zone, the time zone dates resolve in (Engine/RegionDefaults.swift).
@Suite struct RegionDefaultsTests {
    /// Wednesday 2025-11-26 12:00 UTC (15:00 in Nairobi).
    static let noon: Int64 = 1_764_158_400

    func context(config: String, text: String) throws -> JSONValue {
        let engine = try Engine(configuration: Configuration(json: config))
        defer { engine.close() }
        let message = #"{"id":"r1","chat":"c@c.us","from":"c@c.us","timestamp":\#(Self.noon),"type":"text","text":\#(JSONWriter.string(.string(text)))}"#
        var json = message
        return try json.withUTF8 { bytes in
            Result { () throws(ParleyError) in try engine.process(json: UnsafeRawBufferPointer(bytes)) }
        }.get()
    }

    func entity(_ type: String, in context: JSONValue) -> JSONValue? {
        context["entities"]?.arrayValue?.first { $0["type"]?.stringValue == type }
    }

    @Test func aRegionGivesBareAmountsItsCurrency() throws {
        let kenya = try context(config: #"{"region": "KE"}"#, text: "I paid 50k for the rent")
        #expect(entity("money", in: kenya)?[path: "value", "currency"] == "KES")
        #expect(entity("money", in: kenya)?[path: "value", "amount"] == 50000)
        // Rents in Lebanon and Zimbabwe are quoted in dollars.
        let lebanon = try context(config: #"{"region": "lb"}"#, text: "I paid 500 for the rent")
        #expect(entity("money", in: lebanon)?[path: "value", "currency"] == "USD")
    }

    @Test func aConfiguredCurrencyWinsAndNoRegionMeansNone() throws {
        let dollars = try context(config: #"{"region": "KE", "currency": "USD"}"#, text: "I paid 500 for the rent")
        #expect(entity("money", in: dollars)?[path: "value", "currency"] == "USD")
        let unset = try context(config: "{}", text: "I paid 50k for the rent")
        #expect(entity("money", in: unset)?[path: "value", "amount"] == 50000)
        #expect(entity("money", in: unset)?[path: "value", "currency"] == nil)
    }

    @Test func aSingleZoneRegionResolvesDatesInItsZone() throws {
        let nairobi = try context(config: #"{"region": "KE"}"#, text: "can I come tomorrow at 5pm?")
        #expect(entity("datetime", in: nairobi)?[path: "value", "iso"] == "2025-11-27T17:00:00+03:00")
        // A zone given wins over the region's.
        let utc = try context(config: #"{"region": "KE", "timeZone": "UTC"}"#, text: "can I come tomorrow at 5pm?")
        #expect(entity("datetime", in: utc)?[path: "value", "iso"] == "2025-11-27T17:00:00+00:00")
    }

    @Test func aRegionWithSeveralZonesImpliesNone() throws {
        #expect(RegionDefaults.timeZone(of: "US") == nil)
        #expect(RegionDefaults.timeZone(of: "CD") == nil)
        #expect(RegionDefaults.timeZone(of: "RW") == "Africa/Kigali")
        #expect(RegionDefaults.timeZone(of: "R") == nil)
        let unitedStates = try context(config: #"{"region": "US"}"#, text: "can I come tomorrow at 5pm?")
        #expect(entity("datetime", in: unitedStates)?[path: "value", "iso"] == "2025-11-27T17:00:00+00:00")
    }

    @Test func everyTabledCurrencyIsAnISOCode() {
        for (region, code) in RegionDefaults.currencies {
            #expect(Currencies.isoCodes.contains(code), "\(region) → \(code)")
            #expect(region.utf8.count == 2 && region.uppercased() == region, "\(region)")
        }
    }
}
