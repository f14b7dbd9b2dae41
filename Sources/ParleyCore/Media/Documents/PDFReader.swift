import CPoppler
#if canImport(Glibc)
import Glibc
#endif

/// PDF text through poppler-glib (Debian's libpoppler-glib): each page's text layer in reading
/// order, the document's title, author, page count and creation date. A PDF whose pages have no
/// text is a scan (`scanned`): with an OCR service its first pages are rendered and read by it,
/// else its text is empty with confidence 0.
enum PDFReader {
    /// Who reads a scan's pages, how many at most, and at what resolution.
    typealias PageOCR = (service: OCRService, pages: Int, dpi: Int)
    /// A scanned page is rendered with at most this many pixels: A3 at 300 dpi is 17.4 million.
    static let maxRenderPixels = 25_000_000
    /// Receipt fields are looked for in this many first scalars of the text.
    static let receiptScalars = 20_000

    /// poppler-glib logs syntax errors through g_log ("Poppler" domain); silenced once.
    private static let silenced: Bool = {
        cpoppler_silence()
        return true
    }()

    static func read(_ bytes: [UInt8], password: String?, limits: DocumentLimits, ocr: PageOCR? = nil) throws(ParleyError) -> DocumentResult {
        _ = silenced
        let outcome: Result<DocumentResult, ParleyError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(ParleyError) {
                return .success(try read(buffer, password: password, limits: limits, ocr: ocr))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    private static func read(_ buffer: UnsafeBufferPointer<UInt8>, password: String?, limits: DocumentLimits,
                             ocr: PageOCR?) throws(ParleyError) -> DocumentResult {
        var code: Int32 = 0
        let message = UnsafeMutablePointer<CChar>.allocate(capacity: 256)
        defer { message.deallocate() }
        let opened: OpaquePointer?
        if let password {
            opened = password.withCString { cpoppler_open(buffer.baseAddress, buffer.count, $0, &code, message, 256) }
        } else {
            opened = cpoppler_open(buffer.baseAddress, buffer.count, nil, &code, message, 256)
        }
        let document = opened
        guard let document else {
            if code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
                throw ParleyError(.badMedia, password == nil ? "encrypted PDF (a password is needed)" : "encrypted PDF: the password does not open it")
            }
            let detail = String(cString: message)
            throw ParleyError(.badMedia, detail.isEmpty ? "corrupt PDF" : "corrupt PDF: \(detail)")
        }
        defer { cpoppler_release(UnsafeMutableRawPointer(document)) }

        let pageCount = Int(poppler_document_get_n_pages(document))
        var result = DocumentResult(kind: .pdf, text: "")
        var text = ""
        let readable = min(pageCount, limits.maxPages)
        result.truncated = pageCount > readable
        for index in 0..<readable {
            try limits.checkTime()
            var pageText = ""
            if let page = poppler_document_get_page(document, Int32(index)) {
                if let raw = poppler_page_get_text(page) {
                    pageText = String(cString: raw)
                    cpoppler_free(raw)
                }
                cpoppler_release(UnsafeMutableRawPointer(page))
            }
            while let last = pageText.unicodeScalars.last, last.properties.isWhitespace { pageText.unicodeScalars.removeLast() }
            if !text.isEmpty && !pageText.isEmpty { text += "\n\n" }
            text += pageText
            result.pages.append(DocumentPage(number: index + 1, text: pageText))
        }
        result.text = text
        if pageCount > 0 && text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            result.text = ""
            result.scanned = true
            result.confidence = 0
            if let ocr {
                // poppler decodes a page's images whole while it renders: a 144-megapixel scan
                // in a 167 KB file took 300 MB. Refused before rendering, like a photo of that size.
                let pixels = Self.largestImagePixels(buffer)
                if pixels > ocr.service.settings.maxPixels {
                    // In millions: long digit runs are masked in error texts as possible phone numbers.
                    func millions(_ n: Int) -> String { "\((Double(n) / 100_000).rounded() / 10) million" }
                    throw ParleyError(.tooLarge, "the scanned PDF holds an image of \(millions(pixels)) pixels, over the limit of \(millions(ocr.service.settings.maxPixels)) (ocr.maxPixels)")
                }
                try readScan(document, into: &result, ocr: ocr, limits: limits)
            }
        }
        result.entities = DocumentText.fields(in: result.text, max: limits.maxFields)
        // A receipt or an invoice (a scanned till slip, a utility's e-receipt): merchant, date and
        // total by the rules that read a photo's OCR text. They sit at the start of a document.
        let head = String(String.UnicodeScalarView(result.text.unicodeScalars.prefix(Self.receiptScalars)))
        result.entities += ReceiptFields.extract(head)
        result.entities.sort { $0.start < $1.start }
        var metadata = JSONObject()
        metadata.append("title", take(poppler_document_get_title(document)))
        metadata.append("author", take(poppler_document_get_author(document)))
        metadata.append("pages", .int(Int64(pageCount)))
        let created = poppler_document_get_creation_date(document)
        metadata.append("creationDate", created > 0 ? .string(iso(Int(created))) : .null)
        result.metadata = metadata
        return result
    }

