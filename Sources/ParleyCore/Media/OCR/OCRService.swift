import COCR
#if canImport(Glibc)
import Glibc
#endif

/// Text from images with Tesseract 5 linked natively. Thread-safe: each call takes one of at
/// most `instances` pooled Tesseract handles (made on first need), so calls on different
/// threads recognize in parallel; a call beyond waits for a free handle.
///
/// A call: size limit → magic bytes and header dimensions (decompression bombs refused before
/// decoding) → EXIF → decode (Leptonica) → grey, EXIF orientation, upscale tiny images, deskew →
/// recognition with a deadline → when the result is near-empty or unsure: orientation detection
/// (Tesseract OSD) and a pass on the page turned upright, then passes with one block, sparse text,
/// ×2 pixels for small text, normalized (faded print), binarized, inverted — the best kept by
/// confidence-weighted length (`OCRAttempt.score`), none when no pass read text → receipt
/// fields and meter readings.
public final class OCRService: Sendable {
    public let settings: OCRSettings
    public let instances: Int
    let pool: TesseractPool

    public init(settings: OCRSettings = OCRSettings(), instances: Int = 1) throws(ParleyError) {
        guard (1...256).contains(instances) else { throw ParleyError(.invalidConfig, "OCR instances must be between 1 and 256, got \(instances)") }
        guard OCRSettings.validLanguages(settings.languages) else {
            throw ParleyError(.invalidConfig, "ocr.languages must be Tesseract language codes joined by \"+\", got \"\(settings.languages)\"")
        }
        let tessdata = try TesseractPool.tessdataDirectory(configured: settings.tessdataPath, languages: settings.languages)
        self.settings = settings
        self.instances = instances
        pool = TesseractPool(capacity: instances, tessdata: tessdata, languages: settings.languages)
    }

    /// The tessdata directory in use.
    public var tessdataPath: String { pool.tessdata }

    public func recognize(_ bytes: [UInt8], options: JSONObject = JSONObject()) throws(ParleyError) -> OCRResult {
        let clock = ContinuousClock()
        let started = clock.now
        let startedCPU = threadCPUMilliseconds()
        let settings = try self.settings.applying(options: options)

        guard bytes.count <= settings.maxBytes else {
            throw ParleyError(.tooLarge, "the image is \(bytes.count) bytes, over the limit of \(settings.maxBytes) (ocr.maxBytes)")
        }
        let header = try ImageHeader.read(bytes)
        guard header.width > 0, header.height > 0 else {
            throw ParleyError(.badMedia, "the \(header.format.rawValue.uppercased()) header gives no size (\(header.width)×\(header.height))")
        }
        guard header.width <= 100_000, header.height <= 100_000, header.width * header.height <= settings.maxPixels else {
            throw ParleyError(.tooLarge, "the image claims \(header.width)×\(header.height) pixels, over the limit of \(settings.maxPixels) (ocr.maxPixels)")
        }
        let exif = header.exif.flatMap { EXIFMetadata.read(bytes, $0) }

        TesseractHandle.silence
        let decodeStart = clock.now
        guard let decoded = PixImage.decode(bytes, format: header.format) else {
            throw ParleyError(.badMedia, "the \(header.format.rawValue.uppercased()) image cannot be decoded (truncated or corrupt)")
        }
        guard decoded.width > 0, decoded.height > 0, decoded.width * decoded.height <= settings.maxPixels else {
            throw ParleyError(.tooLarge, "the decoded image is \(decoded.width)×\(decoded.height) pixels, over the limit of \(settings.maxPixels)")
        }
        // Leptonica applies a TIFF's own orientation tag when it decodes; for the others it is ours to apply.
        return try recognize(decoded, format: header.format.rawValue, exif: exif, applyOrientation: header.format != .tiff,
                             settings: settings, started: started, startedCPU: startedCPU, decodeTime: clock.now - decodeStart)
    }

