import ArgumentParser
import Dispatch
import ParleyCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// `parley ocr IMAGE...`: one JSON object per image on its own line; a file that cannot be
/// read prints {"file", "error": {"status", "message"}} and the exit code is 1 at the end.
struct OCRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ocr",
        abstract: "Read the text of images (JPEG, PNG, WebP, TIFF, GIF, BMP) with Tesseract; print one JSON object per image.",
        discussion: """
            Each line is {"file", "text", "confidence", "format", "width", "height", "orientation", "exif"?, \
            "receipt"?, "meterReadings"?, "words", "wordCount", "attempts", "chosenAttempt", "milliseconds", \
            "entities"} (entities: the receipt fields and meter readings OCR finds).
            """
    )

    @Argument(help: "Image files.")
    var images: [String]

    @Option(name: .long, help: "Engine configuration JSON file (its media.ocr section is used).")
    var config: String?

    @Option(name: .long, help: "Tesseract languages joined by +, e.g. eng+fra (overrides the configuration).")
    var lang: String?

    @Option(name: .long, help: "Per-call options as a JSON object, e.g. {\"detectOrientation\":false}.")
    var options: String?

    @Flag(name: .long, help: "Leave the per-word list out of the output.")
    var noWords = false

    func run() throws {
        var configuration = try loadConfiguration(config)
        if let lang { configuration.media.ocr?.languages = lang }
        var callOptions = JSONObject()
        if let options {
            guard let object = try JSONParser.parse(options).objectValue else { throw ValidationError("--options must be a JSON object") }
            callOptions = object
        }
        try readMediaFiles(images, as: .image, configuration: configuration, options: callOptions, leaving: noWords ? ["words"] : [])
    }
}

/// The OCR reader an engine with this configuration would use (its media.ocr section).
func makeOCRService(config: String?, lang: String?, instances: Int) throws -> OCRService {
    var settings = try loadConfiguration(config).media.ocr ?? OCRSettings()
    if let lang { settings.languages = lang }
    return try OCRService(settings: settings, instances: instances)
}