    /// The largest width × height declared by an image dictionary in the file ("/Width 12000
    /// /Height 12000"): image XObjects are streams, which PDF keeps out of compressed object
    /// streams, so their dictionaries are in the bytes as written. A width or height given by
    /// reference ("/Width 12 0 R") is not resolved and not counted.
    static func largestImagePixels(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
        func number(after key: [UInt8], in window: Range<Int>) -> Int? {
            var i = window.lowerBound
            while i + key.count < window.upperBound {
                if bytes[i] == 0x2F, bytes[i..<(i + key.count)].elementsEqual(key) {
                    var j = i + key.count
                    // "/Width" itself, not "/Widths".
                    guard j < window.upperBound, isSpace(bytes[j]) else { i += 1; continue }
                    while j < window.upperBound, isSpace(bytes[j]) { j += 1 }
                    var value = 0, digits = 0
                    while j < window.upperBound, bytes[j] >= 0x30, bytes[j] <= 0x39, digits < 10 {
                        value = value * 10 + Int(bytes[j] - 0x30)
                        digits += 1
                        j += 1
                    }
                    guard digits > 0 else { return nil }
                    // "12 0 R": an indirect reference, not the number itself.
                    var k = j
                    while k < window.upperBound, bytes[k] == 0x20 { k += 1 }
                    while k < window.upperBound, bytes[k] >= 0x30, bytes[k] <= 0x39 { k += 1 }
                    while k < window.upperBound, bytes[k] == 0x20 { k += 1 }
                    if k > j, k < window.upperBound, bytes[k] == UInt8(ascii: "R") { return nil }
                    return value
                }
                i += 1
            }
            return nil
        }
        let image = Array("/Image".utf8), width = Array("/Width".utf8), height = Array("/Height".utf8)
        let objKeyword = Array("obj".utf8), streamKeyword = Array("stream".utf8)
        var largest = 0
        var i = 0
        while i + image.count < bytes.count {
            // "/Image" ends there: not "/ImageB", "/ImageC" (procedure sets) nor "/ImageMask".
            if bytes[i] == 0x2F, bytes[i..<(i + image.count)].elementsEqual(image) {
                let next = i + image.count < bytes.count ? bytes[i + image.count] : 0x20
                let isName = (next >= 0x41 && next <= 0x5A) || (next >= 0x61 && next <= 0x7A)
                if !isName {
                    // Its object's dictionary: from "obj" before it to "stream" after it.
                    let objectStart: Int = Self.find(objKeyword, in: bytes, from: i, step: -1, within: 2048).map { $0 + 3 } ?? max(0, i - 512)
                    let streamStart: Int = Self.find(streamKeyword, in: bytes, from: i, step: 1, within: 2048) ?? min(bytes.count, i + 512)
                    let window: Range<Int> = objectStart..<max(objectStart, streamStart)
                    if let w = number(after: width, in: window), let h = number(after: height, in: window) {
                        let (product, overflow) = w.multipliedReportingOverflow(by: h)
                        largest = Swift.max(largest, overflow ? Int.max : product)
                    }
                }
                i += image.count
                continue
            }
            i += 1
        }
        return largest
    }

