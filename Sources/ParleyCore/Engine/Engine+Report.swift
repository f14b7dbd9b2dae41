/// The conversation report (Report/): what the store says about each chat, as data or as one
/// self-contained HTML page (parley_report_html, `parley report`).
extension Engine {
    /// The report's data. Reads the store (SQLite or PostgreSQL, the same data);
    /// with `options.chat`, only that chat's rows are read.
    public func report(options: ReportOptions) throws(ParleyError) -> ConversationReport {
        let gatherer = ReportGatherer(store: store, options: options, timeZone: configuration.dates.timeZone, files: media.files)
        return try gatherer.gather(now: Self.unixMillis() / 1000)
    }

    /// The report as an HTML page (UTF-8 text).
    public func reportHTML(options: ReportOptions) throws(ParleyError) -> String {
        ReportHTML(report: try report(options: options), mask: options.mask).render()
    }

    /// The same with the options as JSON (nil: every chat, the defaults); what the C API calls.
    public func reportHTML(optionsJSON: JSONValue?) throws(ParleyError) -> String {
        try reportHTML(options: ReportOptions(json: optionsJSON))
    }
}
