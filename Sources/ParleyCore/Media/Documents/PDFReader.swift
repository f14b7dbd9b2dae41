import CPoppler
#if canImport(Glibc)
import Glibc
#endif

/// PDF text through poppler-glib (Debian's libpoppler-glib): each page's text layer in reading
/// order, the document's title, author, page count and creation date. A PDF whose pages have no
/// text is a scan: empty text, `scanned`, confidence 0, so the caller can OCR it.
enum PDFReader {
    /// poppler-glib logs syntax errors through g_log ("Poppler" domain); silenced once.
    private static let silenced: Bool = {
        cpoppler_silence()
        return true
    }()

    static func read(_ bytes: [UInt8], password: String?, limits: DocumentLimits) throws(ParleyError) -> DocumentResult {
        _ = silenced
        let outcome: Result<DocumentResult, ParleyError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(ParleyError) {
                return .success(try read(buffer, password: password, limits: limits))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    private static func read(_ buffer: UnsafeBufferPointer<UInt8>, password: String?, limits: DocumentLimits) throws(ParleyError) -> DocumentResult {
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
            throw ParleyError(.badMedia, "corrupt PDF" + (detail.isEmpty ? "" : ": " + detail))
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
        }
        result.entities = DocumentText.fields(in: result.text, max: limits.maxFields)
        var metadata = JSONObject()
        metadata.append("title", take(poppler_document_get_title(document)))
        metadata.append("author", take(poppler_document_get_author(document)))
        metadata.append("pages", .int(Int64(pageCount)))
        let created = poppler_document_get_creation_date(document)
        metadata.append("creationDate", created > 0 ? .string(iso(Int(created))) : .null)
        result.metadata = metadata
        return result
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
