#if canImport(Glibc)
import Glibc
#endif

/// The engine's settings, read from the configuration JSON documented in include/parley.h.
/// Unknown keys are refused: a typo in a host's config should fail loudly, not be ignored.
public struct Configuration: Sendable, Equatable {
    /// nil keeps the store in memory (unless `postgres` names a server).
    public var storePath: String?
    /// "store.postgres" (+ "poolSize", "owner"): the store on a PostgreSQL server instead of
    /// a SQLite file; exclusive with "store.path".
    public var postgres: PostgresStoreSettings?
    public var synchronous: Store.Synchronous = .normal
    /// How long a write waits for another process's lock on the store before PARLEY_BUSY.
    public var busyTimeoutMillis = 5_000
    /// "store.writeBehind": `process` on a file store answers once the message and its context
    /// are in the inbox, and a background thread writes them to SQLite in batches (WriteBehind).
    public var writeBehind = true
    public var entities = EntityOptions()
    public var webhookAppSecret: String?
    /// Largest webhook body accepted ("webhook.maxBodyBytes"); nil: `limits.maxMessageBytes`.
    public var webhookMaxBodyBytes: Int?
    /// How long a webhook body is remembered to tell a replay ("webhook.replayWindowSeconds"; 0: never).
    public var webhookReplayWindowSeconds: Int64 = 86_400
    /// The engine's own log ("log").
    public var log = LogSettings()
    public var maxMessageBytes = 1 << 20
    public var threads = ThreadOptions()
    public var dates = DateTimeOptions()
    /// nil: the built-in property-management model.
    public var intentModelPath: String?
    public var intentThreshold = 0.75
    public var sentiment = SentimentOptions()
    /// Circuit breakers ("breakers"): parsed in the block at the end of this file.
    public var breakers = BreakerSettings()
    /// "dedup.contentWindowSeconds": the same chat, sender and content within this many
    /// seconds is a re-send under a new id (0 turns it off).
    public var contentWindowSeconds: Int64 = 300
    /// The asynchronous core ("workers", "queue", "ordering", "priorities").
    public var async = AsyncSettings()
    /// Metrics buckets and alert thresholds ("metrics").
    public var metrics = MetricsSettings()
    /// When a failing chat is parked ("chatHealth").
    public var chatHealth = ChatHealthSettings()
    /// What is shed under overload, in which order ("degradation").
    public var degradation = DegradationSettings()
    /// The API cache of the host's reads ("cache"): Cache/CacheSettings.swift.
    public var cache = CacheSettings()
    /// The outbound scheduler ("outbox"): Delivery/OutboxSettings.swift.
    public var outbox = OutboxSettings()
    /// Retention ("retention"): what is kept, where old rows go, how often the engine purges.
    public var retention = RetentionPolicy()
    /// The dead-letter queue's retry schedule ("retries"): parsed at the end of this file.
    public var retries = RetrySettings()
    /// Media files and their readers ("media"): Media/MediaSettings.swift.
    public var media = MediaSettings()
    /// Session care ("session"): Session/SessionSettings.swift.
    public var session = SessionSettings()

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
        // A key given twice is a mistake whichever value was meant (JSON keeps the last).
        if let key = Self.repeatedKey(in: value, path: "") {
            throw ParleyError(.invalidConfig, "the configuration names \"\(key)\" twice")
        }
        try self.init(object: root)
    }

    /// The dotted path of the first key repeated within one object, anywhere in `value`.
    static func repeatedKey(in value: JSONValue, path: String) -> String? {
        switch value {
        case .object(let object):
            var seen = Set<String>()
            for member in object.members {
                if !seen.insert(member.key).inserted { return path + member.key }
                if let key = repeatedKey(in: member.value, path: path + member.key + ".") { return key }
            }
            return nil
        case .array(let items):
            for (i, item) in items.enumerated() {
                if let key = repeatedKey(in: item, path: path + "\(i).") { return key }
            }
            return nil
        default:
            return nil
        }
    }

    public init(object root: JSONObject) throws(ParleyError) {
        self.init()
        var reader = Reader(object: root, path: "")
        if let store = try reader.object("store") {
            var storeReader = Reader(object: store, path: "store.")
            storePath = try storeReader.string("path")
            // An unset variable in a host's config ("path": "$DB" → "") would open a store no
            // file backs, and every write would fail: refused as the bad value it is.
            if storePath?.isEmpty == true {
                throw ParleyError(.invalidConfig, "store.path must name a file (or be left out for an in-memory store), got \"\"")
            }
            // SQLite's own name for a memory database asks for what leaving the path out gives;
            // opened as a file name, each of the store's connections got an empty database of
            // its own and every message failed ("no such table").
            if storePath == ":memory:" { storePath = nil }
            // A URI would name the inbox files beside it after the URI, not the file.
            if let path = storePath, path.hasPrefix("file:") {
                throw ParleyError(.invalidConfig, "store.path must be a file path, not a SQLite URI (\(path)); leave it out for an in-memory store")
            }
            let postgresURL = try storeReader.string("postgres")
            let poolSize = try storeReader.int("poolSize")
            let owner = try storeReader.string("owner")
            let leaseMillis = try storeReader.int("leaseMillis")
            let pumpMillis = try storeReader.int("pumpMillis")
            if let postgresURL {
                guard storePath == nil else {
                    throw ParleyError(.invalidConfig, "store.path and store.postgres exclude each other: name a SQLite file or a PostgreSQL server")
                }
                guard !postgresURL.allSatisfy(\.isWhitespace) else {
                    throw ParleyError(.invalidConfig, "store.postgres must be a PostgreSQL URL (postgresql://user@host/db), got an empty string")
                }
                var settings = PostgresStoreSettings(url: postgresURL)
                if let poolSize {
                    settings.poolSize = Int(try range(poolSize, 1...1_000, "store.poolSize"))
                }
                if let owner {
                    guard !owner.isEmpty, owner.utf8.count <= 200, !owner.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
                        throw ParleyError(.invalidConfig, "store.owner must be a name of 1 to 200 bytes without control characters")
                    }
                    settings.owner = owner
                }
                if let leaseMillis { settings.leaseMillis = try range(leaseMillis, 500...600_000, "store.leaseMillis") }
                if let pumpMillis { settings.pumpMillis = try range(pumpMillis, 10...60_000, "store.pumpMillis") }
                guard settings.pumpMillis * 2 <= settings.leaseMillis else {
                    throw ParleyError(.invalidConfig, "store.pumpMillis (\(settings.pumpMillis)) must be at most half of store.leaseMillis (\(settings.leaseMillis)): leases are renewed by the pump")
                }
                postgres = settings
            } else if poolSize != nil || owner != nil || leaseMillis != nil || pumpMillis != nil {
                throw ParleyError(.invalidConfig, "store.poolSize, owner, leaseMillis and pumpMillis apply to a PostgreSQL store: set store.postgres")
            }
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
            if let behind = try storeReader.bool("writeBehind") { writeBehind = behind }
            try storeReader.finish()
        }
        let region = try reader.string("region")?.uppercased()
        if let region { entities.region = region }
        if let fromSender = try reader.bool("phoneRegionFromSender") { entities.phoneRegionFromSender = fromSender }
        // Numeric dates read month first only where people write them so.
        dates.dayFirst = !Self.monthFirstRegions.contains(entities.region)
        if let zone = try reader.string("timeZone") {
            dates.timeZone = zone
        } else if let region, let zone = RegionDefaults.timeZone(of: region) {
            dates.timeZone = zone
        }
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
        if let currency = try reader.string("currency") {
            entities.currency = currency.uppercased()
        } else if let region {
            entities.currency = RegionDefaults.currency(of: region)
        }
        if let lookups = reader.value("lookups") {
            entities.lookups = try Gazetteer.parseLists(lookups, errorKind: .invalidConfig)
        }
        if let webhook = try reader.object("webhook") {
            var webhookReader = Reader(object: webhook, path: "webhook.")
            webhookAppSecret = try webhookReader.string("appSecret")
            // Anyone can sign with the empty key: an unset variable must not turn the check off.
            if webhookAppSecret == "" { throw ParleyError(.invalidConfig, "webhook.appSecret must not be empty") }
            if let value = try webhookReader.int("maxBodyBytes") {
                webhookMaxBodyBytes = Int(try range(value, 1...1_073_741_824, "webhook.maxBodyBytes"))
            }
            if let value = try webhookReader.int("replayWindowSeconds") {
                webhookReplayWindowSeconds = try range(value, 0...2_592_000, "webhook.replayWindowSeconds")
            }
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
            if let minutes = try threadsReader.int("reopenMinutes") {
                guard minutes >= 0 && minutes <= 525_600 else {
                    throw ParleyError(.invalidConfig, "threads.reopenMinutes must be between 0 and 525600 (a year)")
                }
                threads.reopenSeconds = minutes * 60
            }
            if let minutes = try threadsReader.int("recallMinutes") {
                guard minutes >= 0 && minutes <= 525_600 else {
                    throw ParleyError(.invalidConfig, "threads.recallMinutes must be between 0 and 525600 (a year)")
                }
                threads.recallSeconds = minutes * 60
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
        if let breakersObject = try reader.object("breakers") { breakers = try Self.breakerSettings(breakersObject) }
        if let dedup = try reader.object("dedup") {
            var dedupReader = Reader(object: dedup, path: "dedup.")
            if let seconds = try dedupReader.int("contentWindowSeconds") {
                guard seconds >= 0 && seconds <= 86_400 else {
                    throw ParleyError(.invalidConfig, "dedup.contentWindowSeconds must be between 0 and 86400 (a day)")
                }
                contentWindowSeconds = seconds
            }
            try dedupReader.finish()
        }
        try readAsyncSettings(&reader)
        if let o = try reader.object("outbox") { outbox = try OutboxSettings(json: o, path: "outbox.") }
        if let c = try reader.object("cache") { cache = try CacheSettings(json: c, path: "cache.") }
        try readMetricsSettings(&reader)
        try readDegradationSettings(&reader)
        if let object = try reader.object("chatHealth") {
            var r = Reader(object: object, path: "chatHealth.")
            if let value = try r.int("threshold") { chatHealth.threshold = Int(try range(value, 1...10_000, "chatHealth.threshold")) }
            if let value = try r.int("windowSeconds") { chatHealth.windowSeconds = try range(value, 1...86_400, "chatHealth.windowSeconds") }
            if let value = try r.int("parkSeconds") { chatHealth.parkSeconds = try range(value, 1...86_400, "chatHealth.parkSeconds") }
            if let value = try r.int("maxParkSeconds") { chatHealth.maxParkSeconds = try range(value, 1...604_800, "chatHealth.maxParkSeconds") }
            try r.finish()
            guard chatHealth.parkSeconds <= chatHealth.maxParkSeconds else {
                throw ParleyError(.invalidConfig, "chatHealth.parkSeconds must not exceed chatHealth.maxParkSeconds")
            }
        }
        if let retentionObject = try reader.object("retention") { retention = try Self.retentionPolicy(retentionObject) }
        if let retriesObject = try reader.object("retries") { retries = try Self.retrySettings(retriesObject) }
        if let mediaObject = try reader.object("media") { media = try Self.mediaSettings(mediaObject) }
        if let object = try reader.object("log") {
            var r = Reader(object: object, path: "log.")
            if let path = try r.string("path") {
                guard !path.isEmpty else { throw ParleyError(.invalidConfig, "log.path must not be empty") }
                log.path = path
            }
            if let name = try r.string("level") {
                guard let level = EventLog.Level(name: name) else {
                    throw ParleyError(.invalidConfig, "log.level must be one of debug, info, warning, error; got \"\(name)\"")
                }
                log.level = level
            }
            try r.finish()
        }
        if let sessionObject = try reader.object("session") { session = try Self.sessionSettings(sessionObject) }
        try reader.finish()
    }

    /// Regions that write numeric dates month first ("12/03" is 3 December).
    static let monthFirstRegions: Set<String> = ["US", "PH", "FM", "MH", "PW", "GU", "PR", "AS", "VI", "MP", "UM"]

    /// Reads typed keys from one object and remembers which were seen, so leftovers are errors.
    /// Media settings (OCR, voice, documents) read their sections with it too.
    struct Reader {
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
            // A path, zone or name cut at a NUL would name something else ("a\u0000b.db" opened "a").
            if s.utf8.contains(0) { throw ParleyError(.invalidConfig, "\(path)\(key) must not contain a NUL character (\\u0000)") }
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

// MARK: - The asynchronous core ("workers", "queue", "ordering", "priorities")

public struct AsyncSettings: Sendable, Equatable {
    /// Worker threads: `minWorkers` always, up to `maxWorkers` while work queues up.
    public var minWorkers = 1
    public var maxWorkers = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    /// Backpressure: at `highWater` messages not yet handed back, submit answers busy until
    /// the count falls to `lowWater`.
    public var highWater = 1_000
    public var lowWater = 100
    /// How long a message waits for a missing predecessor (a gap in the host's sequence
    /// numbers) before it is released anyway, marked with the gap.
    public var reorderWindowMillis: Int64 = 1_000
    /// How long every message waits for late predecessors when the host gives no sequence
    /// numbers (0: released at once, ordered by timestamp among those waiting).
    public var holdMillis: Int64 = 0
    /// A batch of messages still being processed (or handed to the callback) after this long
    /// is given up on: dead-lettered, and its chat goes on (0: never).
    public var messageTimeoutMillis: Int64 = 30_000
    /// Chats whose messages always go in the high lane.
    public var vipChats: Set<String> = []
    /// Urgent messages ("water everywhere", "ASAP") go in the high lane.
    public var urgentFirst = true

    public init() {}
}

extension Configuration {
    private func range(_ value: Int64, _ bounds: ClosedRange<Int64>, _ name: String) throws(ParleyError) -> Int64 {
        guard bounds.contains(value) else {
            throw ParleyError(.invalidConfig, "\(name) must be between \(bounds.lowerBound) and \(bounds.upperBound), got \(value)")
        }
        return value
    }

    private mutating func readAsyncSettings(_ reader: inout Reader) throws(ParleyError) {
        let workersObject = try reader.object("workers")
        if let workers = workersObject {
            var r = Reader(object: workers, path: "workers.")
            if let value = try r.int("min") { async.minWorkers = Int(try range(value, 1...256, "workers.min")) }
            if let value = try r.int("max") { async.maxWorkers = Int(try range(value, 1...256, "workers.max")) }
            else if async.minWorkers > async.maxWorkers { async.maxWorkers = async.minWorkers }
            try r.finish()
            guard async.minWorkers <= async.maxWorkers else {
                throw ParleyError(.invalidConfig, "workers.min (\(async.minWorkers)) must not exceed workers.max (\(async.maxWorkers))")
            }
        }
        if let core = try reader.object("core") {
            // {"core": {"workers": N}}: a fixed pool of N workers (the issue's spelling);
            // "workers": {"min", "max"} lets it grow and shrink instead.
            var r = Reader(object: core, path: "core.")
            if let value = try r.int("workers") {
                // The header offers the two as alternatives; given both, one would silently win.
                guard workersObject == nil else {
                    throw ParleyError(.invalidConfig, "core.workers (a fixed pool) and workers ({\"min\", \"max\"}: a growing pool) exclude each other; give one")
                }
                async.minWorkers = Int(try range(value, 1...256, "core.workers"))
                async.maxWorkers = async.minWorkers
            }
            if let value = try r.int("messageTimeoutMillis") {
                async.messageTimeoutMillis = try range(value, 0...86_400_000, "core.messageTimeoutMillis")
            }
            try r.finish()
        }
        if let queue = try reader.object("queue") {
            var r = Reader(object: queue, path: "queue.")
            if let value = try r.int("highWater") { async.highWater = Int(try range(value, 1...10_000_000, "queue.highWater")) }
            if let value = try r.int("lowWater") { async.lowWater = Int(try range(value, 0...10_000_000, "queue.lowWater")) }
            try r.finish()
            guard async.lowWater < async.highWater else {
                throw ParleyError(.invalidConfig, "queue.lowWater (\(async.lowWater)) must be below queue.highWater (\(async.highWater))")
            }
        }
        if let ordering = try reader.object("ordering") {
            var r = Reader(object: ordering, path: "ordering.")
            if let value = try r.int("reorderWindowMillis") { async.reorderWindowMillis = try range(value, 0...3_600_000, "ordering.reorderWindowMillis") }
            if let value = try r.int("holdMillis") { async.holdMillis = try range(value, 0...3_600_000, "ordering.holdMillis") }
            try r.finish()
        }
        if let priorities = try reader.object("priorities") {
            var r = Reader(object: priorities, path: "priorities.")
            if let chats = r.value("vipChats") {
                guard let list = chats.arrayValue, list.allSatisfy({ $0.stringValue != nil }) else {
                    throw ParleyError(.invalidConfig, "priorities.vipChats must be an array of chat ids")
                }
                async.vipChats = Set(list.compactMap(\.stringValue))
            }
            if let value = try r.bool("urgentFirst") { async.urgentFirst = value }
            try r.finish()
        }
    }
}

// MARK: - Metrics ("metrics")

extension Configuration {
    /// {"bucketSeconds": 60, "historyBuckets": 60, "alerts": {"latencyMillis": [500, 2000],
    /// "errorRate": [0.05, 0.1], "memory": [0.75, 0.9], "anomalySigma": 2.5}}: each pair is
    /// [warning, critical].
    private mutating func readMetricsSettings(_ reader: inout Reader) throws(ParleyError) {
        guard let object = try reader.object("metrics") else { return }
        var r = Reader(object: object, path: "metrics.")
        if let value = try r.int("bucketSeconds") { metrics.bucketSeconds = Int(try range(value, 1...86_400, "metrics.bucketSeconds")) }
        if let value = try r.int("historyBuckets") { metrics.historyBuckets = Int(try range(value, 1...10_080, "metrics.historyBuckets")) }
        if let alerts = try r.object("alerts") {
            var a = Reader(object: alerts, path: "metrics.alerts.")
            func pair(_ key: String, _ limit: Double) throws(ParleyError) -> (warning: Double, critical: Double)? {
                guard let value = a.value(key) else { return nil }
                guard let list = value.arrayValue, list.count == 2, let warning = list[0].doubleValue, let critical = list[1].doubleValue,
                      warning > 0, warning <= critical, critical <= limit else {
                    throw ParleyError(.invalidConfig, "metrics.alerts.\(key) must be [warning, critical] with 0 < warning <= critical <= \(limit)")
                }
                return (warning, critical)
            }
            if let value = try pair("latencyMillis", 3_600_000) { metrics.latencyMillis = value }
            if let value = try pair("errorRate", 1) { metrics.errorRate = value }
            if let value = try pair("memory", 1) { metrics.memory = value }
            if let sigma = try a.double("anomalySigma") {
                guard sigma >= 1 && sigma <= 10 else { throw ParleyError(.invalidConfig, "metrics.alerts.anomalySigma must be between 1 and 10") }
                metrics.anomalySigma = sigma
            }
            try a.finish()
        }
        try r.finish()
    }
}

// MARK: - Degradation ("degradation")

extension Configuration {
    /// {"enabled": true, "order": ["audio", "ocr", "documents", "statistical"], "enterLoad": 0.8,
    /// "exitLoad": 0.5, "stepMillis": 1000}
    private mutating func readDegradationSettings(_ reader: inout Reader) throws(ParleyError) {
        guard let object = try reader.object("degradation") else { return }
        var r = Reader(object: object, path: "degradation.")
        if let enabled = try r.bool("enabled") { degradation.enabled = enabled }
        if let order = r.value("order") {
            let names = DegradationSettings.Feature.allCases.map(\.rawValue)
            guard let list = order.arrayValue else { throw ParleyError(.invalidConfig, "degradation.order must be an array of \(names)") }
            var features: [DegradationSettings.Feature] = []
            for item in list {
                guard let feature = item.stringValue.flatMap(DegradationSettings.Feature.init(rawValue:)), !features.contains(feature) else {
                    throw ParleyError(.invalidConfig, "degradation.order must list each of \(names) at most once")
                }
                features.append(feature)
            }
            degradation.order = features
        }
        if let value = try r.double("enterLoad") { degradation.enterLoad = value }
        if let value = try r.double("exitLoad") { degradation.exitLoad = value }
        if let value = try r.int("stepMillis") { degradation.stepMillis = try range(value, 0...3_600_000, "degradation.stepMillis") }
        try r.finish()
        guard degradation.exitLoad > 0, degradation.exitLoad < degradation.enterLoad, degradation.enterLoad <= 10 else {
            throw ParleyError(.invalidConfig, "degradation needs 0 < exitLoad < enterLoad <= 10")
        }
    }
}

// MARK: - Circuit breakers ("breakers")

extension Configuration {
    /// {"default": {...}, "<name>": {...}}: each entry may set failureRate, window,
    /// minimumCalls, openSeconds, slowCallMicros, slowCallRate, halfOpenPermits. Named entries
    /// start from "default". A minimumCalls above the window is refused when given; the
    /// built-in 10 shrinks to a smaller configured window.
    static func breakerSettings(_ root: JSONObject) throws(ParleyError) -> BreakerSettings {
        var settings = BreakerSettings()
        // Named entries start from the default entry as written, before any shrinking.
        var base = BreakerConfig()
        var baseGaveMinimum = false
        if let defaults = root["default"] {
            guard let object = defaults.objectValue else {
                throw ParleyError(.invalidConfig, "breakers.default must be an object, got \(defaults.typeName)")
            }
            baseGaveMinimum = try applyBreaker(object, path: "breakers.default.", to: &base)
            settings.defaults = try checkedBreaker(base, path: "breakers.default.", minimumGiven: baseGaveMinimum)
        }
        for key in root.keys where key != "default" {
            do {
                try BreakerRegistry.validate(name: key)
            } catch {
                throw ParleyError(.invalidConfig, "breakers: \(error)")
            }
            guard let object = root[key]?.objectValue else {
                throw ParleyError(.invalidConfig, "breakers.\(key) must be an object, got \(root[key]?.typeName ?? "nothing")")
            }
            var config = base
            let gaveMinimum = try applyBreaker(object, path: "breakers.\(key).", to: &config)
            settings.named[key] = try checkedBreaker(config, path: "breakers.\(key).", minimumGiven: baseGaveMinimum || gaveMinimum)
        }
        return settings
    }

    /// Applies one entry's keys to `config`; returns whether it gave minimumCalls.
    private static func applyBreaker(_ object: JSONObject, path: String, to config: inout BreakerConfig) throws(ParleyError) -> Bool {
        var reader = Reader(object: object, path: path)
        func rate(_ key: String) throws(ParleyError) -> Double? {
            guard let value = try reader.double(key) else { return nil }
            guard value > 0 && value <= 1 else { throw ParleyError(.invalidConfig, "\(path)\(key) must be above 0 and at most 1, got \(value)") }
            return value
        }
        func integer(_ key: String, _ range: ClosedRange<Int64>) throws(ParleyError) -> Int64? {
            guard let value = try reader.int(key) else { return nil }
            guard range.contains(value) else {
                throw ParleyError(.invalidConfig, "\(path)\(key) must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
            }
            return value
        }
        if let value = try rate("failureRate") { config.failureRate = value }
        if let value = try rate("slowCallRate") { config.slowCallRate = value }
        if let value = try integer("window", 1...10_000) { config.window = Int(value) }
        let minimum = try integer("minimumCalls", 1...10_000)
        if let minimum { config.minimumCalls = Int(minimum) }
        if let seconds = try reader.double("openSeconds") {
            guard seconds >= 0.001 && seconds <= 86_400 else {
                throw ParleyError(.invalidConfig, "\(path)openSeconds must be between 0.001 and 86400 (a day), got \(seconds)")
            }
            config.openMillis = Int64((seconds * 1000).rounded())
        }
        if let value = try integer("slowCallMicros", 1...3_600_000_000) { config.slowCallMicros = value }
        if let value = try integer("halfOpenPermits", 1...1000) { config.halfOpenPermits = Int(value) }
        try reader.finish()
        return minimum != nil
    }

    /// A minimumCalls above the window is an error when configured, and shrinks to the window
    /// when it is the built-in 10.
    private static func checkedBreaker(_ config: BreakerConfig, path: String, minimumGiven: Bool) throws(ParleyError) -> BreakerConfig {
        guard config.minimumCalls > config.window else { return config }
        guard !minimumGiven else {
            throw ParleyError(.invalidConfig, "\(path)minimumCalls (\(config.minimumCalls)) must not exceed window (\(config.window))")
        }
        var shrunk = config
        shrunk.minimumCalls = config.window
        return shrunk
    }
}

// MARK: - Retention ("retention")

extension Configuration {
    /// {"days": 30, "archive": "PATH.db", "intervalMinutes": 60}: days 0 keeps everything;
    /// "archive" moves old rows into that SQLite file instead of deleting them.
    static func retentionPolicy(_ object: JSONObject) throws(ParleyError) -> RetentionPolicy {
        var policy = RetentionPolicy()
        var reader = Reader(object: object, path: "retention.")
        if let days = try reader.int("days") {
            guard days >= 0 && days <= RetentionPolicy.maxDays else {
                throw ParleyError(.invalidConfig, "retention.days must be between 0 (keep forever) and \(RetentionPolicy.maxDays), got \(days)")
            }
            policy.days = Int(days)
        }
        if let archive = try reader.string("archive") {
            guard !archive.isEmpty, !archive.utf8.contains(0) else {
                throw ParleyError(.invalidConfig, "retention.archive must be a file path, got an empty string")
            }
            policy.archivePath = archive
        }
        if let minutes = try reader.int("intervalMinutes") {
            guard minutes >= 1 && minutes <= 10_080 else {
                throw ParleyError(.invalidConfig, "retention.intervalMinutes must be between 1 and 10080 (a week), got \(minutes)")
            }
            policy.intervalMillis = minutes * 60_000
        }
        try reader.finish()
        return policy
    }
}

// MARK: - The dead-letter queue's retries ("retries")

extension Configuration {
    /// {"attempts": 5, "firstDelaySeconds": 300, "maxDelaySeconds": 43200, "jitter": 0.2}:
    /// every key optional; maxDelaySeconds must not be below firstDelaySeconds.
    static func retrySettings(_ object: JSONObject) throws(ParleyError) -> RetrySettings {
        var settings = RetrySettings()
        var r = Reader(object: object, path: "retries.")
        func integer(_ key: String, _ bounds: ClosedRange<Int64>) throws(ParleyError) -> Int64? {
            guard let value = try r.int(key) else { return nil }
            guard bounds.contains(value) else {
                throw ParleyError(.invalidConfig, "retries.\(key) must be between \(bounds.lowerBound) and \(bounds.upperBound), got \(value)")
            }
            return value
        }
        if let value = try integer("attempts", RetrySettings.attemptRange) { settings.attempts = Int(value) }
        if let value = try integer("firstDelaySeconds", RetrySettings.delayRange) { settings.firstDelaySeconds = value }
        let maxDelay = try integer("maxDelaySeconds", RetrySettings.delayRange)
        if let maxDelay { settings.maxDelaySeconds = maxDelay }
        if let value = try r.double("jitter") {
            guard RetrySettings.jitterRange.contains(value) else {
                throw ParleyError(.invalidConfig, "retries.jitter must be between 0 and \(RetrySettings.jitterRange.upperBound), got \(value)")
            }
            settings.jitter = value
        }
        try r.finish()
        if settings.maxDelaySeconds < settings.firstDelaySeconds {
            // A first delay above the built-in maximum raises the maximum with it; a maximum
            // given below the first delay is a mistake.
            guard maxDelay == nil else {
                throw ParleyError(.invalidConfig, "retries.maxDelaySeconds (\(settings.maxDelaySeconds)) must not be below retries.firstDelaySeconds (\(settings.firstDelaySeconds))")
            }
            settings.maxDelaySeconds = settings.firstDelaySeconds
        }
        return settings
    }
}
