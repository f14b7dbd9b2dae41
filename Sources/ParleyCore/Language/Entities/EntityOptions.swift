/// How the entity extractor reads a message: the region numbers without a country code are
/// read for (ISO 3166 alpha-2), the currency money without a code falls back to, and the
/// host's lookup lists (properties, neighbourhoods, tenants, staff…).
public struct EntityOptions: Sendable, Equatable {
    /// Region for national phone numbers and for ambiguous currency words ("francs").
    public var region: String = "US"
    /// National phone numbers are read in the sender's own country first (from the calling
    /// code of their WhatsApp number), then in `region`.
    public var phoneRegionFromSender = true
    /// ISO 4217 code used when the text marks money ("50,000 francs") without naming a code.
    public var currency: String? = nil
    /// Lists loaded into the extractor's gazetteer at creation (each replaces its kind).
    public var lookups: [(kind: String, entries: [LookupEntry])] = []

    public init() {}

    public static func == (lhs: EntityOptions, rhs: EntityOptions) -> Bool {
        guard lhs.region == rhs.region, lhs.phoneRegionFromSender == rhs.phoneRegionFromSender, lhs.currency == rhs.currency,
              lhs.lookups.count == rhs.lookups.count else { return false }
        for (a, b) in zip(lhs.lookups, rhs.lookups) where a.kind != b.kind || a.entries != b.entries { return false }
        return true
    }
}
