/// Every failure the engine reports. `Kind` is one class per way a host may want to react;
/// the C layer maps each kind to one `parley_status` code.
public struct ParleyError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        case invalidArgument
        case malformedJSON
        case invalidUTF8
        case invalidMessage
        case tooLarge
        case unsupported
        case badSignature
        case invalidConfig
        case busy
        case storage
        case corrupt
        case timeout
        case `internal`
        case notFound
        case badMedia
    }

    public let kind: Kind
    public let message: String

    /// Phone numbers and email addresses in what `message` interpolates are masked
    /// (`MaskedText`): error texts reach logs, and a tenant's number in a log is a leak.
    public init(_ kind: Kind, _ message: MaskedText) {
        self.kind = kind
        self.message = message.text
    }

    public var description: String { "\(kind.statusName): \(message)" }
}

extension ParleyError.Kind {
    /// The name of the `parley_status` this kind maps to, for errors reported inside JSON.
    public var statusName: String {
        var name = "PARLEY_"
        var previousWasLower = false
        for character in rawValue {
            if character.isUppercase && previousWasLower { name.append("_") }
            previousWasLower = character.isLowercase || character.isNumber
            name.append(character.uppercased())
        }
        return name
    }
}

/// Runs `body`, reporting its failure as `kind`: a message reader's `.invalidMessage`
/// becomes the `.invalidArgument` of a query.
func reporting<T>(as kind: ParleyError.Kind, _ body: () throws(ParleyError) -> T) throws(ParleyError) -> T {
    do {
        return try body()
    } catch {
        throw ParleyError(kind, "\(error)")
    }
}

extension ParleyError.Kind {
    /// A failure of the moment (the store busy, away or slow), not of the input: the same
    /// call may succeed later.
    public var isTransient: Bool { self == .busy || self == .storage || self == .timeout }
}

/// The text of an error or a log line as Parley builds it. Its own words and figures stay as
/// written ("… <= 60000000", "got 99999999999999"): integers and floating-point values are
/// quantities (Parley's limits and sizes, or what it read as a number). Every other
/// interpolated value (an id, a chat, a type, a path, a library's message) may carry a
/// tenant's data and is masked on its own (`LogMask`); an interpolated `ParleyError` brings
/// its message, masked when it was built.
public struct MaskedText: ExpressibleByStringInterpolation, Sendable {
    public let text: String

    public init(stringLiteral value: String) { text = value }
    public init(stringInterpolation: StringInterpolation) { text = stringInterpolation.text }
    /// Text from elsewhere (a library's message), masked whole.
    public init(masking text: String) { self.text = LogMask.mask(text) }
    /// Text masked already (a `ParleyError`'s message, reworded).
    public init(masked text: String) { self.text = text }

    /// Joins the parts of a long message.
    public static func + (lhs: MaskedText, rhs: MaskedText) -> MaskedText { MaskedText(masked: lhs.text + rhs.text) }

    public struct StringInterpolation: StringInterpolationProtocol {
        var text = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + 16 * interpolationCount)
        }
        public mutating func appendLiteral(_ literal: String) { text += literal }
        public mutating func appendInterpolation(_ number: some BinaryInteger) { text += String(number) }
        public mutating func appendInterpolation(_ number: some BinaryFloatingPoint) { text += String(describing: number) }
        public mutating func appendInterpolation(_ error: ParleyError) { text += error.message }
        public mutating func appendInterpolation(_ value: String) { text += LogMask.mask(value) }
        public mutating func appendInterpolation(_ value: some Any) { text += LogMask.mask(String(describing: value)) }
    }
}
