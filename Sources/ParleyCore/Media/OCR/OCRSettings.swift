/// The "ocr" configuration section. Per-call options (a JSON object) may tighten the time
/// limit and switch the optional steps; they cannot change the languages, which the pooled
/// Tesseract handles were loaded with.
public struct OCRSettings: Sendable, Equatable {
    /// Tesseract languages joined by "+", e.g. "eng" or "eng+fra".
    public var languages = "eng"
    /// Where the *.traineddata files are; nil: TESSDATA_PREFIX, then Debian's locations.
    public var tessdataPath: String?
    /// Larger files are refused (.tooLarge) before anything is decoded.
    public var maxBytes = 20 << 20
    /// Images whose header claims more pixels are refused (.tooLarge) before decoding.
    public var maxPixels = 40_000_000
    /// Per-image time limit for recognition, all attempts together (.timeout past it).
    public var timeLimitMillis = 15_000
    /// Detect a page turned by 90/180/270° with Tesseract's OSD and turn it upright.
    public var detectOrientation = true
    /// Straighten slightly skewed scans (Leptonica's deskew).
    public var deskew = true
    /// Upscale images narrower than this many pixels (0: never) so small text gets enough pixels;
    /// wider ones are upscaled ×2 in a retry when their words are under 20 pixels high.
    public var upscaleBelowWidth = 400
    /// Retry a near-empty or low-confidence result with other page segmentation and preprocessing.
    public var retry = true
    /// A result whose mean word confidence (0…1) is below this is retried.
    public var retryBelowConfidence = 0.6
    /// At most this many words are listed in the result's "words".
    public var maxWords = 1_000

    public init() {}

    public init(json: JSONObject, path: String = "ocr.") throws(ParleyError) {
        self.init()
        var r = Configuration.Reader(object: json, path: path)
        if let value = try r.string("languages") { languages = value }
        tessdataPath = try r.string("tessdataPath")
        if let value = try r.int("maxBytes") { maxBytes = Int(try Self.range(value, 1...(1 << 30), path + "maxBytes")) }
        if let value = try r.int("maxPixels") { maxPixels = Int(try Self.range(value, 1...1_000_000_000, path + "maxPixels")) }
        try read(&r, path: path)
        try r.finish()
        guard Self.validLanguages(languages) else {
            throw ParleyError(.invalidConfig, "\(path)languages must be Tesseract language codes joined by \"+\" (like \"eng+fra\"), got \"\(languages)\"")
        }
    }

    /// The per-call options: the same keys as the section's switches and time limit; unknown
    /// keys and bad values are .invalidArgument. The time limit cannot exceed the configured one.
    public func applying(options: JSONObject) throws(ParleyError) -> OCRSettings {
        if options.isEmpty { return self }
        var copy = self
        let configured = timeLimitMillis
        try reporting(as: .invalidArgument) { () throws(ParleyError) in
            var r = Configuration.Reader(object: options, path: "options.")
            try copy.read(&r, path: "options.")
            try r.finish()
        }
        copy.timeLimitMillis = min(copy.timeLimitMillis, configured)
        return copy
    }

    private mutating func read(_ r: inout Configuration.Reader, path: String) throws(ParleyError) {
        if let value = try r.int("timeLimitMillis") { timeLimitMillis = Int(try Self.range(value, 1...600_000, path + "timeLimitMillis")) }
        if let value = try r.bool("detectOrientation") { detectOrientation = value }
        if let value = try r.bool("deskew") { deskew = value }
        if let value = try r.int("upscaleBelowWidth") { upscaleBelowWidth = Int(try Self.range(value, 0...10_000, path + "upscaleBelowWidth")) }
        if let value = try r.bool("retry") { retry = value }
        if let value = try r.double("retryBelowConfidence") {
            guard (0...1).contains(value) else { throw ParleyError(.invalidConfig, "\(path)retryBelowConfidence must be between 0 and 1") }
            retryBelowConfidence = value
        }
        if let value = try r.int("maxWords") { maxWords = Int(try Self.range(value, 0...100_000, path + "maxWords")) }
    }

    private static func range(_ value: Int64, _ bounds: ClosedRange<Int64>, _ name: String) throws(ParleyError) -> Int64 {
        guard bounds.contains(value) else {
            throw ParleyError(.invalidConfig, "\(name) must be between \(bounds.lowerBound) and \(bounds.upperBound), got \(value)")
        }
        return value
    }

    static func validLanguages(_ text: String) -> Bool {
        let parts = text.split(separator: "+", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= 8 else { return false }
        for part in parts {
            guard (2...20).contains(part.utf8.count) else { return false }
            for c in part.utf8 where !((0x61...0x7A).contains(c) || (0x41...0x5A).contains(c) || (0x30...0x39).contains(c) || c == 0x5F) {
                return false
            }
        }
        return true
    }
}