    /// A page already in pixels, `width` × `height` bytes of 8-bit grey (a scanned PDF's page
    /// as poppler renders it): the same passes as an image file, `format` "pdf".
    func recognize(gray: UnsafeBufferPointer<UInt8>, width: Int, height: Int, options: JSONObject = JSONObject()) throws(ParleyError) -> OCRResult {
        let started = ContinuousClock.now
        let startedCPU = threadCPUMilliseconds()
        let settings = try self.settings.applying(options: options)
        guard width > 0, height > 0, gray.count >= width * height else {
            throw ParleyError(.invalidArgument, "the page's pixels do not match its size (\(width)×\(height))")
        }
        guard width * height <= settings.maxPixels else {
            throw ParleyError(.tooLarge, "the page is \(width)×\(height) pixels, over the limit of \(settings.maxPixels) (ocr.maxPixels)")
        }
        TesseractHandle.silence
        guard let pix = cocr_pix_from_gray(gray.baseAddress, Int32(width), Int32(height)) else {
            throw ParleyError(.tooLarge, "no memory for a \(width)×\(height) page")
        }
        return try recognize(PixImage(pix), format: "pdf", exif: nil, applyOrientation: false,
                             settings: settings, started: started, startedCPU: startedCPU, decodeTime: .zero)
    }

