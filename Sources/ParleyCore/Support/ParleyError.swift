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

    /// Phone numbers and email addresses in `message` are masked (`LogMask`): error texts reach
    /// logs, and a tenant's number in a log is a leak.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = LogMask.mask(message)
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
        throw ParleyError(kind, error.message)
    }
}

extension ParleyError.Kind {
    /// A failure of the moment (the store busy, away or slow), not of the input: the same
    /// call may succeed later.
    public var isTransient: Bool { self == .busy || self == .storage || self == .timeout }
}
