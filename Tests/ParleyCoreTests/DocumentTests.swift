import Synchronization
import Testing
@testable import ParleyCore
#if canImport(Glibc)
import Glibc
#endif

private func parse(_ name: String, _ options: JSONObject = JSONObject(), settings: DocumentSettings = DocumentSettings()) throws -> DocumentResult {
    try DocumentService(settings: settings).parse(Fixtures.bytes("documents/" + name), options: options)
}

/// The error parsing `bytes` gives (nil when it parses), and how long it took.
private func failure(_ bytes: [UInt8], _ options: JSONObject = JSONObject(), settings: DocumentSettings = DocumentSettings())
    -> (error: ParleyError?, milliseconds: Double)
{
    let clock = ContinuousClock()
    let start = clock.now
    var caught: ParleyError?
    do throws(ParleyError) {
        _ = try DocumentService(settings: settings).parse(bytes, options: options)
    } catch {
        caught = error
    }
    let elapsed = clock.now - start
    return (caught, Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
}

private func o(_ value: JSONValue) -> JSONObject { value.objectValue ?? JSONObject() }

private func fields(_ result: DocumentResult) -> [String: String] {
    var out: [String: String] = [:]
    for e in result.entities where e.type == "field" {
        out[e.value["key"]?.stringValue ?? ""] = e.value["value"]?.stringValue
    }
    return out
}

/// Every entity's offsets slice its own text out of the result's text (Unicode scalars).
private func offsetsHold(_ result: DocumentResult) -> Bool {
    let scalars = Array(result.text.unicodeScalars)
    return result.entities.allSatisfy { e in
        guard e.start >= 0, e.end <= scalars.count, e.start < e.end else { return false }
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[e.start..<e.end])
        return String(s) == e.text
    }
}

@Suite struct DocumentTests {
    // MARK: PDF

    @Test func pdfTextPagesMetadataAndFields() throws {
        let r = try parse("lease.pdf")
        #expect(r.kind == .pdf)
        #expect(r.pages.count == 2)
        #expect(r.pages[0].text.hasPrefix("Tenancy Agreement\nTenant: John Mugisha"))
        #expect(r.pages[1].text.contains("Signed in Kigali on 20 February 2026."))
        #expect(r.text.contains("Rent: RWF 350,000 per month"))
        #expect(r.confidence == 1 && !r.scanned && !r.truncated)
        #expect(r.metadata["title"] == "Tenancy Agreement 4B")
        #expect(r.metadata["author"] == "Kigali Homes Ltd")
        #expect(r.metadata["pages"] == 2)
        #expect(r.metadata["creationDate"] == "2026-02-20T10:00:00Z")
        let f = fields(r)
        #expect(f["Tenant"] == "John Mugisha")
        #expect(f["Unit"] == "4B")
        #expect(f["Rent"] == "RWF 350,000 per month")
        #expect(f["Start date"] == "1 March 2026")
        #expect(f["Deposit"] == "RWF 700,000")
        #expect(f["Tenancy Agreement"] == nil)
        #expect(offsetsHold(r))
        let json = r.json
        #expect(json["entities"] == nil)
        #expect(json["kind"] == "pdf")
        #expect(json["pages"]?[1]?["number"] == 2)
    }

    @Test func pdfPageLimitTruncates() throws {
        let r = try parse("lease.pdf", o(["maxPages": 1]))
        #expect(r.pages.count == 1 && r.truncated)
        #expect(!r.text.contains("Deposit"))
        var settings = DocumentSettings()
        settings.maxPages = 1
        #expect(try parse("lease.pdf", settings: settings).pages.count == 1)
    }

    @Test func scannedPDFHasNoTextAndSaysSo() throws {
        let r = try parse("scanned.pdf")
        #expect(r.text == "" && r.scanned && r.confidence == 0)
        #expect(r.pages.count == 1)
        #expect(r.json["scanned"] == true)
    }