    private func recognize(_ decoded: PixImage, format: String, exif: EXIFMetadata?, applyOrientation: Bool, settings: OCRSettings,
                           started: ContinuousClock.Instant, startedCPU: Double, decodeTime: Duration) throws(ParleyError) -> OCRResult {
        let clock = ContinuousClock()
        let deadline = started + .milliseconds(settings.timeLimitMillis)
        var image = decoded.grayscale()
        var applied = 0
        if let orientation = exif?.orientation, applyOrientation, orientation != 1 {
            image = image.oriented(exif: orientation)
            applied = [0, 0, 0, 180, 0, 270, 90, 90, 270][orientation]
        }
        let width = image.width, height = image.height
        var scale: Float = 1
        if settings.upscaleBelowWidth > 0, image.width < settings.upscaleBelowWidth {
            let wanted = min(4, (Float(settings.upscaleBelowWidth) / Float(max(1, image.width))).rounded(.up))
            let room = (Float(settings.maxPixels) / Float(width * height)).squareRoot()
            scale = min(wanted, max(1, room.rounded(.down)))
            if scale > 1 { image = image.scaled(by: scale) }
        }
        if settings.deskew { image = image.deskewed() }

        return try pool.withHandle { (handle) throws(ParleyError) -> OCRResult in
            var run = Recognition(handle: handle, pool: pool, deadline: deadline)
            try run.pass(image, scale: scale, rotation: 0, psm: PSM_AUTO, psmNumber: 3, preprocessing: "none")

            // Orientation, only when the first pass is poor (an upright page costs nothing more):
            // Tesseract's OSD says how far the page is turned.
            var detected: Int?
            var detectedConfidence: Double?
            var upright = image
            var rotation = 0
            if settings.detectOrientation, run.needsRetry(below: settings.retryBelowConfidence), let osd = handle.osd {
                let osdStart = clock.now
                TessBaseAPISetPageSegMode(osd, PSM_OSD_ONLY)
                TessBaseAPISetImage2(osd, image.pix)
                var degrees: Int32 = 0
                var confidence: Float = 0
                var script: UnsafePointer<CChar>?
                var scriptConfidence: Float = 0
                let found = TessBaseAPIDetectOrientationScript(osd, &degrees, &confidence, &script, &scriptConfidence) != 0
                // `script` points into the OSD model's tables (not to be freed, whatever capi.h says).
                TessBaseAPIClear(osd)
                run.orientationTime += clock.now - osdStart
                if found {
                    detected = Int(degrees)
                    detectedConfidence = Double(confidence)
                    if degrees % 90 == 0, degrees != 0, confidence >= 1.5 {
                        // OSD gives the page's counter-clockwise turn: turning it back is clockwise by the rest.
                        rotation = 360 - Int(degrees)
                        upright = image.rotated(quarterTurns: rotation / 90)
                        do throws(ParleyError) {
                            try run.pass(upright, scale: scale, rotation: rotation, psm: PSM_AUTO, psmNumber: 3, preprocessing: "rotated")
                        } catch {
                            if error.kind != .timeout || run.best == nil { throw error }
                        }
                    }
                }
            }

            // OSD needs letters it can place ("too few characters"): when it found no turn and
            // the first pass read text poorly, the three quarter turns are tried instead.
            if settings.detectOrientation, rotation == 0, detectedConfidence ?? 0 < 1.5,
               let first = run.best, first.attempt.characters >= 20, first.attempt.confidence < 0.6 {
                for turn in [1, 3, 2] {
                    guard clock.now < deadline else { break }
                    let turned = image.rotated(quarterTurns: turn)
                    let before = run.bestIndex
                    do throws(ParleyError) {
                        try run.pass(turned, scale: scale, rotation: turn * 90, psm: PSM_AUTO, psmNumber: 3, preprocessing: "rotated")
                    } catch {
                        if error.kind == .timeout && run.best != nil { break }
                        throw error
                    }
                    if run.bestIndex != before { (upright, rotation) = (turned, turn * 90) }
                    if !run.needsRetry(below: settings.retryBelowConfidence) { break }
                }
            }

            if settings.retry {
                var plan: [(name: String, psm: TessPageSegMode, number: Int, make: () -> PixImage, scale: Float)] = [
                    ("none", PSM_SINGLE_BLOCK, 6, { upright }, scale),
                    ("none", PSM_SPARSE_TEXT, 11, { upright }, scale),
                ]
                // Small text: twice the pixels (when the image was not upscaled already and there is room).
                if scale == 1, Float(width * height) * 4 <= Float(settings.maxPixels), run.medianWordHeight < 20 {
                    plan.append(("upscaled", PSM_AUTO, 3, { upright.scaled(by: 2) }, 2))
                }
                plan.append(("normalized", PSM_AUTO, 3, { upright.normalized() }, scale))
                plan.append(("binarized", PSM_AUTO, 3, { upright.binarized() }, scale))
                plan.append(("inverted", PSM_AUTO, 3, { upright.inverted() }, scale))
                // Nothing read yet: the page may hold no text (a photo of a leak, a room). One
                // block (psm 6) makes text of any texture, slowly on a large photo (10 s at 12 MP),
                // so there the passes that look for text come first, and one block and ×2 pixels
                // follow only once one of them has read some. Up to a WhatsApp photo's standard
                // size (1600 px a side, ~2 MP) one block costs under a second and stays first:
                // it reads what the others miss (a meter's digits on a dark panel).
                let deferOnlyText = !run.anyFoundText && width * height > 2_500_000
                func onlyOnText(_ pass: (name: String, psm: TessPageSegMode, number: Int, make: () -> PixImage, scale: Float)) -> Bool {
                    deferOnlyText && (pass.number == 6 || pass.name == "upscaled")
                }
                plan = plan.filter { !onlyOnText($0) } + plan.filter(onlyOnText)
                for pass in plan {
                    guard run.needsRetry(below: settings.retryBelowConfidence), clock.now < deadline else { break }
                    if onlyOnText(pass) && !run.anyFoundText { break }
                    let (name, psm, number, make, passScale) = pass
                    // A retry that runs out of time leaves the best result so far (the first pass's at least).
                    do throws(ParleyError) {
                        try run.pass(make(), scale: passScale, rotation: rotation, psm: psm, psmNumber: number, preprocessing: name)
                    } catch {
                        if error.kind == .timeout && run.best != nil { break }
                        throw error
                    }
                }
            }

            // No pass read text: what any of them made of the texture is not given as text.
            let best = run.best!.attempt.foundText ? run.best! : Recognition.Pass(text: "", words: [], attempt: run.best!.attempt)
            var text = best.text
            var entities = ReceiptFields.extract(text)
            var confidence = text.isEmpty ? 0 : best.words.reduce(0) { $0 + $1.confidence } / Double(max(1, best.words.count))
            // A seven-segment display (a meter's LCD), which Tesseract does not read: its reading
            // is a line of the text and a meterReading.
            let printed = best.words.filter { $0.confidence >= 0.65 }.map { w in
                SevenSegment.Box(x: Int(Float(w.box.x) * scale), y: Int(Float(w.box.y) * scale), w: Int(Float(w.box.width) * scale), h: Int(Float(w.box.height) * scale))
            }
            if let display = SevenSegment.read(upright, printed: printed), !text.contains(display.text) {
                if text.isEmpty { confidence = SevenSegment.confidence }
                let start = text.unicodeScalars.count + (text.isEmpty ? 0 : 1)
                text += (text.isEmpty ? "" : "\n") + display.text
                entities.append(SevenSegment.entity(display, start: start, unitFrom: text))
            }
            var result = OCRResult(
                text: text, confidence: confidence, entities: entities,
                words: Array(best.words.prefix(settings.maxWords)), wordCount: best.words.count,
                width: width, height: height, exifOrientation: exif?.orientation,
                detectedRotation: detected, detectedRotationConfidence: detectedConfidence,
                appliedRotation: (applied + best.attempt.rotation) % 360,
                exif: exif, format: format,
                attempts: run.attempts, chosenAttempt: run.bestIndex,
                milliseconds: 0, recognizeMilliseconds: run.recognizeTime.milliseconds,
                orientationMilliseconds: run.orientationTime.milliseconds, decodeMilliseconds: decodeTime.milliseconds,
                cpuMilliseconds: 0, recognizeCPUMilliseconds: run.recognizeCPU)
            result.milliseconds = (clock.now - started).milliseconds
            result.cpuMilliseconds = threadCPUMilliseconds() - startedCPU
            return result
        }
    }
}

