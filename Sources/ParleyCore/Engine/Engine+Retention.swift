/// Retention: what parley_store_maintain and `parley maintain` call. The engine also runs it
/// on its store's background thread (see Store.init); this runs it now, on the caller's thread.
extension Engine {
    /// Deletes (or archives) messages and closed threads older than the configured retention,
    /// deletes expired idempotency claims and gives free pages back (incremental vacuum).
    /// `now`: Unix milliseconds; nil or 0 reads the wall clock. Returns the run's report as
    /// {"schema", "deleted", "archived", "threadsDeleted", "claimsExpired", "freedPages",
    /// "cutoff", "autoVacuum", "pageCount", "freelistCount"}.
    public func maintain(now: Int64? = nil) throws(ParleyError) -> JSONValue {
        if let now, now < 0 || now > Self.maxTimeMillis {
            throw ParleyError(.invalidArgument, "now_ms must be between 0 and \(Self.maxTimeMillis), got \(now)")
        }
        let millis = now.flatMap { $0 == 0 ? nil : $0 } ?? Self.unixMillis()
        return try store.maintain(nowMillis: millis).json
    }
}
