import ParleyCore

/// The numeric codes of `parley_status` in include/parley.h; keep the two in step.
enum Status: Int32, CaseIterable {
    case ok = 0
    case invalidArgument = 1
    case malformedJSON = 2
    case invalidUTF8 = 3
    case invalidMessage = 4
    case tooLarge = 5
    case unsupported = 6
    case badSignature = 7
    case invalidConfig = 8
    case busy = 9
    case storage = 10
    case corrupt = 11
    case timeout = 12
    case `internal` = 13
    case notFound = 14
    case badMedia = 15

    init(_ kind: ParleyError.Kind) {
        switch kind {
        case .invalidArgument: self = .invalidArgument
        case .malformedJSON: self = .malformedJSON
        case .invalidUTF8: self = .invalidUTF8
        case .invalidMessage: self = .invalidMessage
        case .tooLarge: self = .tooLarge
        case .unsupported: self = .unsupported
        case .badSignature: self = .badSignature
        case .invalidConfig: self = .invalidConfig
        case .busy: self = .busy
        case .storage: self = .storage
        case .corrupt: self = .corrupt
        case .timeout: self = .timeout
        case .internal: self = .internal
        case .notFound: self = .notFound
        case .badMedia: self = .badMedia
        }
    }

    /// Static, NUL-terminated names, so `parley_status_name` needs no allocation.
    var name: StaticString {
        switch self {
        case .ok: return "PARLEY_OK"
        case .invalidArgument: return "PARLEY_INVALID_ARGUMENT"
        case .malformedJSON: return "PARLEY_MALFORMED_JSON"
        case .invalidUTF8: return "PARLEY_INVALID_UTF8"
        case .invalidMessage: return "PARLEY_INVALID_MESSAGE"
        case .tooLarge: return "PARLEY_TOO_LARGE"
        case .unsupported: return "PARLEY_UNSUPPORTED"
        case .badSignature: return "PARLEY_BAD_SIGNATURE"
        case .invalidConfig: return "PARLEY_INVALID_CONFIG"
        case .busy: return "PARLEY_BUSY"
        case .storage: return "PARLEY_STORAGE"
        case .corrupt: return "PARLEY_CORRUPT"
        case .timeout: return "PARLEY_TIMEOUT"
        case .internal: return "PARLEY_INTERNAL"
        case .notFound: return "PARLEY_NOT_FOUND"
        case .badMedia: return "PARLEY_BAD_MEDIA"
        }
    }
}