/// CPU time the calling thread has used.
func threadCPUMilliseconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1e6
}

extension Duration {
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}

/// The passes of one call on one handle, and the best so far.
struct Recognition {
    struct Pass {
        var text: String
        var words: [OCRWord]
        var attempt: OCRAttempt
        /// A receipt's total line came out without its amount (psm 3 drops the right-hand
        /// column of some thermal receipts; one block, psm 6, keeps it).
        var lostTotal = false

        /// The attempt's score, lowered for a lost total so that a pass that kept it wins.
        var rank: Double { attempt.score * (lostTotal && attempt.score > 0 ? 0.7 : 1) }
    }

    let handle: TesseractHandle
    let pool: TesseractPool
    /// A recognition outlived the time limit and holds the handle: no further pass may use it.
    private(set) var abandoned = false
    let deadline: ContinuousClock.Instant
    var attempts: [OCRAttempt] = []
    var best: Pass?
    var bestIndex = 0
    var recognizeTime = Duration.zero
    var recognizeCPU = 0.0
    var orientationTime = Duration.zero

    init(handle: TesseractHandle, pool: TesseractPool, deadline: ContinuousClock.Instant) {
        self.pool = pool
        self.handle = handle
        self.deadline = deadline
    }

    /// The median height of the first pass's words, in pixels of the original image.
    var medianWordHeight: Int {
        guard let first = firstWordHeights, !first.isEmpty else { return 0 }
        return first.sorted()[first.count / 2]
    }
    var firstWordHeights: [Int]?

    func needsRetry(below confidence: Double) -> Bool {
        guard let best else { return true }
        return !best.attempt.foundText || best.attempt.characters < 4 || best.attempt.confidence < confidence || best.lostTotal
    }

    /// Whether any pass so far read text (see `OCRAttempt.foundText`).
    var anyFoundText: Bool { attempts.contains { $0.foundText } }

