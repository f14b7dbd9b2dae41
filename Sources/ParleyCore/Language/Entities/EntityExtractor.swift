/// Finds the entities of a message in three layers, then resolves overlaps once
/// (`EntityResolver`):
/// - pattern: phone numbers (libphonenumber), e-mail addresses, URLs, money, numbers in
///   digits and words, percentages, ordinals, areas, bedrooms, unit references;
/// - lookup: the host's lists in the `gazetteer` (properties, tenants…), typo-tolerant;
/// - statistical: person names after cues or matching tenant/staff names, street addresses
///   (a configured property's name wins over an address's shape).
/// Holds no mutable state of its own (the gazetteer swaps immutable snapshots), so one
/// instance serves every thread at once.
public struct EntityExtractor: Sendable {
    public let options: EntityOptions
    public let gazetteer: Gazetteer

    /// `options.lookups` are loaded into `gazetteer` (a new one unless given), each list
    /// replacing its kind.
    public init(options: EntityOptions, gazetteer: Gazetteer = Gazetteer()) throws(ParleyError) {
        let region = options.region
        let letters = region.unicodeScalars.allSatisfy { $0.value >= 65 && $0.value <= 90 }
        guard region.unicodeScalars.count == 2, letters, PhoneScanner.isSupported(region: region) else {
            throw ParleyError(.invalidConfig, "\"region\": unknown region \"\(region)\" (expected an ISO 3166 alpha-2 code such as \"RW\")")
        }
        if let currency = options.currency, !Currencies.isoCodes.contains(currency) {
            throw ParleyError(.invalidConfig, "\"currency\": unknown ISO 4217 code \"\(currency)\"")
        }
        for list in options.lookups {
            guard !list.kind.isEmpty else { throw ParleyError(.invalidConfig, "\"lookups\": a list kind is empty") }
            for (n, entry) in list.entries.enumerated() where GazetteerIndex.wordCount(entry.name) == 0 {
                throw ParleyError(.invalidConfig, "lookups.\(list.kind)[\(n)].name has no letter or digit")
            }
        }
        self.options = options
        self.gazetteer = gazetteer
        for list in options.lookups { gazetteer.replace(kind: list.kind, entries: list.entries) }
    }

    /// Every entity of the text, in text order, without overlaps. `statistical` false skips
    /// the statistical layer (person names, street addresses): shed under overload.
    /// `sender`: who wrote it (a WhatsApp id or number); with `options.phoneRegionFromSender`,
    /// national phone numbers are read in the sender's country first ("0722 123 456" from a
    /// +254 number is Kenyan), then in the configured region.
    public func extract(from text: String, statistical: Bool = true, sender: String? = nil) -> [Entity] {
        let view = ScalarText(text)
        if view.scalars.isEmpty { return [] }
        return EntityResolver.resolve(candidates(view, statistical: statistical, sender: sender), in: view)
    }

    /// Every candidate of every layer, overlapping, before resolution: for a module that adds
    /// its own (datetime, duration) and then calls `EntityResolver.resolve` on the union.
    public func candidates(in text: String) -> [Entity] {
        let view = ScalarText(text)
        if view.scalars.isEmpty { return [] }
        return candidates(view).map {
            Entity(type: $0.type, text: view.string($0.start, $0.end), start: $0.start, end: $0.end,
                   value: $0.value, confidence: $0.confidence, source: $0.source)
        }
    }

