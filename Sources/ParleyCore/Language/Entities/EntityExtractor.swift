import CPhoneNumbers

/// The pattern layer of entities: phone numbers (libphonenumber), e-mail addresses, URLs,
/// money and plain numbers. A value type with no mutable state, so one instance serves every
/// thread at once.
public struct EntityExtractor: Sendable {
    public let options: EntityOptions

    public init(options: EntityOptions) throws(ParleyError) {
        let region = options.region
        let letters = region.unicodeScalars.allSatisfy { $0.value >= 65 && $0.value <= 90 }
        guard region.unicodeScalars.count == 2, letters, PhoneScanner.isSupported(region: region) else {
            throw ParleyError(.invalidConfig, "\"region\": unknown region \"\(region)\" (expected an ISO 3166 alpha-2 code such as \"RW\")")
        }
        if let currency = options.currency, !Currencies.isoCodes.contains(currency) {
            throw ParleyError(.invalidConfig, "\"currency\": unknown ISO 4217 code \"\(currency)\"")
        }
        self.options = options
    }

    /// Every entity of the text, in text order, without overlaps.
    public func extract(from text: String) -> [Entity] {
        let view = ScalarText(text)
        if view.scalars.isEmpty { return [] }
        var candidates: [Candidate] = []
        if view.atSigns > 0 { EmailScanner.scan(view, into: &candidates) }
        if view.dots > 0 || view.colons > 0 { URLScanner.scan(view, into: &candidates) }
        if view.digits > 0 || view.fractions > 0 {
            MoneyScanner.scan(view, currency: options.currency, region: options.region, into: &candidates)
            if view.digits >= PhoneScanner.minimumDigits {
                PhoneScanner.scan(view, region: options.region, into: &candidates)
            }
            NumberScanner.scan(view, into: &candidates)
        }
        return Self.resolve(candidates, in: view)
    }

    /// Keeps the best of overlapping candidates: by type priority, then length, then position.
    static func resolve(_ candidates: [Candidate], in view: ScalarText) -> [Entity] {
        if candidates.isEmpty { return [] }
        let ranked = candidates.sorted {
            if $0.kind != $1.kind { return $0.kind.rawValue < $1.kind.rawValue }
            if $0.end - $0.start != $1.end - $1.start { return $0.end - $0.start > $1.end - $1.start }
            return $0.start < $1.start
        }
        var kept: [Candidate] = []
        for candidate in ranked where !kept.contains(where: { $0.start < candidate.end && candidate.start < $0.end }) {
            kept.append(candidate)
        }
        kept.sort { $0.start < $1.start }
        return kept.map {
            Entity(type: $0.kind.name, text: view.string($0.start, $0.end), start: $0.start, end: $0.end,
                   value: $0.value, confidence: $0.confidence, source: .pattern)
        }
    }
}

/// One possible entity before overlaps are resolved.
struct Candidate: Sendable {
    /// Entity types; the raw value is the priority when spans overlap (lower wins).
    enum Kind: Int, Sendable {
        case email, url, money, phone, number

        var name: String {
            switch self {
            case .email: return "email"
            case .url: return "url"
            case .money: return "money"
            case .phone: return "phone"
            case .number: return "number"
            }
        }
    }

    var kind: Kind
    var start: Int
    var end: Int
    var value: JSONValue
    var confidence: Double
}

/// A message's text as Unicode scalars (offsets are scalar indices), with a few counts that
/// let the extractor skip scanners that cannot match.
struct ScalarText {
    let scalars: [Unicode.Scalar]
    private(set) var digits = 0
    private(set) var atSigns = 0
    private(set) var dots = 0
    private(set) var colons = 0
    /// Vulgar fractions ("½", "⅔"), which are numbers without digits.
    private(set) var fractions = 0

    init(_ text: String) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39: digits += 1
            case 0x40: atSigns += 1
            case 0x2E: dots += 1
            case 0x3A: colons += 1
            case 0xBC...0xBE, 0x2150...0x215E: fractions += 1
            default: break
            }
            scalars.append(scalar)
        }
        self.scalars = scalars
    }

    var count: Int { scalars.count }

    subscript(index: Int) -> Unicode.Scalar? {
        index >= 0 && index < scalars.count ? scalars[index] : nil
    }

    /// The ASCII byte at `index`, 0 outside the text or for a non-ASCII scalar.
    @inline(__always) func ascii(_ index: Int) -> UInt8 {
        guard index >= 0 && index < scalars.count else { return 0 }
        let value = scalars[index].value
        return value < 0x80 ? UInt8(value) : 0
    }

    @inline(__always) func isDigit(_ index: Int) -> Bool {
        let c = ascii(index)
        return c >= 0x30 && c <= 0x39
    }

    /// A letter of any script (or a combining mark, which continues a word).
    @inline(__always) func isLetter(_ index: Int) -> Bool {
        guard index >= 0 && index < scalars.count else { return false }
        return Self.isLetter(scalars[index])
    }

    @inline(__always) static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        if v == 0xAA || v == 0xBA { return true }
        if v < 0xC0 { return false }
        return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
    }

    /// A letter or digit (of any script): the two things that glue onto a token.
    @inline(__always) func isAlphanumeric(_ index: Int) -> Bool {
        guard index >= 0 && index < scalars.count else { return false }
        let scalar = scalars[index]
        if scalar.value < 0x80 {
            let c = UInt8(scalar.value)
            return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A)
        }
        return Self.isLetter(scalar) || scalar.properties.numericType != nil
    }

    /// Whether the text at `index` is `literal`, compared exactly.
    func matches(_ literal: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= 0, index + literal.count <= scalars.count else { return false }
        for (offset, scalar) in literal.enumerated() where scalars[index + offset] != scalar { return false }
        return true
    }

    /// Lower-cased ASCII letters from `start` while they are ASCII letters, up to `limit`.
    func asciiWord(at start: Int, limit: Int = 12) -> String {
        var bytes: [UInt8] = []
        var i = start
        while i < scalars.count, bytes.count < limit {
            let c = ascii(i)
            guard (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A else { break }
            bytes.append(c | 0x20)
            i += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func string(_ start: Int, _ end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }
}
