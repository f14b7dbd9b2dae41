import COCR
import Testing
@testable import ParleyCore
#if canImport(Glibc)
import Glibc
#endif

/// OCR on Tesseract's own test images (Tests/Fixtures/ocr, Apache 2.0, see LICENSE there):
/// phototest upright, turned left (phototest-rotated-L.png) and as a JPEG stored turned with an
/// EXIF Orientation tag (made by Benchmarks/ocr/compare.py --make-exif), pytesseract's WebP and
/// grey+alpha PNG.
@Suite("OCR")
struct OCRTests {
    static let service: OCRService = {
        do { return try OCRService(settings: OCRSettings(), instances: 2) } catch { fatalError("OCR service: \(error)") }
    }()

    static let phototest = String(decoding: Fixtures.bytes("ocr/phototest.gold.txt"), as: UTF8.self)

    static func characterErrorRate(_ reference: String, _ hypothesis: String) -> Double {
        let r = Array(reference.split(whereSeparator: \.isWhitespace).joined(separator: " ").unicodeScalars)
        let h = Array(hypothesis.split(whereSeparator: \.isWhitespace).joined(separator: " ").unicodeScalars)
        var previous = Array(0...h.count)
        for i in 1...max(1, r.count) where !r.isEmpty {
            var current = [i] + Array(repeating: 0, count: h.count)
            for j in stride(from: 1, through: h.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (r[i - 1] == h[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return Double(previous[h.count]) / Double(max(1, r.count))
    }

    func expectError(_ kind: ParleyError.Kind, _ bytes: [UInt8], options: JSONObject = JSONObject(),
                     service: OCRService = OCRTests.service, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let result = try service.recognize(bytes, options: options)
            Issue.record("expected \(kind), got text \"\(result.text.prefix(40))\"", sourceLocation: sourceLocation)
        } catch {
            #expect(error.kind == kind, "\(error)", sourceLocation: sourceLocation)
            #expect(!error.message.isEmpty, sourceLocation: sourceLocation)
        }
    }

    @Test func readsPhototestUpright() throws {
        let result = try Self.service.recognize(Fixtures.bytes("ocr/phototest.tif"))
        let cer = Self.characterErrorRate(Self.phototest, result.text)
        print("phototest.tif CER \(cer), confidence \(result.confidence), \(result.milliseconds) ms")
        #expect(cer < 0.02)
        #expect(result.confidence > 0.85)
        #expect(result.width == 640 && result.height == 480)
        #expect(result.format == "tiff")
        #expect(result.appliedRotation == 0)
        #expect(result.wordCount == 60)
        let first = try #require(result.words.first)
        #expect(first.text == "This")
        #expect(first.box.x > 20 && first.box.x < 60 && first.box.y > 70 && first.box.y < 120 && first.box.height > 10)
        let json = result.json
        #expect(json["text"]?.stringValue == result.text)
        #expect(json["entities"] == nil)
        #expect(json["attempts"]?.arrayValue?.count == result.attempts.count)
    }

    @Test func detectsAndFixesARotatedPage() throws {
        let result = try Self.service.recognize(Fixtures.bytes("ocr/phototest-rotated-L.png"))
        let cer = Self.characterErrorRate(Self.phototest, result.text)
        print("phototest-rotated-L.png CER \(cer), detected \(result.detectedRotation ?? -1), applied \(result.appliedRotation), attempts \(result.attempts.count)")
        #expect(cer < 0.03)
        #expect(result.detectedRotation == 270)
        #expect(result.appliedRotation == 90)
        #expect(result.attempts.count >= 2)
    }

    /// A page turned a quarter, with no EXIF tag, on which OSD finds too few characters: the
    /// poor first pass gets the quarter turns tried, and the upright one is kept.
    @Test func aTurnedPageOSDCannotPlaceIsTriedInQuarterTurns() throws {
        let result = try Self.service.recognize(Fixtures.bytes("ocr/receipt-turned-no-exif.jpg"))
        #expect(result.appliedRotation % 180 == 90)
        #expect(result.text.contains("NAKUMATT HARDWARE"))
        #expect(result.entities.first { $0.type == "receiptTotal" }?.value["amount"]?.doubleValue == 1_700)
    }

    @Test func appliesEXIFOrientationAndReadsEXIF() throws {
        let result = try Self.service.recognize(Fixtures.bytes("ocr/phototest-exif6.jpg"))
        let cer = Self.characterErrorRate(Self.phototest, result.text)
        print("phototest-exif6.jpg CER \(cer)")
        #expect(cer < 0.03)
        #expect(result.exifOrientation == 6)
        #expect(result.appliedRotation == 90)
        #expect(result.width == 640 && result.height == 480)
        let exif = try #require(result.exif)
        #expect(exif.capturedAt == "2024-03-05T14:22:10+02:00")
        #expect(exif.make == "Parley" && exif.model == "Bench")
        #expect(abs((exif.latitude ?? 0) - -1.943367) < 1e-5)
        #expect(abs((exif.longitude ?? 0) - 30.059167) < 1e-5)
        #expect(exif.altitude == 1567)
        #expect(result.json["exif"]?["gps"]?["latitude"]?.doubleValue != nil)
    }

    @Test func readsWebPAndGreyAlphaPNG() throws {
        let webp = try Self.service.recognize(Fixtures.bytes("ocr/test.webp"))
        #expect(webp.format == "webp")
        #expect(Self.characterErrorRate(Self.phototest, webp.text) < 0.03)
        let la = try Self.service.recognize(Fixtures.bytes("ocr/test_la.png"))
        #expect(la.text == "This is test message")
        // White letters on a transparent sticker are read over black (over white they vanished).
        let sticker = try Self.service.recognize(Fixtures.bytes("ocr/sticker-white-on-transparent.webp"))
        #expect(sticker.text == "THANK YOU")
    }

    /// Leptonica hands back its input as a clone when a step changes nothing (no skew found,
    /// no alpha): each step must leave exactly one reference per image, or every OCR call
    /// leaks the decoded picture.
    @Test func preprocessingKeepsOneReferencePerImage() throws {
        for name in ["ocr/phototest.tif", "ocr/test_la.png", "ocr/phototest-exif6.jpg"] {
            let decoded = try #require(PixImage.decode(Fixtures.bytes(name), format: name.hasSuffix(".jpg") ? .jpeg : .png))
            var images = [decoded]
            let grey = decoded.grayscale()
            images += [grey, grey.deskewed(), grey.deskewed().deskewed(), grey.binarized(), grey.normalized(), grey.scaled(by: 0.5),
                       grey.rotated(quarterTurns: 1), grey.oriented(exif: 6), grey.oriented(exif: 1), grey.inverted()]
            for image in images { #expect(image.referenceCount == 1, "\(name)") }
        }
    }

    // MARK: bad input

    @Test func zeroBytes() { expectError(.badMedia, []) }

    @Test func truncatedImages() {
        let png = Fixtures.bytes("ocr/test_la.png")
        expectError(.badMedia, Array(png.prefix(png.count / 2)))
        expectError(.badMedia, Array(png.prefix(20)))
        let jpeg = Fixtures.bytes("ocr/phototest-exif6.jpg")
        expectError(.badMedia, Array(jpeg.prefix(jpeg.count * 2 / 3)))
        let webp = Fixtures.bytes("ocr/test.webp")
        expectError(.badMedia, Array(webp.prefix(webp.count / 2)))
    }

    @Test func damagedJPEGNeverCrashes() {
        // Noise over the middle of the entropy-coded data, the end-of-image marker kept: libjpeg
        // either works around it (grey stretch) or gives up; both are fine, a crash or a hang is not.
        var jpeg = Fixtures.bytes("ocr/phototest-exif6.jpg")
        var state: UInt64 = 42
        for i in (jpeg.count / 2)..<(jpeg.count / 2 + 300) {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            jpeg[i] = UInt8(truncatingIfNeeded: state >> 33)
        }
        do {
            let result = try Self.service.recognize(jpeg)
            #expect(result.width == 640)
        } catch {
            #expect(error.kind == .badMedia)
        }
    }

    @Test func randomBytesLabelledJPEG() {
        var state: UInt64 = 0x9E3779B97F4A7C15
        let noise = (0..<4096).map { _ -> UInt8 in
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        }
        expectError(.badMedia, noise)
        // JPEG magic bytes, then noise.
        expectError(.badMedia, [0xFF, 0xD8, 0xFF, 0xE0] + noise)
    }

    @Test func decompressionBombIsRefusedBeforeDecoding() {
        // A whole PNG (signature, IHDR, a small IDAT, IEND) whose header claims 100000×100000 pixels:
        // zlib would inflate its few bytes into 10 GB of rows.
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]
        png += [0x00, 0x01, 0x86, 0xA0, 0x00, 0x01, 0x86, 0xA0, 8, 0, 0, 0, 0] + [0, 0, 0, 0]
        png += [0, 0, 0, 8, 0x49, 0x44, 0x41, 0x54, 0x78, 0xDA, 0xED, 0xC1, 0x01, 0x0D, 0x00, 0x00] + [0, 0, 0, 0]
        png += [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]
        expectError(.tooLarge, png)
        // A GIF claiming 65535×65535.
        expectError(.tooLarge, Array("GIF89a".utf8) + [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0] + Array(repeating: 0, count: 20))
    }

    @Test func overMaxBytes() throws {
        var settings = OCRSettings()
        settings.maxBytes = 10_000
        let small = try OCRService(settings: settings, instances: 1)
        expectError(.tooLarge, Fixtures.bytes("ocr/phototest.tif"), service: small)
        expectError(.tooLarge, [UInt8](repeating: 0, count: 20 << 20 + 1))
    }

    @Test func unsupportedFormatsAndBadOptions() {
        expectError(.badMedia, Array("%PDF-1.7\n".utf8) + Array(repeating: 0x20, count: 100))  // not an image
        expectError(.unsupported, [0xFF, 0x4F, 0xFF, 0x51] + Array(repeating: 0, count: 100))  // JPEG 2000: an image not read
        expectError(.invalidArgument, Fixtures.bytes("ocr/test_la.png"), options: object(["colour": true]))
        expectError(.invalidArgument, Fixtures.bytes("ocr/test_la.png"), options: object(["timeLimitMillis": "soon"]))
    }

    @Test func timeLimit() {
        expectError(.timeout, Fixtures.bytes("ocr/phototest.tif"), options: object(["timeLimitMillis": 1]))
    }

    /// Grey noise as a JPEG: its 8×8 blocks look like marks to Tesseract, which spends tens of
    /// seconds finding their "layout" at 12 megapixels and does not heed its deadline while it
    /// does (found with such a photo by Parley's held-out media set).
    static func noiseJPEG(width: Int32, height: Int32) -> [UInt8] {
        guard let pix = pixCreate(width, height, 8) else { return [] }
        var pointer: UnsafeMutablePointer<PIX>? = pix
        defer { pixDestroy(&pointer) }
        let words = Int(pixGetWpl(pix)) * Int(height)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for i in 0..<words {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            pixGetData(pix)[i] = UInt32(truncatingIfNeeded: state >> 29)
        }
        var data: UnsafeMutablePointer<UInt8>?
        var size = 0
        guard pixWriteMemJpeg(&data, &size, pix, 75, 0) == 0, let data else { return [] }
        defer { free(data) }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// A page still being laid out at the time limit is left to Tesseract on a thread of its
    /// own: the call answers PARLEY_TIMEOUT without waiting for it, and the next call gets
    /// another handle rather than waiting for that one (HandlePoolTests: its return).
    @Test func aRecognitionPastTheTimeLimitIsLeftBehind() throws {
        let service = try OCRService(settings: OCRSettings(), instances: 1)
        let phototest = Fixtures.bytes("ocr/phototest.tif")
        _ = try service.recognize(phototest)
        #expect(service.pool.createdCount == 1)
        let noise = Self.noiseJPEG(width: 4000, height: 3000)
        expectError(.timeout, noise, options: object(["timeLimitMillis": 2000, "retry": false, "detectOrientation": false, "deskew": false]), service: service)
        #expect(service.pool.detachedCount == 1)
        let after = try service.recognize(phototest)
        #expect(Self.characterErrorRate(Self.phototest, after.text) < 0.05)
    }

    /// A detached handle is not handed out until reattached; meanwhile another is made (up to
    /// twice the capacity), and the extra one is dropped when it comes back.
    @Test func handlePoolDetachAndReattach() throws {
        final class Handle: Sendable {}
        let pool = HandlePool<Handle>(capacity: 1) { () throws(ParleyError) in Handle() }
        var busy: Handle?
        try pool.withHandle { (handle: Handle) throws(ParleyError) in
            busy = handle
            pool.detach(handle)
        }
        #expect(pool.detachedCount == 1 && pool.createdCount == 1)
        let other = try pool.withHandle { (handle: Handle) throws(ParleyError) in ObjectIdentifier(handle) }
        #expect(other != ObjectIdentifier(busy!) && pool.createdCount == 2)
        pool.reattach(busy!)
        #expect(pool.detachedCount == 0 && pool.createdCount == 1)
        // The kept one is handed out again.
        #expect(try pool.withHandle { (handle: Handle) throws(ParleyError) in ObjectIdentifier(handle) } == other)
    }

    @Test func settingsAndMissingLanguages() throws {
        let settings = try OCRSettings(json: object(["languages": "eng+fra", "maxPixels": 1_000_000, "deskew": false]))
        #expect(settings.languages == "eng+fra" && settings.maxPixels == 1_000_000 && !settings.deskew)
        #expect(throws: ParleyError.self) { try OCRSettings(json: object(["languagez": "eng"])) }
        #expect(throws: ParleyError.self) { try OCRSettings(json: object(["languages": "eng; rm -rf"])) }
        var missing = OCRSettings()
        missing.languages = "eng+xyz"
        do {
            _ = try OCRService(settings: missing)
            Issue.record("a missing language must be refused")
        } catch {
            #expect(error.kind == .invalidConfig)
            #expect(error.message.contains("xyz.traineddata"))
        }
    }

    // MARK: concurrency

    @Test func fourThreadsOnTwoInstances() throws {
        let service = try OCRService(settings: OCRSettings(), instances: 2)
        let image = Fixtures.bytes("ocr/test_la.png")
        final class Box: @unchecked Sendable { var texts = [String](repeating: "", count: 4) }
        let box = Box()
        var threads: [pthread_t] = []
        struct Job { let service: OCRService; let image: [UInt8]; let box: Box; let index: Int }
        for i in 0..<4 {
            let job = Unmanaged.passRetained(JobBox(Job(service: service, image: image, box: box, index: i) as Any)).toOpaque()
            var thread = pthread_t()
            let rc = pthread_create(&thread, nil, { raw in
                let jobBox = Unmanaged<JobBox>.fromOpaque(raw!).takeRetainedValue()
                let job = jobBox.value as! Job
                let text = (try? job.service.recognize(job.image).text) ?? "failed"
                job.box.texts[job.index] = text
                return nil
            }, job)
            #expect(rc == 0)
            threads.append(thread)
        }
        for thread in threads { pthread_join(thread, nil) }
        #expect(box.texts == Array(repeating: "This is test message", count: 4))
        #expect(service.pool.createdCount <= 2)
    }

    // MARK: receipt fields and meter readings (on OCR-like text)

    @Test func receiptFields() throws {
        let text = """
            SUPERMARCHE KIGALI HEIGHTS
            KG 7 Ave, Kigali
            Date: 14/03/2024 18:42
            Milk 2L          2,400
            Bread            1,200
            SUBTOTAL         3,600
            TOTAL RWF        3,600.00
            CASH             5,000
            """
        let entities = ReceiptFields.extract(text)
        let merchant = try #require(entities.first { $0.type == "merchant" })
        #expect(merchant.text == "SUPERMARCHE KIGALI HEIGHTS")
        #expect(merchant.source == .pattern)
        let date = try #require(entities.first { $0.type == "receiptDate" })
        #expect(date.value["iso"]?.stringValue == "2024-03-14")
        let total = try #require(entities.first { $0.type == "receiptTotal" })
        #expect(total.value["amount"]?.doubleValue == 3600)
        #expect(total.value["currency"]?.stringValue == "RWF")
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[total.start..<total.end])) == total.text)
        #expect(String(String.UnicodeScalarView(scalars[merchant.start..<merchant.end])) == merchant.text)

        let us = ReceiptFields.extract("Joe's Diner\nMar 5, 2024\nBurger 12.50\nTax 1.10\nAmount due $13.60\nVISA ****1234")
        #expect(us.first { $0.type == "merchant" }?.text == "Joe's Diner")
        #expect(us.first { $0.type == "receiptDate" }?.value["iso"]?.stringValue == "2024-03-05")
        let usTotal = try #require(us.first { $0.type == "receiptTotal" })
        #expect(usTotal.value["amount"]?.doubleValue == 13.6)
        #expect(usTotal.value["currency"]?.stringValue == "USD")

        let euro = ReceiptFields.extract("Boulangerie Paul\n12.03.2024\nTOTAL TTC 7,80 €")
        #expect(euro.first { $0.type == "receiptTotal" }?.value["amount"]?.doubleValue == 7.8)
        #expect(euro.first { $0.type == "receiptTotal" }?.value["currency"]?.stringValue == "EUR")

        // Currencies without cents: a total grouped in thousands, not a date or a code.
        let rwf = ReceiptFields.extract("KIGALI HEIGHTS LTD\nRent, Unit 4B 350,000\nTOTAL RWF 377,500\nRef 12,34,5")
        #expect(rwf.first { $0.type == "receiptTotal" }?.value["amount"]?.doubleValue == 377_500)
        #expect(rwf.first { $0.type == "receiptTotal" }?.value["currency"]?.stringValue == "RWF")
        #expect(ReceiptFields.lastAmount(Array("1.250.000".unicodeScalars))?.0 == 1_250_000)
        #expect(ReceiptFields.lastAmount(Array("12,34,5".unicodeScalars)) == nil)
    }

    // Layouts printed by point-of-sale systems: a trading name above the registered one, greetings,
    // dates in codes, several lines worded "total" of which one is the amount paid.
    /// A payment confirmation (mobile money, bank SMS) names the amount paid after "sent",
    /// "paid", "transferred"…: that is its total, not the fee, the balance left, or a time.
    @Test func paymentConfirmationsTotalTheAmountPaid() {
        let cases: [(String, Double, String)] = [
            ("Confirmed. RWF 150,000 sent to KAMANZI JEAN 0788123456 on 12/3/26 at 5:42 PM. New balance RWF 12,340.", 150_000, "RWF"),
            ("RCK4H7ZT2Q Confirmed.\nKsh32,500.00 paid to SUNRISE\nAPARTMENTS LTD. for account B12\non 5/3/26 at 1:29 PM New M-PESA\nbalance is Ksh1,204.50. Transaction\ncost, Ksh0.00.", 32_500, "KES"),
            ("TID: PP260214.2016.K55821. You\nhave sent UGX 450,000 to OKELLO\nPETER 0752987654 on 14-02-2026\n20:16. Charge UGX 1,500. Bal UGX\n37,200.", 450_000, "UGX"),
            ("You have transferred 85,000 RWF to UWASE ALINE (250781234567) at 2026-03-01 09:04:51. Fee was 100 RWF. Your new balance: 12,340 RWF.", 85_000, "RWF"),
        ]
        for (text, amount, currency) in cases {
            let total = ReceiptFields.extract(text).first { $0.type == "receiptTotal" }
            #expect(total?.value["amount"]?.doubleValue == amount, "\(text.prefix(30))")
            #expect(total?.value["currency"]?.stringValue == currency, "\(text.prefix(30))")
        }
        // Thousands split by the OCR ("26, 300") are one total; a date or a price before is not joined.
        for (line, amount) in [("TOTAL RWF 26, 300", 26_300.0), ("TOTAL 26 300", 26_300), ("TOTAL 1.5 300", 300), ("TOTAL 300", 300), ("TOTAL 12.50", 12.5)] {
            #expect(ReceiptFields.extract("SHOP\n\(line)").first { $0.type == "receiptTotal" }?.value["amount"]?.doubleValue == amount, "\(line)")
        }
        // A meter's serial number is not a reading; its reading is.
        #expect(ReceiptFields.extract("PREPAID METER No. 04216635").filter { $0.type == "meterReading" }.isEmpty)
        #expect(ReceiptFields.extract("Meter S/N: 58812345\nReading 04527 kWh").filter { $0.type == "meterReading" }.map(\.text) == ["04527 kWh"])
        // A currency code as till print is misread ("RWE" for RWF) on a total's line.
        for (line, code) in [("TOTAL RWE 25,000", "RWF"), ("TOTAL RVVF 25,000", "RWF"), ("TOTAL USO 12.50", "USD"), ("TOTAL 25,000", nil)] {
            #expect(ReceiptFields.extract("SHOP\n\(line)").first { $0.type == "receiptTotal" }?.value["currency"]?.stringValue == code, "\(line)")
        }
        // A total line without its amount: the OCR lost it.
        #expect(ReceiptFields.lostTotal("SIMBA\nRICE 5KG\nTOTAL RWF\nCASH\nThank you"))
        #expect(!ReceiptFields.lostTotal("SIMBA\nRICE 5KG 12,000\nTOTAL RWF 12,000"))
        #expect(!ReceiptFields.lostTotal("Subtotal\nthanks"))
        // A receipt's own TOTAL line still wins over words like "paid".
        let receipt = "SUNRISE MART\nMilk 1,200\nBread 800\nTOTAL RWF 2,000\nCash paid RWF 5,000\nChange RWF 3,000"
        #expect(ReceiptFields.extract(receipt).first { $0.type == "receiptTotal" }?.value["amount"]?.doubleValue == 2_000)
    }

    /// A till receipt whose amount column the automatic layout (psm 3) drops, confidently: the
    /// lost total asks for another pass, and one block (psm 6) that keeps it is chosen.
    @Test func aReceiptWhoseAmountsWereDroppedIsReadAgain() throws {
        let result = try Self.service.recognize(Fixtures.bytes("ocr/receipt-thermal-lowres.jpg"))
        let total = result.entities.first { $0.type == "receiptTotal" }
        #expect(total?.value["amount"]?.doubleValue == 26_300)
        #expect(result.attempts.count >= 2)
    }

    /// A prepaid meter's LCD (italic seven-segment digits), which Tesseract does not read at
    /// all: the display's reading is a line of the text and a meterReading; the meter's serial
    /// number ("METER No. 04216635") is not a reading.
    @Test func aSevenSegmentMeterDisplayIsRead() throws {
        let result = try Self.service.recognize(Fixtures.bytes("ocr/meter-lcd-italic.jpg"))
        #expect(result.text.hasSuffix("\n2046.75"))
        let readings = result.entities.filter { $0.type == "meterReading" }
        #expect(readings.count == 1)
        let reading = try #require(readings.first)
        #expect(reading.text == "2046.75" && reading.value["value"]?.doubleValue == 2046.75 && reading.value["display"]?.stringValue == "seven-segment")
        #expect(Array(result.text.unicodeScalars)[reading.start..<reading.end].map(String.init).joined() == "2046.75")
        // Print is not a display: letters ("is is") read as 1515 once.
        for name in ["ocr/test_la.png", "ocr/phototest.tif", "ocr/receipt-thermal-lowres.jpg", "ocr/no-text-tiles.jpg"] {
            let other = try Self.service.recognize(Fixtures.bytes(name))
            #expect(!other.entities.contains { $0.value["display"] != nil }, "\(name)")
        }
    }

    /// A decimal point drawn close enough to touch the next digit joins it in one blob: read
    /// as the digit with the point before it, not a blob that is no digit (no reading).
    @Test func aDecimalPointTouchingTheNextDigitIsRead() throws {
        let result = try Self.service.recognize(Fixtures.bytes("ocr/meter-lcd-point.jpg"))
        let readings = result.entities.filter { $0.type == "meterReading" }
        #expect(readings.map(\.text) == ["3.0571"])
        #expect(readings.first?.value["value"]?.doubleValue == 3.0571)
    }

    /// WhatsApp's animated stickers are animated WebP, which Leptonica's reader refuses: the
    /// middle frame is read (the first of this one is blank, as a sticker fading in).
    @Test func anAnimatedStickerIsReadByItsMiddleFrame() throws {
        let result = try Self.service.recognize(Fixtures.bytes("ocr/sticker-animated.webp"))
        #expect(result.text == "SEE YOU")
        #expect(result.format == "webp" && result.width == 512 && result.height == 512)
        // Cut short, it is a clear bad-media error, as a still WebP is.
        expectError(.badMedia, Array(Fixtures.bytes("ocr/sticker-animated.webp").prefix(600)))
    }

    /// A photo with no text (bathroom tiles): what one block or sparse text make of its texture
    /// is noise, not text — nothing is given, and no entities come of it.
    @Test func aPhotoWithoutTextGivesNoText() throws {
        let result = try Self.service.recognize(Fixtures.bytes("ocr/no-text-tiles.jpg"))
        #expect(result.text.isEmpty && result.words.isEmpty && result.wordCount == 0)
        #expect(result.entities.isEmpty)
        #expect(result.confidence == 0)
        #expect(result.attempts.count >= 2 && result.attempts.allSatisfy { !$0.foundText })
    }

    /// The same photo at 2400×1800 (a large photo): the passes that look for text come first and,
    /// finding none, one block (slow on a large photo, and noise here) is not tried.
    @Test func aLargePhotoWithoutTextSkipsTheSingleBlockPass() throws {
        let tiles = Fixtures.bytes("ocr/no-text-tiles.jpg")
        var pix = tiles.withUnsafeBufferPointer { pixReadMem($0.baseAddress, $0.count) }
        var large = pixScale(pix, 2, 2)
        defer { pixDestroy(&pix); pixDestroy(&large) }
        var data: UnsafeMutablePointer<UInt8>?
        var size = 0
        try #require(large != nil && pixWriteMemJpeg(&data, &size, large, 75, 0) == 0 && data != nil)
        defer { free(data) }
        let result = try Self.service.recognize(Array(UnsafeBufferPointer(start: data, count: size)))
        #expect(result.text.isEmpty && result.entities.isEmpty)
        #expect(!result.attempts.contains { $0.pageSegmentation == 6 })
        #expect(result.attempts.contains { $0.pageSegmentation == 11 })
    }

    /// Faded thermal print (grey letters on grey paper, noise): Tesseract's own threshold loses
    /// every letter; evened out and stretched ("normalized") it reads.
    @Test func fadedPrintIsReadOnceNormalized() throws {
        let result = try Self.service.recognize(Fixtures.bytes("ocr/faded-receipt.jpg"))
        #expect(result.text.contains("GREEN HILLS HARDWARE") && result.text.contains("Kimihurura"))
        #expect(result.attempts[result.chosenAttempt].preprocessing == "normalized")
        #expect(result.entities.contains { $0.type == "merchant" && $0.text == "GREEN HILLS HARDWARE" })
    }

    /// Lines with no word read with confidence are noise from around the text (a sign read in a
    /// photo of a room): dropped from the text and the words; a faded line of real words stays,
    /// and a page with no noise keeps Tesseract's own text (nil).
    @Test func noiseLinesAroundTextAreDropped() throws {
        func word(_ text: String, _ confidence: Double) -> OCRWord { OCRWord(text: text, confidence: confidence, box: (0, 0, 1, 1)) }
        let words = [word("|", 0.93), word("if:", 0.54), word("—", 0.58),        // noise
                     word("AS", 0.51), word(")", 0.02), word("2", 0.28),          // noise
                     word("FLAT", 0.96), word("4B", 0.97),
                     word("No", 0.97), word("parking", 0.96), word("here", 0.97),
                     word("CASH", 0.52), word("10,000", 0.5)]                    // faded, real
        let lines = [Recognition.Line(start: 0, opensParagraph: true), .init(start: 3, opensParagraph: false),
                     .init(start: 6, opensParagraph: true), .init(start: 8, opensParagraph: true), .init(start: 11, opensParagraph: false)]
        let kept = try #require(Recognition.withoutNoiseLines(words, lines))
        #expect(kept.text == "FLAT 4B\n\nNo parking here\nCASH 10,000")
        #expect(kept.words.map(\.text) == ["FLAT", "4B", "No", "parking", "here", "CASH", "10,000"])
        #expect(Recognition.withoutNoiseLines(Array(words[6...]), [.init(start: 0, opensParagraph: true), .init(start: 2, opensParagraph: true),
                                                                   .init(start: 5, opensParagraph: false)]) == nil)
    }

    /// Noise scores below a short line read with confidence, however many letters the noise has.
    @Test func passScoreWeighsConfidenceOverLength() {
        func words(_ list: [(String, Double)]) -> [OCRWord] { list.map { OCRWord(text: $0.0, confidence: $0.1, box: (0, 0, 1, 1)) } }
        let line = OCRAttempt.score(words([("FLAT", 0.96), ("4B", 0.95), ("No", 0.96), ("parking", 0.97), ("here", 0.96)]))
        let noise = OCRAttempt.score(words(Array(repeating: [("ee", 0.31), ("Bs", 0.16), ("a", 0.45), ("28", 0.8), ("Tee", 0.41)], count: 30).flatMap { $0 }))
        #expect(line.score > 15 && line.confidentWords == 5)
        #expect(noise.score < line.score)
        let lineAttempt = OCRAttempt(pageSegmentation: 3, preprocessing: "none", rotation: 0, confidence: 0.96, characters: 19,
                                     milliseconds: 0, score: line.score, confidentWords: line.confidentWords)
        let noiseAttempt = OCRAttempt(pageSegmentation: 6, preprocessing: "none", rotation: 0, confidence: 0.45, characters: 450,
                                      milliseconds: 0, score: noise.score, confidentWords: noise.confidentWords)
        #expect(lineAttempt.foundText && !noiseAttempt.foundText)
    }

    @Test func receiptFieldsOnPrintedLayouts() throws {
        let text = """
            BLUE KETTLE CAFE
            HARBOUR FOODS SDN. BHD. (204518-K)
            12 Jalan Murni, 50450 Kuala Lumpur
            Order: KT-03/02/19-5531
            Date: 04-FEB-2019 10:15
            Flat white       1     9.50
            Scone            2    11.00
            Total qty: 3
            Total excl. tax        19.34
            Total tax              1.16
            Total saving: 0.50     Total 20.50
            Tax 6% included in total  1.16
            Tax summary
            Rate   Net     Tax
            6%     19.34   1.16
            Total  19.34   1.16
            """
        let entities = ReceiptFields.extract(text)
        #expect(entities.first { $0.type == "merchant" }?.text == "HARBOUR FOODS SDN. BHD.")
        #expect(entities.first { $0.type == "receiptDate" }?.value["iso"]?.stringValue == "2019-02-04")
        let total = try #require(entities.first { $0.type == "receiptTotal" })
        #expect(total.value["amount"]?.doubleValue == 20.5)
        #expect(total.text == "20.50")

        // A greeting is not the name; without a registered name the first name line stays.
        let greeted = ReceiptFields.extract("*** Thank you for visiting! ***\nNorth Pier Books Ltd\nTOTAL 8.00")
        #expect(greeted.first { $0.type == "merchant" }?.text == "North Pier Books Ltd")
        let plain = ReceiptFields.extract("Welcome\nRosa's Deli\nPINE STREET MARKET\n7 Aug 19 18:02\nTOTAL 8.00")
        #expect(plain.first { $0.type == "merchant" }?.text == "Rosa's Deli")
        #expect(plain.first { $0.type == "receiptDate" }?.value["iso"]?.stringValue == "2019-08-07")

        // A count of items is not money, an amount named with a count is; a labelled field names someone else.
        let counted = ReceiptFields.extract("Lakeside Market\nGrand total (3 items) 12.50\nTotal qty: 3")
        #expect(counted.first { $0.type == "receiptTotal" }?.value["amount"]?.doubleValue == 12.5)
        let billed = ReceiptFields.extract("Greenway Print Shop\nBill to: Delta Logistics Ltd\nTOTAL 40.00")
        #expect(billed.first { $0.type == "merchant" }?.text == "Greenway Print Shop")

        // A credit note's total is negative; the amount may sit alone on the next line, but not in a table row.
        let refund = ReceiptFields.extract("CREDIT NOTE\nTotal refund:\n-12.50\nCash")
        #expect(refund.first { $0.type == "receiptTotal" }?.value["amount"]?.doubleValue == -12.5)
        #expect(ReceiptFields.holdsOnlyAmount(ReceiptFields.lines("RM 98.00")[0]))
        #expect(!ReceiptFields.holdsOnlyAmount(ReceiptFields.lines("Tea 2 4.00")[0]))
        // A rate is not an amount, nor the hour after a day and month a year.
        #expect(ReceiptFields.lastAmount(Array("TOTAL INCL VAT 20%".unicodeScalars)) == nil)
        #expect(ReceiptFields.wordDate(Array("12 Mar 18:30".unicodeScalars), 3) == nil)
    }

    @Test func meterReadings() throws {
        let electricity = ReceiptFields.extract("ELECTRICITY METER\n0 4 5 6 7 8 kWh")
        let reading = try #require(electricity.first { $0.type == "meterReading" })
        #expect(reading.value["reading"]?.stringValue == "045678")
        #expect(reading.value["unit"]?.stringValue == "kWh")
        let water = ReceiptFields.extract("Water meter index: 01234.56 m3")
        #expect(water.first { $0.type == "meterReading" }?.value["value"]?.doubleValue == 1234.56)
        #expect(water.first { $0.type == "meterReading" }?.value["unit"]?.stringValue == "m³")
        // Ordinary text has none of these.
        #expect(ReceiptFields.extract("The quick brown dog jumped over the lazy fox.").isEmpty)
        #expect(ReceiptFields.extract("").isEmpty)
        #expect(ReceiptFields.extract(String(repeating: "🙂\u{200D}", count: 1000)).isEmpty)
    }
}

private func object(_ value: JSONValue) -> JSONObject { value.objectValue ?? JSONObject() }

private final class JobBox {
    let value: Any
    init(_ value: Any) { self.value = value }
}