    /// The candidates of every layer, before overlaps are resolved. Each scanner runs only
    /// when the message holds what it starts from (digits, "@", a keyword tag).
    func candidates(_ view: ScalarText, statistical: Bool = true, sender: String? = nil) -> [Candidate] {
        var candidates: [Candidate] = []
        if view.atSigns > 0 { EmailScanner.scan(view, into: &candidates) }
        if view.dots > 0 || view.colons > 0 { URLScanner.scan(view, into: &candidates) }
        var quantities: [Quantity] = []
        if view.digits > 0 || view.fractions > 0 {
            NumberScanner.scan(view, dotThousands: Currencies.dotGroupsThousands(currency: options.currency, region: options.region),
                               into: &candidates, quantities: &quantities)
        }
        if view.has(Lexicon.numberMask) {
            let words = NumberWordScanner.scan(view, into: &candidates)
            if !words.isEmpty {
                for w in words {
                    quantities.append(Quantity(start: w.start, end: w.end, value: NumberWordScanner.number(w.value),
                                               glued: false, words: true))
                }
                quantities.sort { $0.start < $1.start }
            }
        }
        if view.has(Lexicon.frenchNumberMask) {
            FrenchNumberWordScanner.scan(view, into: &candidates, quantities: &quantities)
        }
        if (view.digits > 0 && !quantities.isEmpty) || view.has(Lexicon.scaleFirstMask) {
            PrefixScaleScanner.scan(view, quantities: &quantities, into: &candidates)
        }
        let firstMoney = candidates.count
        if view.digits > 0 || !quantities.isEmpty {
            MoneyScanner.scan(view, quantities: quantities, currency: options.currency, region: options.region, into: &candidates)
            if PinScanner.applies(currency: options.currency, region: options.region) {
                PinScanner.scan(view, quantities: quantities, into: &candidates)
            }
            if AlgerianAmountScanner.applies(currency: options.currency, region: options.region) {
                AlgerianAmountScanner.scan(view, quantities: quantities, into: &candidates)
            }
        }
        // Thousands may be money with no payment word ("420k??", "ممكن 6000؟"): the scanner decides.
        if !quantities.isEmpty && (view.has(Lexicon.amountCueMask) || quantities.contains { $0.double >= 1_000 }) {
            BareAmountScanner.scan(view, quantities: quantities, currency: options.currency, region: options.region, into: &candidates,
                                   marked: firstMoney)
        }
        if candidates.count > firstMoney {
            BareAmountScanner.completeRanges(view, quantities: quantities, in: &candidates, from: firstMoney)
            BareAmountScanner.counterOffers(view, quantities: quantities, in: &candidates, from: firstMoney)
            BareAmountScanner.markBounds(view, in: &candidates, from: firstMoney)
        }
        if !quantities.isEmpty {
            // "2BR", "120m2", "3rd": glued suffixes are not tokens of their own.
            let glued = quantities.contains { $0.glued }
            if view.percents > 0 || view.has(Lexicon.percentMask) {
                PercentageScanner.scan(view, quantities: quantities, into: &candidates)
            }
            if glued || view.has(Lexicon.areaMask) { AreaScanner.scan(view, quantities: quantities, into: &candidates) }
            if glued || view.has(Lexicon.bedroomMask) { BedroomScanner.scan(view, quantities: quantities, into: &candidates) }
            if glued { OrdinalScanner.scan(view, quantities: quantities, into: &candidates) }
        } else if view.has(Lexicon.bedroomMask) {
            BedroomScanner.scan(view, quantities: [], into: &candidates)
        }
        if view.digits >= PhoneScanner.minimumDigits {
            let own = options.phoneRegionFromSender ? sender.flatMap(PhoneScanner.region(ofSender:)) : nil
            // A region named by a calling code is one libphonenumber supports.
            if let own, own != options.region {
                PhoneScanner.scan(view, region: own, fallback: options.region, into: &candidates)
            } else {
                PhoneScanner.scan(view, region: options.region, into: &candidates)
            }
        }
        if view.has(Lexicon.unitMask) {
            UnitScanner.scan(view, into: &candidates)
            BedroomScanner.scanRoomAndParlour(view, into: &candidates)
            if view.digits > 0 {
                BareUnitScanner.scan(view, into: &candidates)
                BedroomScanner.scanRoomCodes(view, into: &candidates)
            }
        } else if view.digits > 0 {
            // "jirani wa namba 6": an occupant names a door's number.
            if view.has(Lexicon.numberWordMask) { UnitScanner.scan(view, into: &candidates) }
            BareUnitScanner.scan(view, premises: view.has(Lexicon.premisesMask), into: &candidates)
            // "un F3"; "F4" where a home is sought or named in words the unit keywords lack ("maison F4", "bghit F3").
            let sought = view.tokens.indices.contains { BedroomScanner.isRoomCode(view, $0) }
                && view.tokens.contains { BedroomScanner.roomCodeCues.contains($0.hash) }
            BedroomScanner.scanRoomCodes(view, afterDeterminerOnly: !sought, into: &candidates)
        }
        let index = gazetteer.current
        let names = candidates.count
        index.match(view, into: &candidates)
        // A configured property's name wins over the address shapes, and a number before it is its unit.
        let properties = candidates[names...].filter { $0.type == PropertyUnitScanner.kind }
        if !properties.isEmpty && view.digits > 0 { PropertyUnitScanner.scan(view, properties: properties, into: &candidates) }
        if statistical && view.has(Lexicon.addressMask) {
            AddressScanner.scan(view, properties: properties[...], into: &candidates)
        }
        if statistical && (view.has(Lexicon.personMask) || index.hasPersonWords) {
            PersonScanner.scan(view, gazetteer: index, into: &candidates)
        }
        return candidates
    }
}