    @Test func scannedPDFIsReadByOCRWithItsReceiptFields() throws {
        let ocr = try OCRService()
        let bytes = Fixtures.bytes("documents/scanned-receipt.pdf")
        let r = try DocumentService(ocr: ocr).parse(bytes)
        #expect(r.scanned && r.ocrPages == 1 && !r.truncated)
        #expect(r.confidence > 0.6)
        #expect(r.text.contains("KIGALI HARDWARE LTD"))
        #expect(r.text.contains("RWF 42,500"))
        #expect(r.pages[0].text == r.text)
        #expect(r.json["ocrPages"] == 1 && r.json["scanned"] == true)
        let byType = Dictionary(r.entities.map { ($0.type, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byType["merchant"]?.text == "KIGALI HARDWARE LTD")
        #expect(byType["receiptDate"]?.value["iso"] == "2026-03-14")
        #expect(byType["receiptTotal"]?.value["amount"] == 42500)
        #expect(byType["receiptTotal"]?.value["currency"] == "RWF")
        #expect(fields(r)["Date"] == "14/03/2026")
        #expect(offsetsHold(r))

        // Without OCR, or with it turned off, a scan stays empty and says so.
        var off = DocumentSettings()
        off.ocrPages = 0
        for service in [try DocumentService(), try DocumentService(settings: off, ocr: ocr)] {
            let unread = try service.parse(bytes)
            #expect(unread.scanned && unread.text == "" && unread.confidence == 0 && unread.ocrPages == 0 && unread.entities.isEmpty)
        }
        // A page that would pass OCR's pixel limit at the configured resolution is rendered
        // smaller, not refused (its image, 1.7 million pixels, is within the limit).
        var small = OCRSettings()
        small.maxPixels = 2_000_000
        var sharp = DocumentSettings()
        sharp.ocrDPI = 600
        let reduced = try DocumentService(settings: sharp, ocr: try OCRService(settings: small)).parse(bytes)
        #expect(reduced.ocrPages == 1 && reduced.text.contains("TOTAL"))
    }

    @Test func aScanHoldingAHugeImageIsRefusedBeforeRendering() throws {
        let ocr = try OCRService()
        let bomb = Fixtures.bytes("documents/image-bomb.pdf")
        let clock = ContinuousClock()
        let start = clock.now
        var caught: ParleyError?
        do throws(ParleyError) {
            _ = try DocumentService(ocr: ocr).parse(bomb)
        } catch {
            caught = error
        }
        #expect(caught?.kind == .tooLarge, "\(String(describing: caught))")
        #expect(caught?.message.contains("100.0 million pixels, over the limit of 40.0 million") == true, "\(caught?.message ?? "")")
        #expect(clock.now - start < .seconds(2), "refused before poppler decodes the image")
        // Without OCR nothing is rendered: the scan is reported as such.
        #expect(try DocumentService().parse(bomb).scanned)
        // The declared sizes, as read from the bytes.
        let receipt = Fixtures.bytes("documents/scanned-receipt.pdf")
        #expect(receipt.withUnsafeBufferPointer { PDFReader.largestImagePixels($0) } == 945 * 1770)
        #expect(Fixtures.bytes("documents/lease.pdf").withUnsafeBufferPointer { PDFReader.largestImagePixels($0) } == 0)
    }

    @Test func bornDigitalLeaseHasNoReceiptFields() throws {
        let r = try parse("lease.pdf")
        #expect(!r.entities.contains { ["merchant", "receiptDate", "receiptTotal", "meterReading"].contains($0.type) })
    }

    @Test func encryptedPDFNeedsItsPassword() throws {
        let bytes = Fixtures.bytes("documents/encrypted.pdf")
        let none = failure(bytes)
        #expect(none.error?.kind == .badMedia)
        #expect(none.error?.message.contains("encrypted PDF") == true)
        #expect(failure(bytes, o(["password": "wrong"])).error?.kind == .badMedia)
        let r = try parse("encrypted.pdf", o(["password": "secret"]))
        #expect(fields(r)["Tenant"] == "John Mugisha")
    }

    @Test func fieldLinesAndWhatIsNotAField() {
        let text = "Tenant: John\nViewing at 10:30 tomorrow\nSee https://example.com\n  Unit : 4B  \n12: twelve\nA very long label with far too many words: x\nEmpty:\n"
        let found = DocumentText.fields(in: text, max: 10)
        #expect(found.map { $0.value["key"]?.stringValue ?? "" } == ["Tenant", "Unit"])
        #expect(found[1].text == "Unit : 4B" && found[1].value["value"] == "4B")
        #expect(DocumentText.fields(in: text, max: 1).count == 1)
    }

    // MARK: XLSX

    @Test func xlsxSheetsStringsNumbersAndDates() throws {
        let r = try parse("lease.xlsx")
        #expect(r.kind == .xlsx)
        #expect(r.sheets.map(\.name) == ["Payments", "Lease & Unit"])
        // As a CSV's: the header row is in "header" only; rows and rowCount are the data rows.
        let rows = r.sheets[0].rows
        #expect(rows[0] == ["2026-03-01", "John Mugisha", 350000, "Paid in full & on time"])
        #expect(rows[0][2] == .int(350000))
        #expect(rows[1] == ["2026-04-01T12:00:00", "Aline <Uwase> ☺", 175000.5, true])
        #expect(rows[2] == ["2026-04-01", nil, nil, "ab", "#DIV/0!"])
        #expect(r.sheets[0].rowCount == 3)
        #expect(r.sheets[0].header == ["Date", "Tenant", "Amount", "Note"])
        // The key-value sheet has no header: all its rows are data.
        #expect(r.sheets[1].header == nil && r.sheets[1].rowCount == r.sheets[1].rows.count)
        #expect(r.text.contains("Date: 2026-03-01; Tenant: John Mugisha; Amount: 350000; Note: Paid in full & on time"))
        // The key-value sheet gives fields; the data table does not.
        let f = fields(r)
        #expect(f == ["Tenant": "John Mugisha", "Rent": "RWF 350,000", "Unit": "4B", "Start date": "2026-03-01"])
        #expect(offsetsHold(r))
        #expect(r.metadata["sheets"] == 2 && r.metadata["date1904"] == false)
    }

    @Test func xlsxRowLimitTruncates() throws {
        // maxRows counts data rows, as for a CSV: the header row is not one of them.
        let r = try parse("lease.xlsx", o(["maxRows": 2]))
        #expect(r.truncated)
        #expect(r.sheets.map(\.rowCount) == [2])
        #expect(r.sheets[0].rows.count == 2 && r.sheets[0].header == ["Date", "Tenant", "Amount", "Note"])
    }

    @Test func excelSerialDatesAndFormats() {
        #expect(XLSXReader.isoDate(serial: 46082, date1904: false) == "2026-03-01")
        #expect(XLSXReader.isoDate(serial: 1, date1904: false) == "1900-01-01")
        #expect(XLSXReader.isoDate(serial: 61, date1904: false) == "1900-03-01")
        #expect(XLSXReader.isoDate(serial: 0, date1904: true) == "1904-01-01")
        #expect(XLSXReader.isoDate(serial: 0.75, date1904: false) == "18:00:00")
        #expect(XLSXReader.isDateFormat("dd/mm/yyyy"))
        #expect(XLSXReader.isDateFormat("[$-409]d-mmm-yy;@"))
        #expect(XLSXReader.isDateFormat("h:mm AM/PM"))
        #expect(!XLSXReader.isDateFormat("#,##0.00"))
        #expect(!XLSXReader.isDateFormat("\"RWF\"\\ #,##0;[Red]\\-\"RWF\"\\ #,##0"))
        #expect(XLSXReader.columnIndex("B3") == 1 && XLSXReader.columnIndex("AA10") == 26)
    }

    // MARK: CSV

    @Test func csvQuotingHeaderAndText() throws {
        let r = try parse("payments.csv")
        #expect(r.kind == .csv && r.delimiter == "," && r.encoding == "utf-8")
        let table = try #require(r.table)
        #expect(table.header == ["Date", "Tenant", "Unit", "Amount", "Note"])
        #expect(table.rowCount == 3)
        #expect(table.rows[0] == ["2026-03-01", "John Mugisha", "4B", "350000", "Paid, in full"])
        #expect(table.rows[1][4] == "Said \"half now\"\nrest on Friday")
        #expect(table.rows[2][4] == "")
        #expect(r.text.hasPrefix("Date: 2026-03-01; Tenant: John Mugisha; Unit: 4B; Amount: 350000; Note: Paid, in full\n"))
        #expect(r.entities.isEmpty)  // no fields per cell of a data table
        #expect(r.json["csv"]?["rowCount"] == 3)
    }

    @Test func csvKeyValueGivesFields() throws {
        let r = try parse("lease-fields.csv")
        #expect(r.delimiter == ";" && r.table?.header == nil)
        #expect(fields(r) == ["Tenant": "John Mugisha", "Rent": "RWF 350,000", "Unit": "4B", "Start date": "1 March 2026"])
        #expect(offsetsHold(r))
    }

    @Test func csvEncodings() throws {
        let latin = try parse("latin1.csv")
        #expect(latin.encoding == "windows-1252" && latin.delimiter == "|")
        #expect(latin.table?.rows[0] == ["René Müller", "350000", "Caution 100 €"])
        let utf16 = try parse("utf16.csv")
        #expect(utf16.encoding == "utf-16le" && utf16.delimiter == "\t")
        #expect(utf16.table?.rows[0] == ["Kéza", "0788123456", "300000"])
        let bom = try parse("utf8-bom.csv")
        #expect(bom.encoding == "utf-8-bom")
        #expect(bom.table?.header == ["Unit", "Tenant", "Rent"])
        #expect(bom.table?.rows[1] == ["5C", "Åsa Lind", "200000"])
        // UTF-16BE with a BOM, semicolons.
        var be: [UInt8] = [0xFE, 0xFF]
        for unit in "Unité;Loyer\n4B;350000\n5C;200000\n".utf16 { be += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        let r = try DocumentService().parse(be, options: JSONObject())
        #expect(r.encoding == "utf-16be" && r.delimiter == ";" && r.table?.header == ["Unité", "Loyer"])
    }

    @Test func csvRowLimitTruncatesInsteadOfFailing() throws {
        var text = "Unit,Tenant,Rent\n"
        for i in 0..<5_000 { text += "U\(i),Tenant \(i),\(100_000 + i)\n" }
        var settings = DocumentSettings()
        settings.maxRows = 1_000
        settings.maxResultRows = 10
        let r = try DocumentService(settings: settings).parse(Array(text.utf8), options: JSONObject())
        #expect(r.truncated && r.table?.rowCount == 1_000 && r.table?.rows.count == 10)
        #expect(r.text.split(separator: "\n").count == 1_000)
    }

    // MARK: Bad input

    @Test func badInputGivesItsKindQuickly() {
        let cases: [(String, [UInt8], ParleyError.Kind)] = [
            ("zero bytes", [], .badMedia),
            ("corrupt PDF", Fixtures.bytes("documents/corrupt.pdf"), .badMedia),
            ("truncated PDF", Fixtures.bytes("documents/truncated.pdf"), .badMedia),
            ("PDF header only", Array("%PDF-".utf8), .badMedia),
            ("truncated XLSX", Fixtures.bytes("documents/truncated.xlsx"), .badMedia),
            ("zip bomb", Fixtures.bytes("documents/bomb.xlsx"), .tooLarge),
            ("zip bomb with a lying header", Fixtures.bytes("documents/bomb-lying.xlsx"), .badMedia),
            ("DOCX", Fixtures.bytes("documents/letter.docx"), .unsupported),
            ("prose", Fixtures.bytes("documents/notes.txt"), .unsupported),
            ("JPEG", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10] + Array("JFIF".utf8), .badMedia),
            ("legacy XLS", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504), .unsupported),
            ("binary", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 7) }, .unsupported),
            ("empty ZIP", [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18), .badMedia),
            ("ZIP header only", [0x50, 0x4B, 0x03, 0x04, 0, 0], .badMedia),
            ("over 50 MB", [UInt8](repeating: 0x41, count: 50 * 1024 * 1024 + 1), .tooLarge),
        ]
        for (name, bytes, kind) in cases {
            let (error, ms) = failure(bytes)
            #expect(error?.kind == kind, "\(name): \(String(describing: error))")
            #expect(ms < 2_000, "\(name) took \(ms) ms")
        }
    }

    @Test func timeLimitGivesTimeout() {
        var text = "Unit,Tenant,Rent\n"
        for i in 0..<60_000 { text += "U\(i),Tenant \(i),\(100_000 + i)\n" }
        var settings = DocumentSettings()
        settings.timeoutMillis = 1
        let (error, ms) = failure(Array(text.utf8), settings: settings)
        #expect(error?.kind == .timeout)
        #expect(ms < 1_000)
    }

    @Test func bombIsRefusedByRatioEvenUnderALargeBudget() {
        var settings = DocumentSettings()
        settings.maxUncompressedBytes = 2 << 30
        let (error, ms) = failure(Fixtures.bytes("documents/bomb.xlsx"), settings: settings)
        #expect(error?.kind == .tooLarge)
        #expect(error?.message.contains("ratio") == true)
        #expect(ms < 1_000)
    }

    @Test func corruptXMLInAWorkbookIsBadMedia() throws {
        // A workbook whose sheet is cut mid-tag: rebuild lease.xlsx's parts with a broken sheet.
        var zip = try ZipArchive(Fixtures.bytes("documents/lease.xlsx"), maxUncompressedBytes: 1 << 20, maxRatio: 1000)
        let sheet = try #require(try zip.read("xl/worksheets/sheet1.xml"))
        var failed: ParleyError?
        do throws(ParleyError) {
            try XMLScanner.scan(Array(sheet.prefix(200)) + Array("<c r=\"A1".utf8)) { _ in true }
        } catch { failed = error }
        #expect(failed?.kind == .badMedia)
    }

    @Test func badOptionsAndSettings() {
        let pdf = Fixtures.bytes("documents/lease.pdf")
        #expect(failure(pdf, o(["maxPages": -1])).error?.kind == .invalidArgument)
        #expect(failure(pdf, o(["password": 5])).error?.kind == .invalidArgument)
        #expect(failure(pdf, o(["colour": "red"])).error?.kind == .invalidArgument)
        #expect(throws: ParleyError.self) { try DocumentSettings(json: o(["maxPages": 0])) }
        #expect(throws: ParleyError.self) { try DocumentSettings(json: o(["pages": 5])) }
        #expect(throws: ParleyError.self) { try DocumentService(instances: 0) }
        let settings = try? DocumentSettings(json: o(["maxPages": 5, "maxRows": 10, "timeoutMillis": 0]))
        #expect(settings?.maxPages == 5 && settings?.maxRows == 10 && settings?.timeoutMillis == 0)
    }

    // MARK: Threads

    @Test func threeThreadsAtOnce() throws {
        let service = try DocumentService(instances: 2)
        let names = ["lease.pdf", "lease.xlsx", "payments.csv"]
        let inputs = names.map { Fixtures.bytes("documents/" + $0) }
        let expected = try inputs.map { try service.parse($0, options: JSONObject()).text }
        let mismatches = Atomic<Int>(0)
        onThreads(3) { index in
            for round in 0..<20 {
                let k = (index + round) % 3
                let text = try? service.parse(inputs[k], options: JSONObject()).text
                if text != expected[k] { mismatches.add(1, ordering: .relaxed) }
            }
        }
        #expect(mismatches.load(ordering: .relaxed) == 0)
    }
}