    mutating func pass(_ image: PixImage, scale: Float, rotation: Int, psm: TessPageSegMode, psmNumber: Int,
                       preprocessing: String) throws(ParleyError) {
        let clock = ContinuousClock()
        let api = handle.api
        let start = clock.now
        let startCPU = threadCPUMilliseconds()
        let remaining = (deadline - start).milliseconds
        guard remaining >= 1, !abandoned else { throw timeout() }
        TessBaseAPISetPageSegMode(api, psm)
        TessBaseAPISetImage2(api, image.pix)
        // nil: still finding the page's layout past the time limit, left to finish on its own
        // thread (the handle goes back to the pool then).
        let status = pool.recognize(handle, image: image, deadline: deadline)
        abandoned = status == nil
        defer { if !abandoned { TessBaseAPIClear(api) } }
        guard let status, clock.now < deadline else {
            recognizeTime += clock.now - start
            recognizeCPU += threadCPUMilliseconds() - startCPU
            throw timeout()
        }
        var text = ""
        if status == 0, let raw = TessBaseAPIGetUTF8Text(api) {
            text = String(cString: raw)
            TessDeleteText(raw)
        }
        recognizeTime += clock.now - start
        recognizeCPU += threadCPUMilliseconds() - startCPU
        var words: [OCRWord] = []
        var lines: [Recognition.Line] = []
        if status == 0, let iterator = TessBaseAPIGetIterator(api) {
            defer { TessResultIteratorDelete(iterator) }
            let page = TessResultIteratorGetPageIterator(iterator)
            let inverse = 1 / scale
            repeat {
                if TessPageIteratorIsAtBeginningOf(page, RIL_TEXTLINE) != 0 {
                    lines.append(Line(start: words.count, opensParagraph: TessPageIteratorIsAtBeginningOf(page, RIL_PARA) != 0))
                }
                guard let raw = TessResultIteratorGetUTF8Text(iterator, RIL_WORD) else { continue }
                let word = String(cString: raw)
                TessDeleteText(raw)
                var l: Int32 = 0, t: Int32 = 0, r: Int32 = 0, b: Int32 = 0
                _ = TessPageIteratorBoundingBox(page, RIL_WORD, &l, &t, &r, &b)
                let confidence = Double(TessResultIteratorConfidence(iterator, RIL_WORD)) / 100
                let box = (x: Int(Float(l) * inverse), y: Int(Float(t) * inverse),
                           width: Int(Float(r - l) * inverse), height: Int(Float(b - t) * inverse))
                words.append(OCRWord(text: word, confidence: max(0, min(1, confidence)), box: box))
            } while TessResultIteratorNext(iterator, RIL_WORD) != 0
        }
        // The pass is judged on all it read, noise included (a pass of noise must not pass for text
        // by what is left once its noise is dropped); what it gives is its text without the noise.
        let trimmed = Recognition.trimmed(text)
        var characters = 0
        for s in trimmed.unicodeScalars where !s.properties.isWhitespace { characters += 1 }
        let confidence = words.isEmpty ? 0 : words.reduce(0) { $0 + $1.confidence } / Double(words.count)
        if firstWordHeights == nil { firstWordHeights = words.map(\.box.height) }
        let (score, confidentWords) = OCRAttempt.score(words)
        let attempt = OCRAttempt(pageSegmentation: psmNumber, preprocessing: preprocessing, rotation: rotation, confidence: confidence,
                                 characters: characters, milliseconds: (clock.now - start).milliseconds,
                                 score: score, confidentWords: confidentWords)
        attempts.append(attempt)
        if let kept = Recognition.withoutNoiseLines(words, lines) { (text, words) = kept }
        let given = Recognition.trimmed(text)
        let pass = Pass(text: given, words: words, attempt: attempt, lostTotal: ReceiptFields.lostTotal(given))
        if best == nil || pass.rank > best!.rank {
            best = pass
            bestIndex = attempts.count - 1
        }
    }

    /// Where a line of the page starts in its words, and whether it opens a paragraph.
    struct Line {
        var start: Int
        var opensParagraph: Bool
    }

    /// The text and words without the lines that are noise — no word read with confidence
    /// (≥ 0.65 with two letters or digits, or a digit; ≥ 0.45 with four) — or nil when every
    /// line holds one. A sign read cleanly from a photo came with lines of noise from the room
    /// around it ("| if: —", "AS ) ; 2", "Zot ~~. ,"); faded receipt lines ("CASH 10,000" at
    /// 0.5) stay. Tesseract's own text is kept as it is when nothing is dropped.
    static func withoutNoiseLines(_ words: [OCRWord], _ lines: [Line]) -> (text: String, words: [OCRWord])? {
        func readWithConfidence(_ word: OCRWord) -> Bool {
            guard word.confidence >= 0.45 else { return false }
            var alphanumerics = 0, digits = 0
            for s in word.text.unicodeScalars {
                if s.properties.numericType != nil { digits += 1; alphanumerics += 1 } else if s.properties.isAlphabetic { alphanumerics += 1 }
            }
            return alphanumerics >= 4 || word.confidence >= 0.65 && (alphanumerics >= 2 || digits >= 1)
        }
        var ranges: [(range: Range<Int>, opensParagraph: Bool)] = []
        for (k, line) in lines.enumerated() {
            let end = k + 1 < lines.count ? lines[k + 1].start : words.count
            if line.start < end { ranges.append((line.start..<end, line.opensParagraph)) }
        }
        let kept = ranges.filter { words[$0.range].contains(where: readWithConfidence) }
        guard kept.count < ranges.count else { return nil }
        var text = ""
        var keptWords: [OCRWord] = []
        for (range, opensParagraph) in kept {
            if !text.isEmpty { text += opensParagraph ? "\n\n" : "\n" }
            text += words[range].map(\.text).filter { !$0.allSatisfy(\.isWhitespace) }.joined(separator: " ")
            keptWords += words[range]
        }
        return (text, keptWords)
    }

    private func timeout() -> ParleyError {
        ParleyError(.timeout, "OCR did not finish within the time limit (ocr.timeLimitMillis)")
    }

    /// Tesseract's text without its trailing newlines and form feed.
    static func trimmed(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while let last = scalars.last, last == "\n" || last == "\u{0C}" || last == " " { scalars.removeLast() }
        return String(scalars)
    }
}
