/// Limits and defaults of document parsing, from the configuration's `"documents"` section:
/// `{"maxBytes", "maxPages", "maxRows", "maxSheets", "maxUncompressedBytes", "maxCompressionRatio",
///   "maxResultRows", "maxFields", "timeoutMillis", "ocrPages", "ocrDPI"}`.
public struct DocumentSettings: Sendable, Equatable {
    /// A document past this many bytes is refused (`.tooLarge`) before it is read.
    public var maxBytes = 50 * 1024 * 1024
    /// PDF pages read; later pages are left out and the result is marked truncated.
    public var maxPages = 200
    /// CSV and XLSX rows read (all sheets together); the rest is left out, marked truncated.
    public var maxRows = 100_000
    /// XLSX sheets read.
    public var maxSheets = 32
    /// Everything inflated from an XLSX together; past it the file is refused (`.tooLarge`).
    public var maxUncompressedBytes = 100 * 1024 * 1024
    /// An entry inflating to more than this many times its compressed size (once past 1 MB)
    /// is a decompression bomb (`.tooLarge`).
    public var maxCompressionRatio = 1_000
    /// Rows per table (CSV, or each sheet) copied into the result's JSON; `rowCount` tells all.
    public var maxResultRows = 1_000
    /// Key-value fields reported as entities.
    public var maxFields = 200
    /// A document still being parsed after this long fails with `.timeout` (0: no limit).
    public var timeoutMillis = 30_000
    /// A scanned PDF (pages without a text layer): its first pages up to this many are rendered
    /// and read by OCR when the engine has it ("media.ocr"); 0 turns that off.
    public var ocrPages = 5
    /// Pixels per inch a scanned page is rendered at for OCR (Tesseract reads best at about 300).
    public var ocrDPI = 300

    public init() {}

    /// Reads the `"documents"` section; `path` prefixes key names in errors (`"documents."`).
    public init(json: JSONObject, path: String = "documents.") throws(ParleyError) {
        self.init()
        var r = Configuration.Reader(object: json, path: path)
        func positive(_ key: String, _ value: Int64?, max: Int64 = Int64(Int32.max) * 64) throws(ParleyError) -> Int? {
            guard let value else { return nil }
            guard value > 0 && value <= max else {
                throw ParleyError(.invalidConfig, "\(path)\(key) must be between 1 and \(max), got \(value)")
            }
            return Int(value)
        }
        if let v = try positive("maxBytes", r.int("maxBytes")) { maxBytes = v }
        if let v = try positive("maxPages", r.int("maxPages")) { maxPages = v }
        if let v = try positive("maxRows", r.int("maxRows")) { maxRows = v }
        if let v = try positive("maxSheets", r.int("maxSheets")) { maxSheets = v }
        if let v = try positive("maxUncompressedBytes", r.int("maxUncompressedBytes")) { maxUncompressedBytes = v }
        if let v = try positive("maxCompressionRatio", r.int("maxCompressionRatio")) { maxCompressionRatio = v }
        if let v = try positive("maxResultRows", r.int("maxResultRows")) { maxResultRows = v }
        if let v = try positive("maxFields", r.int("maxFields")) { maxFields = v }
        if let v = try r.int("ocrPages") {
            guard v >= 0 && v <= 1_000 else { throw ParleyError(.invalidConfig, "\(path)ocrPages must be between 0 and 1000, got \(v)") }
            ocrPages = Int(v)
        }
        if let v = try r.int("ocrDPI") {
            guard v >= 72 && v <= 600 else { throw ParleyError(.invalidConfig, "\(path)ocrDPI must be between 72 and 600, got \(v)") }
            ocrDPI = Int(v)
        }
        if let v = try r.int("timeoutMillis") {
            guard v >= 0 && v <= 3_600_000 else {
                throw ParleyError(.invalidConfig, "\(path)timeoutMillis must be between 0 and 3600000, got \(v)")
            }
            timeoutMillis = Int(v)
        }
        try r.finish()
    }
}

/// Per-call options (the C API's `options_json`): `{"password", "maxPages", "maxRows"}`.
/// Limits may only be lowered below the configured ones. Bad options are `.invalidArgument`.
public struct DocumentOptions: Sendable, Equatable {
    /// Opens an encrypted PDF.
    public var password: String?
    public var maxPages: Int?
    public var maxRows: Int?

    public init(password: String? = nil, maxPages: Int? = nil, maxRows: Int? = nil) {
        self.password = password
        self.maxPages = maxPages
        self.maxRows = maxRows
    }

    public init(json: JSONObject) throws(ParleyError) {
        self.init()
        var r = Configuration.Reader(object: json, path: "options.")
        do throws(ParleyError) {
            password = try r.string("password")
            if let v = try r.int("maxPages") {
                guard v > 0 else { throw ParleyError(.invalidConfig, "options.maxPages must be positive, got \(v)") }
                maxPages = Int(clamping: v)
            }
            if let v = try r.int("maxRows") {
                guard v > 0 else { throw ParleyError(.invalidConfig, "options.maxRows must be positive, got \(v)") }
                maxRows = Int(clamping: v)
            }
            try r.finish()
        } catch {
            throw ParleyError(.invalidArgument, MaskedText(masked: error.message.replacingConfigurationWording()))
        }
    }
}

extension String {
    fileprivate func replacingConfigurationWording() -> String {
        hasPrefix("unknown configuration key") ? "unknown option" + dropFirst("unknown configuration key".count) : self
    }
}
