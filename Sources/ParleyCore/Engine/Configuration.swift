/// The engine's settings, read from the configuration JSON documented in include/parley.h.
/// Unknown keys are refused: a typo in a host's config should fail loudly, not be ignored.
public struct Configuration: Sendable, Equatable {
    /// nil keeps the store in memory.
    public var storePath: String?
    public var synchronous: Store.Synchronous = .normal
    /// How long a write waits for another process's lock on the store before PARLEY_BUSY.
    public var busyTimeoutMillis = 5_000
    public var entities = EntityOptions()
    public var webhookAppSecret: String?
    public var maxMessageBytes = 1 << 20
    public var threads = ThreadOptions()
    public var dates = DateTimeOptions()
    /// nil: the built-in property-management model.
    public var intentModelPath: String?
    public var intentThreshold = 0.75
    public var sentiment = SentimentOptions()

    public init() {}

    public init(json text: String?) throws(ParleyError) {
        guard let text, !text.allSatisfy(\.isWhitespace) else {
            self.init()
            return
        }
        let value = try JSONParser.parse(text)
        guard case .object(let root) = value else {
            throw ParleyError(.invalidConfig, "the configuration must be a JSON object, got \(value.typeName)")
        }
        try self.init(object: root)
    }

    public init(object root: JSONObject) throws(ParleyError) {
        self.init()
        var reader = Reader(object: root, path: "")
        if let store = try reader.object("store") {
            var storeReader = Reader(object: store, path: "store.")
            storePath = try storeReader.string("path")
            if let mode = try storeReader.string("synchronous") {
                guard let parsed = Store.Synchronous(rawValue: mode) else {
                    throw ParleyError(.invalidConfig, "store.synchronous must be \"normal\" or \"full\", got \"\(mode)\"")
                }
                synchronous = parsed
            }
            if let millis = try storeReader.int("busyTimeoutMillis") {
                guard millis >= 0 && millis <= 600_000 else {
                    throw ParleyError(.invalidConfig, "store.busyTimeoutMillis must be between 0 and 600000 (10 minutes)")
                }
                busyTimeoutMillis = Int(millis)
            }
            try storeReader.finish()
        }
        if let region = try reader.string("region") { entities.region = region.uppercased() }
        // Numeric dates read month first only where people write them so.
        dates.dayFirst = !Self.monthFirstRegions.contains(entities.region)
        if let zone = try reader.string("timeZone") { dates.timeZone = zone }
        if let dayFirst = try reader.bool("dayFirst") { dates.dayFirst = dayFirst }
        if let language = try reader.object("language") {
            var languageReader = Reader(object: language, path: "language.")
            intentModelPath = try languageReader.string("intentModel")
            if let threshold = try languageReader.double("intentThreshold") {
                guard (0...1).contains(threshold) else {
                    throw ParleyError(.invalidConfig, "language.intentThreshold must be between 0 and 1, got \(threshold)")
                }
                intentThreshold = threshold
            }
            if let weight = try languageReader.double("emojiWeight") { sentiment.emojiWeight = weight }
            try languageReader.finish()
        }
        if let currency = try reader.string("currency") { entities.currency = currency.uppercased() }
        if let webhook = try reader.object("webhook") {
            var webhookReader = Reader(object: webhook, path: "webhook.")
            webhookAppSecret = try webhookReader.string("appSecret")
            try webhookReader.finish()
        }
        if let threadsObject = try reader.object("threads") {
            var threadsReader = Reader(object: threadsObject, path: "threads.")
            if let minutes = try threadsReader.int("inactivityMinutes") {
                guard minutes >= 1 && minutes <= 525_600 else {
                    throw ParleyError(.invalidConfig, "threads.inactivityMinutes must be between 1 and 525600 (a year)")
                }
                threads.inactivitySeconds = minutes * 60
            }
            try threadsReader.finish()
        }
        if let limits = try reader.object("limits") {
            var limitsReader = Reader(object: limits, path: "limits.")
            if let max = try limitsReader.int("maxMessageBytes") {
                guard max > 0 && max <= 1 << 30 else {
                    throw ParleyError(.invalidConfig, "limits.maxMessageBytes must be between 1 and 1073741824")
                }
                maxMessageBytes = Int(max)
            }
            try limitsReader.finish()
        }
        try reader.finish()
    }

    /// Regions that write numeric dates month first ("12/03" is 3 December).
    static let monthFirstRegions: Set<String> = ["US", "PH", "FM", "MH", "PW", "GU", "PR", "AS", "VI", "MP", "UM"]

    /// Reads typed keys from one object and remembers which were seen, so leftovers are errors.
    private struct Reader {
        let object: JSONObject
        let path: String
        var seen: Set<String> = []

        init(object: JSONObject, path: String) {
            self.object = object
            self.path = path
        }

        mutating func value(_ key: String) -> JSONValue? {
            seen.insert(key)
            guard let value = object[key], !value.isNull else { return nil }
            return value
        }

        mutating func string(_ key: String) throws(ParleyError) -> String? {
            guard let value = value(key) else { return nil }
            guard let s = value.stringValue else { throw wrongType(key, "a string", value) }
            return s
        }

        mutating func bool(_ key: String) throws(ParleyError) -> Bool? {
            guard let value = value(key) else { return nil }
            guard let b = value.boolValue else { throw wrongType(key, "true or false", value) }
            return b
        }

        mutating func double(_ key: String) throws(ParleyError) -> Double? {
            guard let value = value(key) else { return nil }
            guard let d = value.doubleValue else { throw wrongType(key, "a number", value) }
            return d
        }

        mutating func int(_ key: String) throws(ParleyError) -> Int64? {
            guard let value = value(key) else { return nil }
            guard let i = value.int64Value else { throw wrongType(key, "an integer", value) }
            return i
        }

        mutating func object(_ key: String) throws(ParleyError) -> JSONObject? {
            guard let value = value(key) else { return nil }
            guard let o = value.objectValue else { throw wrongType(key, "an object", value) }
            return o
        }

        func wrongType(_ key: String, _ expected: String, _ value: JSONValue) -> ParleyError {
            ParleyError(.invalidConfig, "\(path)\(key) must be \(expected), got \(value.typeName)")
        }

        func finish() throws(ParleyError) {
            if let unknown = object.keys.first(where: { !seen.contains($0) }) {
                throw ParleyError(.invalidConfig, "unknown configuration key \"\(path)\(unknown)\"")
            }
        }
    }
}
