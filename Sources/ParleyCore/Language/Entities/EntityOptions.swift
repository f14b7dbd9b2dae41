/// How the entity extractor reads a message: the region numbers without a country code are
/// read for (ISO 3166 alpha-2), and the currency money without a code falls back to.
public struct EntityOptions: Sendable, Equatable {
    /// Region for national phone numbers and for ambiguous currency words ("francs").
    public var region: String = "US"
    /// ISO 4217 code used when the text marks money ("50,000 francs") without naming a code.
    public var currency: String? = nil

    public init() {}
}