/// `parley bench ocr`: images per second on 1, 2, … workers and Parley's own share of the time.
struct BenchOCR: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ocr",
        abstract: "Images per second on 1 and 2 workers, and Parley's overhead beside Tesseract's compute.",
        discussion: """
            Overhead = (wall time of recognize − time inside TessBaseAPIRecognize and GetUTF8Text) / wall time, \
            summed over images; the rest of the time is split into decoding, orientation detection (OSD) and \
            Parley's own work (header, EXIF, preprocessing, word iteration, receipt fields).
            """
    )

    @Argument(help: "Image files.")
    var images: [String]

    @Option(name: .long, help: "Worker counts to try, comma-separated.")
    var workers = "1,2"

    @Option(name: .long, help: "How many times each image is read per worker count.")
    var `repeat` = 3

    @Option(name: .long, help: "Engine configuration JSON file (its media.ocr section is used).")
    var config: String?

    @Option(name: .long, help: "Tesseract languages joined by +.")
    var lang: String?

    func run() throws {
        let files = try images.map { path -> [UInt8] in
            guard let bytes = readFileBytes(path) else { throw ValidationError("cannot read \(path)") }
            return bytes
        }
        let counts = workers.split(separator: ",").compactMap { Int($0.trimmingCharacters()) }
        guard !counts.isEmpty, counts.allSatisfy({ $0 >= 1 && $0 <= 64 }) else { throw ValidationError("--workers: e.g. 1,2") }
        print("images: \(files.count) × \(self.repeat) per run; OMP_THREAD_LIMIT=\(String(cString: getenv("OMP_THREAD_LIMIT") ?? strdup("unset")))")
        print("workers  images/s  speedup  mean ms  recognize%  osd%  decode%  parley%  attempts/image")
        var baseline: Double?
        for count in counts {
            let service = try makeOCRService(config: config, lang: lang, instances: count)
            // Warm-up: one call per handle loads the models.
            let warm = Stats()
            runJobs(service: service, files: files, jobs: count, threads: count, stats: warm)
            let stats = Stats()
            let clock = ContinuousClock()
            let start = clock.now
            runJobs(service: service, files: files, jobs: files.count * self.repeat, threads: count, stats: stats)
            let wall = (clock.now - start)
            let seconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18
            let s = stats.snapshot()
            let rate = Double(s.count) / seconds
            if baseline == nil { baseline = rate }
            func pct(_ x: Double) -> String { String(format1(100 * x / s.total)) }
            let parley = s.total - s.recognize - s.osd - s.decode
            print("\(ocrPad(count, 7))  \(ocrPad(format1(rate), 8))  \(ocrPad(format2(rate / baseline!), 7))  \(ocrPad(format1(s.total / Double(s.count)), 7))  "
                + "\(ocrPad(pct(s.recognize), 10))  \(ocrPad(pct(s.osd), 4))  \(ocrPad(pct(s.decode), 7))  \(ocrPad(pct(parley), 7))  \(format2(Double(s.attempts) / Double(s.count)))")
            if s.errors > 0 { print("  \(s.errors) image(s) failed") }
            print("  overhead (total − Recognize/GetUTF8Text): \(format2(100 * (s.total - s.recognize) / s.total)) %; "
                + "without OSD and decoding (Parley's own): \(format2(100 * parley / s.total)) %")
            print("  CPU time: \(format1(s.cpu / Double(s.count))) ms per image, overhead (CPU total − CPU in Recognize/GetUTF8Text): "
                + "\(format2(100 * (s.cpu - s.recognizeCPU) / s.cpu)) %")
        }
    }

    private func runJobs(service: OCRService, files: [[UInt8]], jobs: Int, threads: Int, stats: Stats) {
        let next = Stats.Counter()
        let group = DispatchGroup()
        for _ in 0..<threads {
            group.enter()
            DispatchQueue.global().async {
                while true {
                    let job = next.take()
                    if job >= jobs { break }
                    do {
                        let result = try service.recognize(files[job % files.count])
                        stats.add(result)
                    } catch {
                        stats.fail()
                    }
                }
                group.leave()
            }
        }
        group.wait()
    }
}

private final class Stats: @unchecked Sendable {
    struct Snapshot { var count = 0, errors = 0, attempts = 0; var total = 0.0, recognize = 0.0, osd = 0.0, decode = 0.0, cpu = 0.0, recognizeCPU = 0.0 }
    private var value = Snapshot()
    private var mutex = pthread_mutex_t()

    init() { pthread_mutex_init(&mutex, nil) }

    func add(_ r: OCRResult) {
        pthread_mutex_lock(&mutex)
        value.count += 1
        value.attempts += r.attempts.count
        value.total += r.milliseconds
        value.recognize += r.recognizeMilliseconds
        value.osd += r.orientationMilliseconds
        value.decode += r.decodeMilliseconds
        value.cpu += r.cpuMilliseconds
        value.recognizeCPU += r.recognizeCPUMilliseconds
        pthread_mutex_unlock(&mutex)
    }

    func fail() { pthread_mutex_lock(&mutex); value.errors += 1; pthread_mutex_unlock(&mutex) }

    func snapshot() -> Snapshot { pthread_mutex_lock(&mutex); defer { pthread_mutex_unlock(&mutex) }; return value }

    final class Counter: @unchecked Sendable {
        private var n = 0
        private var mutex = pthread_mutex_t()
        init() { pthread_mutex_init(&mutex, nil) }
        func take() -> Int { pthread_mutex_lock(&mutex); defer { pthread_mutex_unlock(&mutex) }; n += 1; return n - 1 }
    }
}

private func format1(_ x: Double) -> String { let r = (x * 10).rounded() / 10; return "\(r)" }
private func format2(_ x: Double) -> String { let r = (x * 100).rounded() / 100; return "\(r)" }
private func ocrPad(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) + s }
private func ocrPad(_ i: Int, _ n: Int) -> String { ocrPad("\(i)", n) }

private extension Substring {
    func trimmingCharacters() -> String { String(filter { $0 != " " }) }
}