    /// Where `needle` starts, searching from `start` backwards (step -1) or forwards (1) over
    /// at most `within` bytes.
    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int, step: Int, within: Int) -> Int? {
        var i = start
        var left = within
        while left > 0, i >= 0, i + needle.count <= bytes.count {
            if bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += step
            left -= 1
        }
        return nil
    }

    /// Renders the scan's first `ocr.pages` pages and reads them with OCR, each within what is
    /// left of the document's time limit. Pages left unread (past the count, or a page that
    /// ran out of time after others were read) mark the result truncated.
    private static func readScan(_ document: OpaquePointer, into result: inout DocumentResult, ocr: PageOCR,
                                 limits: DocumentLimits) throws(ParleyError) {
        let count = min(result.pages.count, ocr.pages)
        var confidences: [Double] = []
        for index in 0..<count {
            try limits.checkTime()
            guard let page = poppler_document_get_page(document, Int32(index)) else { continue }
            defer { cpoppler_release(UnsafeMutableRawPointer(page)) }
            var pointsWide = 0.0, pointsHigh = 0.0
            poppler_page_get_size(page, &pointsWide, &pointsHigh)
            guard pointsWide >= 1, pointsHigh >= 1 else { continue }
            // At the configured resolution, or less when the page would pass OCR's pixel limit
            // or the render cap (cairo's colour surface takes 4 bytes a pixel while it draws).
            let maxPixels = min(ocr.service.settings.maxPixels, Self.maxRenderPixels)
            let scale = min(Double(ocr.dpi) / 72, (Double(maxPixels) / (pointsWide * pointsHigh)).squareRoot() * 0.999)
            var width: Int32 = 0, height: Int32 = 0
            guard let gray = cpoppler_render_gray(page, scale, maxPixels, &width, &height) else {
                throw ParleyError(.tooLarge, "page \(index + 1) of the scanned PDF cannot be rendered for OCR (\(Int(pointsWide))×\(Int(pointsHigh)) points)")
            }
            defer { free(gray) }
            var options = JSONObject()
            if let deadline = limits.deadline {
                let left = ContinuousClock.now.duration(to: deadline).components
                options.append("timeLimitMillis", .int(max(1, left.seconds * 1000 + left.attoseconds / 1_000_000_000_000_000)))
            }
            let read: OCRResult
            do throws(ParleyError) {
                read = try ocr.service.recognize(gray: UnsafeBufferPointer(start: gray, count: Int(width) * Int(height)),
                                                 width: Int(width), height: Int(height), options: options)
            } catch {
                if error.kind == .timeout && !confidences.isEmpty {
                    result.truncated = true
                    break
                }
                throw error
            }
            result.pages[index].text = read.text
            confidences.append(read.confidence)
        }
        result.ocrPages = confidences.count
        if result.ocrPages < result.pages.count { result.truncated = true }
        result.text = result.pages.map(\.text).filter { !$0.isEmpty }.joined(separator: "\n\n")
        result.confidence = confidences.isEmpty ? 0 : confidences.reduce(0, +) / Double(confidences.count)
    }

    private static func take(_ s: UnsafeMutablePointer<CChar>?) -> JSONValue {
        guard let s else { return .null }
        defer { cpoppler_free(s) }
        let value = String(cString: s)
        return value.isEmpty ? .null : .string(value)
    }

    /// Seconds since the epoch as "2026-03-01T10:00:00Z".
    static func iso(_ seconds: Int) -> String {
        let (days, second) = Civil.split(seconds)
        let d = Civil.date(days: days)
        func pad(_ n: Int, _ width: Int = 2) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(d.year, 4))-\(pad(d.month))-\(pad(d.day))T\(pad(second / 3600)):\(pad(second / 60 % 60)):\(pad(second % 60))Z"
    }
}
