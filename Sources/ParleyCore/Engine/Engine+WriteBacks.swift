/// Write-backs parked while a dependency's breaker is open (parley_writeback_*): the host
/// parks what it could not do, and replays it in order once the breaker lets calls through.
extension Engine {
    static let maxWriteBackBytes = 64 * 1024
    static let maxReplayBatch = 1_000

    /// Parks `payload` (JSON, at most 64 KB) for `dependency`; `key` makes parking the same
    /// write twice a no-op. Returns {"schema", "id", "parked": true|false (already parked)}.
    public func parkWriteBack(dependency: String, payload: UnsafeRawBufferPointer, key: String?,
                              now: Int64? = nil) throws(ParleyError) -> JSONValue {
        try BreakerRegistry.validate(name: dependency)
        try Self.validateTime(now)
        guard payload.count <= Self.maxWriteBackBytes else {
            throw ParleyError(.tooLarge, "the write-back is \(payload.count) bytes; at most \(Self.maxWriteBackBytes)")
        }
        let value = try parseInput(payload, what: "write-back")
        if let key, key.isEmpty || key.utf8.count > Self.maxIdempotencyKeyBytes {
            throw ParleyError(.invalidArgument, "the write-back key must be 1 to \(Self.maxIdempotencyKeyBytes) bytes")
        }
        let parked = try store.parkWriteBack(dependency: dependency, payload: JSONWriter.string(value), key: key,
                                             now: now ?? Self.unixMillis())
        return ["schema": .int(EnrichedContext.schema), "id": .int(parked.id), "parked": .bool(parked.new)]
    }

    /// The parked write-backs of `dependency` to perform now, oldest first (at most `max`),
    /// when its breaker lets calls through at `now`; none while it is open. Each stays parked
    /// until confirmed. {"schema", "dependency", "breaker": state, "writebacks": [{"id",
    /// "payload", "key"?, "parkedAt", "attempts", "lastError"?}]}
    public func replayWriteBacks(dependency: String, max: Int, now: Int64? = nil) throws(ParleyError) -> JSONValue {
        try BreakerRegistry.validate(name: dependency)
        guard max >= 1 && max <= Self.maxReplayBatch else {
            throw ParleyError(.invalidArgument, "max must be between 1 and \(Self.maxReplayBatch), got \(max)")
        }
        let allowed = try breakerAllow(dependency, now: now)
        let due = allowed ? try store.parkedWriteBacks(dependency: dependency, limit: max) : []
        let state = reliability.breakers.statuses(settings: configuration.breakers).first { $0.name == dependency }
        var result = JSONObject()
        result.append("schema", .int(EnrichedContext.schema))
        result.append("dependency", .string(dependency))
        result.append("breaker", state.map { $0.json["state"] ?? .null } ?? .string("closed"))
        result.append("writebacks", .array(try due.map { (writeBack) throws(ParleyError) -> JSONValue in try Self.json(of: writeBack) }))
        return .object(result)
    }

    /// Records the outcome of a replayed write-back: done (forgotten) or failed again (kept,
    /// first in line). Throws `.notFound` when no such write-back is parked.
    public func confirmWriteBack(id: Int64, ok: Bool, error: String?) throws(ParleyError) {
        guard try store.confirmWriteBack(id: id, ok: ok, error: error) else {
            throw ParleyError(.notFound, "no parked write-back \(id)")
        }
    }

    /// Every parked write-back, oldest first per dependency (at most `max`).
    public func parkedWriteBacks(max: Int) throws(ParleyError) -> JSONValue {
        let all = try store.parkedWriteBacks(dependency: nil, limit: max)
        return ["schema": .int(EnrichedContext.schema),
                "writebacks": .array(try all.map { (writeBack) throws(ParleyError) -> JSONValue in try Self.json(of: writeBack) })]
    }

    static func json(of writeBack: Store.WriteBack) throws(ParleyError) -> JSONValue {
        var object = JSONObject()
        object.append("id", .int(writeBack.id))
        object.append("dependency", .string(writeBack.dependency))
        object.append("payload", try EnrichedContext.parseStored(writeBack.payload))
        if let key = writeBack.key { object.append("key", .string(key)) }
        object.append("parkedAt", .int(writeBack.parkedAt))
        object.append("attempts", .int(Int64(writeBack.attempts)))
        if let error = writeBack.lastError { object.append("lastError", .string(error)) }
        return .object(object)
    }
}
