#if canImport(Glibc)
import Glibc
#endif

/// Parses documents sent in chats — PDF (poppler), CSV and XLSX (hand-written readers) — into
/// text, structure and key-value fields. Thread-safe: at most `instances` documents are parsed
/// at once; a call beyond waits for a free slot. The format comes from the bytes (magic
/// numbers), never from a name or a mimetype. With `ocr`, a scanned PDF's pages are rendered
/// and read by it.
public final class DocumentService: Sendable {
    public let settings: DocumentSettings
    private let slots: DocumentSlots
    let ocr: OCRService?

    public init(settings: DocumentSettings = DocumentSettings(), instances: Int = 1, ocr: OCRService? = nil) throws(ParleyError) {
        guard instances >= 1 && instances <= 1024 else {
            throw ParleyError(.invalidArgument, "instances must be between 1 and 1024, got \(instances)")
        }
        self.settings = settings
        self.slots = DocumentSlots(instances)
        self.ocr = ocr
    }

    /// The document's text, structure and fields. Options: `{"password", "maxPages", "maxRows"}`.
    /// Zero bytes, corrupt, truncated or encrypted files are `.badMedia`; past a limit
    /// `.tooLarge`; another format `.unsupported`; bad options `.invalidArgument`.
    public func parse(_ bytes: [UInt8], options: JSONObject = JSONObject()) throws(ParleyError) -> DocumentResult {
        try parse(bytes, options: DocumentOptions(json: options))
    }

    public func parse(_ bytes: [UInt8], options: DocumentOptions) throws(ParleyError) -> DocumentResult {
        let clock = ContinuousClock()
        let started = clock.now
        let format = try DocumentFormat.sniff(bytes, maxBytes: settings.maxBytes)
        var limits = DocumentLimits(settings, options)
        slots.acquire()
        defer { slots.release() }
        if settings.timeoutMillis > 0 { limits.deadline = clock.now.advanced(by: .milliseconds(settings.timeoutMillis)) }
        var result: DocumentResult
        switch format {
        case .pdf:
            result = try PDFReader.read(bytes, password: options.password, limits: limits,
                                        ocr: settings.ocrPages > 0 ? ocr.map { (service: $0, pages: settings.ocrPages, dpi: settings.ocrDPI) } : nil)
        case .zip:
            var zip = try ZipArchive(bytes, maxUncompressedBytes: limits.maxUncompressedBytes, maxRatio: limits.maxCompressionRatio)
            guard XLSXReader.isWorkbook(zip) else {
                throw ParleyError(.unsupported, zip.contains("word/document.xml") ? "a Word document (DOCX) is not read, only XLSX workbooks"
                    : "a ZIP archive that is not an XLSX workbook")
            }
            result = try XLSXReader.read(&zip, limits: limits)
        case .text:
            result = try CSVReader.read(bytes, limits: limits)
        }
        let elapsed = clock.now - started
        result.milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return result
    }
}

/// What the first bytes say a document is.
enum DocumentFormat {
    case pdf, zip, text

    static func sniff(_ bytes: [UInt8], maxBytes: Int) throws(ParleyError) -> DocumentFormat {
        guard !bytes.isEmpty else { throw ParleyError(.badMedia, "zero-byte document") }
        guard bytes.count <= maxBytes else {
            throw ParleyError(.tooLarge, "document of \(bytes.count) bytes is over the limit of \(maxBytes)")
        }
        if starts(bytes, [0x25, 0x50, 0x44, 0x46, 0x2D]) { return .pdf }  // %PDF-
        if starts(bytes, [0x50, 0x4B, 0x03, 0x04]) { return .zip }
        if starts(bytes, [0x50, 0x4B, 0x05, 0x06]) { throw ParleyError(.badMedia, "empty ZIP archive") }
        // Another kind of media is not a document at all (bad media); a document format not
        // read here is unsupported.
        let otherKinds: [([UInt8], String)] = [
            ([0xFF, 0xD8, 0xFF], "a JPEG image"), ([0x89, 0x50, 0x4E, 0x47], "a PNG image"), ([0x47, 0x49, 0x46, 0x38], "a GIF image"),
            ([0x4F, 0x67, 0x67, 0x53], "Ogg audio"), ([0x52, 0x49, 0x46, 0x46], "a RIFF file (WebP/WAV)"),
        ]
        for (magic, name) in otherKinds where starts(bytes, magic) {
            throw ParleyError(.badMedia, "\(name), not a document")
        }
        let unread: [([UInt8], String)] = [
            ([0xD0, 0xCF, 0x11, 0xE0], "a legacy Office file (XLS/DOC)"), ([0x1F, 0x8B], "gzip data"), ([0x7B, 0x5C, 0x72, 0x74, 0x66], "RTF"),
        ]
        for (magic, name) in unread where starts(bytes, magic) {
            throw ParleyError(.unsupported, "\(name), not a PDF, CSV or XLSX document")
        }
        // A PDF header a little way in (allowed by the specification) or one cut short.
        if bytes.count < 5 && starts([0x25, 0x50, 0x44, 0x46, 0x2D], bytes) { throw ParleyError(.badMedia, "truncated PDF") }
        let head = bytes.prefix(1024)
        if let p = head.firstIndex(of: 0x25), bytes.count > p + 5, starts(Array(bytes[p..<(p + 5)]), [0x25, 0x50, 0x44, 0x46, 0x2D]) {
            return .pdf
        }
        let utf16 = starts(bytes, [0xFF, 0xFE]) || starts(bytes, [0xFE, 0xFF])
        if !utf16 && bytes.prefix(8192).contains(0) {
            throw ParleyError(.unsupported, "binary data that is not a PDF, CSV or XLSX document")
        }
        return .text
    }

    private static func starts(_ bytes: [UInt8], _ prefix: [UInt8]) -> Bool {
        bytes.count >= prefix.count && bytes.prefix(prefix.count).elementsEqual(prefix)
    }
}

/// The limits of one call: the settings, lowered by the call's options, and its deadline.
struct DocumentLimits {
    var maxPages: Int
    var maxRows: Int
    var maxSheets: Int
    var maxResultRows: Int
    var maxFields: Int
    var maxUncompressedBytes: Int
    var maxCompressionRatio: Int
    var deadline: ContinuousClock.Instant?

    init(_ settings: DocumentSettings, _ options: DocumentOptions = DocumentOptions()) {
        maxPages = min(settings.maxPages, options.maxPages ?? .max)
        maxRows = min(settings.maxRows, options.maxRows ?? .max)
        maxSheets = settings.maxSheets
        maxResultRows = settings.maxResultRows
        maxFields = settings.maxFields
        maxUncompressedBytes = settings.maxUncompressedBytes
        maxCompressionRatio = settings.maxCompressionRatio
    }

    func checkTime() throws(ParleyError) {
        if let deadline, ContinuousClock.now >= deadline {
            throw ParleyError(.timeout, "the document took longer than its time limit to parse")
        }
    }
}

/// A counting semaphore over a pthread mutex and condition (fork-safe, like `Guarded`).
final class DocumentSlots: @unchecked Sendable {
    // @unchecked: `free` is only touched under `mutex`.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var free: Int

    init(_ count: Int) {
        free = count
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    func acquire() {
        pthread_mutex_lock(mutex)
        while free == 0 { pthread_cond_wait(condition, mutex) }
        free -= 1
        pthread_mutex_unlock(mutex)
    }

    func release() {
        pthread_mutex_lock(mutex)
        free += 1
        pthread_cond_signal(condition)
        pthread_mutex_unlock(mutex)
    }
}
