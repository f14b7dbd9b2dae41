/// One recognized word: its text, Tesseract's confidence (0…1) and its box in the upright
/// image at the original scale (x, y from the top left, width, height).
public struct OCRWord: Sendable, Equatable {
    public var text: String
    public var confidence: Double
    public var box: (x: Int, y: Int, width: Int, height: Int)

    public static func == (a: OCRWord, b: OCRWord) -> Bool {
        a.text == b.text && a.confidence == b.confidence && a.box == b.box
    }

    public var json: JSONValue {
        ["text": .string(text), "confidence": .double(ocrRounded(confidence)),
         "box": [.int(Int64(box.x)), .int(Int64(box.y)), .int(Int64(box.width)), .int(Int64(box.height))]]
    }
}

/// One recognition pass: how the image was prepared, and what it gave.
public struct OCRAttempt: Sendable, Equatable {
    /// Tesseract's page segmentation mode (3 automatic, 6 one block, 11 sparse text).
    public var pageSegmentation: Int
    /// The preprocessing of this pass beyond the common steps: "none", "rotated", "upscaled",
    /// "normalized", "binarized", "inverted".
    public var preprocessing: String
    /// Clockwise degrees this pass turned the page after orientation detection (0 when not turned).
    public var rotation: Int
    public var confidence: Double
    public var characters: Int
    public var milliseconds: Double

    /// Each word's length weighted by its confidence, words under 0.5 counting against: the
    /// pass kept is the one with the highest. (Mean confidence × length let noise read from a
    /// photo's texture, hundreds of letters at 0.2–0.4, beat a short line read at 0.95.)
    public var score: Double = 0
    /// Words read at confidence ≥ 0.65 with at least two letters or digits.
    public var confidentWords: Int = 0

    /// Whether this pass read text at all: some confident words, and a score of at least 0.2 a
    /// character. Noise read from a photo's texture (a wall, tiles, a crack) scored −0.2…0.03 a
    /// character with at most one confident word; real print 0.35 (faded) to 0.9 (clean).
    public var foundText: Bool { confidentWords > 0 && score >= 0.2 * Double(max(1, characters)) }

    /// The score of `words`: Σ length × confidence, minus length × (0.5 − confidence) for words under 0.5.
    static func score(_ words: [OCRWord]) -> (score: Double, confidentWords: Int) {
        var score = 0.0
        var confident = 0
        for word in words {
            var length = 0, alphanumerics = 0
            for s in word.text.unicodeScalars where !s.properties.isWhitespace {
                length += 1
                if s.properties.isAlphabetic || s.properties.numericType != nil { alphanumerics += 1 }
            }
            score += Double(length) * (word.confidence >= 0.5 ? word.confidence : word.confidence - 0.5)
            if word.confidence >= 0.65 && alphanumerics >= 2 { confident += 1 }
        }
        return (score, confident)
    }

    public var json: JSONValue {
        ["psm": .int(Int64(pageSegmentation)), "preprocessing": .string(preprocessing),
         "rotation": .int(Int64(rotation)),
         "confidence": .double(ocrRounded(confidence)), "characters": .int(Int64(characters)),
         "milliseconds": .double(ocrRounded(milliseconds, 10))]
    }
}

public struct OCRResult: Sendable {
    public var text: String
    /// Mean word confidence, 0…1 (0 when no word was found).
    public var confidence: Double
    /// Receipt fields and meter readings found in `text` (offsets in Unicode scalars of `text`).
    public var entities: [Entity]
    /// The words, at most `maxWords` of them (`wordCount` counts all).
    public var words: [OCRWord]
    public var wordCount: Int
    /// The decoded image's size, upright (after the EXIF orientation).
    public var width: Int
    public var height: Int
    /// The EXIF Orientation tag, if any.
    public var exifOrientation: Int?
    /// Tesseract's orientation detection: clockwise degrees the page was turned (0/90/180/270) and its confidence.
    public var detectedRotation: Int?
    public var detectedRotationConfidence: Double?
    /// Clockwise degrees Parley turned the image in all (EXIF and detection together).
    public var appliedRotation: Int
    public var exif: EXIFMetadata?
    public var format: String
    /// Every pass, in order; `chosenAttempt` is the index of the one kept.
    public var attempts: [OCRAttempt]
    public var chosenAttempt: Int
    /// Wall time of the whole call, and the part spent inside Tesseract's recognition
    /// (TessBaseAPIRecognize and GetUTF8Text) and orientation detection.
    public var milliseconds: Double
    public var recognizeMilliseconds: Double
    public var orientationMilliseconds: Double
    public var decodeMilliseconds: Double
    /// CPU time of the calling thread for the whole call and inside recognition (Tesseract runs on
    /// the calling thread): on a loaded machine these show the overhead better than wall time.
    public var cpuMilliseconds: Double
    public var recognizeCPUMilliseconds: Double

    /// Receipt fields as one object, when any was found.
    public var receipt: JSONObject? {
        var object = JSONObject()
        for entity in entities {
            switch entity.type {
            case "merchant": if object["merchant"] == nil { object.append("merchant", .string(entity.text)) }
            case "receiptDate": if object["date"] == nil { object.append("date", entity.value) }
            case "receiptTotal": if object["total"] == nil { object.append("total", entity.value) }
            default: break
            }
        }
        return object.isEmpty ? nil : object
    }

    public var json: JSONObject {
        var object = JSONObject()
        object.append("text", .string(text))
        object.append("confidence", .double(ocrRounded(confidence)))
        object.append("format", .string(format))
        object.append("width", .int(Int64(width)))
        object.append("height", .int(Int64(height)))
        var orientation = JSONObject()
        orientation.append("exif", exifOrientation.map { .int(Int64($0)) } ?? .null)
        orientation.append("detected", detectedRotation.map { .int(Int64($0)) } ?? .null)
        if let detectedRotationConfidence { orientation.append("detectedConfidence", .double(ocrRounded(detectedRotationConfidence, 100))) }
        orientation.append("applied", .int(Int64(appliedRotation)))
        object.append("orientation", .object(orientation))
        if let exif, !exif.json.isEmpty { object.append("exif", .object(exif.json)) }
        if let receipt { object.append("receipt", .object(receipt)) }
        let readings = entities.filter { $0.type == "meterReading" }.map(\.value)
        if !readings.isEmpty { object.append("meterReadings", .array(readings)) }
        object.append("words", .array(words.map(\.json)))
        object.append("wordCount", .int(Int64(wordCount)))
        object.append("attempts", .array(attempts.map(\.json)))
        object.append("chosenAttempt", .int(Int64(chosenAttempt)))
        object.append("milliseconds", .double(ocrRounded(milliseconds, 10)))
        return object
    }
}

@inline(__always) func ocrRounded(_ value: Double, _ scale: Double = 1000) -> Double { (value * scale).rounded() / scale }
