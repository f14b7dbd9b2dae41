import ArgumentParser
import ParleyCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// `parley bench language`: the language stage alone and `process` end to end with the
/// journal on, one thread (so the rates are per core), with latency percentiles.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Parley on this machine.",
        subcommands: [Language.self, Throughput.self, BenchOCR.self, BenchOutbox.self, BenchImport.self]
    )

    struct Language: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Messages per second per core and p50/p99 latency of the language stage and of process (journal on).")

        @Option(name: .long, help: "A JSONL file of messages (default: built-in tenant messages).")
        var messages: String?
        @Option(name: .long, help: "How many messages to run.")
        var count = 20_000
        @Option(name: .long, help: "Engine configuration JSON file (its store.path is ignored: a temporary file store is used).")
        var config: String?
        @Option(name: .long, help: "Messages per process_batch call.")
        var batchSize = 256
        @Flag(name: .long, help: "Also report accuracy: intent (train + test TSV) and sentiment (id, human rating, text TSV).")
        var accuracy = false
        @Option(name: .long, help: "Intent training data for --accuracy.")
        var intentTrain = "Tests/Fixtures/intent/snips/train.tsv"
        @Option(name: .long, help: "Intent test data for --accuracy.")
        var intentTest = "Tests/Fixtures/intent/snips/test.tsv"
        @Option(name: .long, help: "Sentiment ground truth for --accuracy (id<TAB>mean rating in [-4, 4]<TAB>text).")
        var sentiment = "Tests/Fixtures/sentiment/vader_amazon_excerpt.tsv"

        func run() throws {
            let inputs = try loadInputs()
            let directory = makeTemporaryDirectory()
            defer { removeDirectory(directory) }
            var settings = Configuration()
            if let config {
                guard let text = readWholeFile(config) else { throw ValidationError("cannot read \(config)") }
                settings = try Configuration(json: text)
            }
            settings.storePath = directory + "/bench.db"
            // The inputs repeat: each repeat is a message of its own, not a re-send.
            settings.contentWindowSeconds = 0
            let engine = try Engine(configuration: settings)
            defer { engine.close() }

            var messages: [Message] = []
            messages.reserveCapacity(count)
            for i in 0..<count {
                var message = inputs[i % inputs.count]
                message.id = "bench-\(i)"
                message.timestamp += Int64(i)
                messages.append(message)
            }
            // Warm-up: lazily built models and lexicons load on first use.
            for message in messages.prefix(200) { _ = engine.analyze(message) }

            let language = measure(messages) { _ = engine.analyze($0) }
            report("language stage", language)
            // Every message in SQLite before the clock stops (drain waits for the write-behind).
            let flush = { _ = engine.drain(timeoutMillis: -1) }
            let process = try measure(messages, finish: flush) { (message: Message) throws(ParleyError) in _ = try engine.process(message) }
            report("process (journal on, file store, all written to SQLite)", process)
            // What parley_engine_process does: JSON bytes in, the context as JSON text out.
            let texts = messages.map { jsonBuffer($0, idSuffix: "-json") }
            defer { for buffer in texts { buffer.deallocate() } }
            let throughJSON = try measure(texts, finish: flush) { (bytes: UnsafeRawBufferPointer) throws(ParleyError) in
                _ = try engine.processSerialized(json: bytes)
            }
            report("parley_engine_process's path (JSON in, context JSON out, all written to SQLite)", throughJSON)
            // The same messages again under new ids, through process_batch: one commit per
            // batch, so the difference to the line above is the cost of a commit per message.
            let batches = stride(from: 0, to: messages.count, by: batchSize).map { start in
                messages[start..<min(start + batchSize, messages.count)].map { jsonBuffer($0, idSuffix: "-batched") }
            }
            defer { for batch in batches { for buffer in batch { buffer.deallocate() } } }
            let batched = try measure(batches, finish: flush) { (batch: [UnsafeRawBufferPointer]) throws(ParleyError) in
                for result in try engine.process(batch: batch) { _ = try result.get() }
            }
            let rate = Double(messages.count) / batched.seconds
            print("process_batch (journal on, file store, \(batchSize) messages a call): \(Int(rate)) messages/s from one calling thread")
            print("  stages (µs): " + stageSummary(engine))
            if accuracy { try reportAccuracy() }
        }

        /// The accuracy half of the language benchmark, on data given by path (by default the
        /// excerpts under Tests/Fixtures; the full sets are in ../shared/data).
        func reportAccuracy() throws {
            let started = ContinuousClock.now
            let model = try IntentModel.train(readExamples(intentTrain))
            let trainSeconds = secondsSince(started)
            let intents = evaluate(model, on: try readExamples(intentTest), threshold: 0)
            print("intent (\(intentTest)): accuracy \(format(intents.accuracy, 4)), macro-F1 \(format(intents.macroF1, 4)), "
                + "train \(format(trainSeconds, 2)) s, \(format(intents.microsecondsPerMessage, 2)) µs/message (\(intents.count) examples)")

            guard let text = readWholeFile(sentiment) else { throw ValidationError("cannot read \(sentiment)") }
            let analyzer = try SentimentAnalyzer()
            var human: [Double] = []
            var scores: [Double] = []
            for line in text.split(whereSeparator: \.isNewline) {
                let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
                guard fields.count == 3, let rating = Double(fields[1]) else { continue }
                human.append(rating)
                scores.append(analyzer.analyze(String(fields[2])).score)
            }
            guard !human.isEmpty else { throw ValidationError("no id<TAB>rating<TAB>text lines in \(sentiment)") }
            // Classes: the human mean below -0.5 is negative, above 0.5 positive; Parley's label thresholds are ±0.05.
            func humanClass(_ r: Double) -> Int { r < -0.5 ? -1 : r > 0.5 ? 1 : 0 }
            func parleyClass(_ s: Double) -> Int { s <= -0.05 ? -1 : s >= 0.05 ? 1 : 0 }
            let agree = zip(human, scores).filter { humanClass($0) == parleyClass($1) }.count
            print("sentiment (\(sentiment)): Pearson r \(format(pearson(human, scores), 4)), 3-class accuracy "
                + "\(format(Double(agree) / Double(human.count), 4)) (\(human.count) texts)")
        }

        func loadInputs() throws -> [Message] {
            var lines: [String] = []
            if let path = messages {
                guard let text = readWholeFile(path) else { throw ValidationError("cannot read \(path)") }
                lines = text.split(separator: "\n").map(String.init)
            } else {
                lines = BenchCommand.builtInTexts.enumerated().map { index, text in
                    let escaped = JSONWriter.string(.string(text))
                    return #"{"id":"x","chat":"25078800\#(index % 97)@c.us","from":"25078800\#(index % 97)@c.us","timestamp":1764000000,"type":"text","text":\#(escaped)}"#
                }
            }
            var parsed: [Message] = []
            for line in lines where !line.isEmpty {
                parsed.append(try MessageNormalizer.normalize(JSONParser.parse(line)))
            }
            guard !parsed.isEmpty else { throw ValidationError("no messages to run") }
            return parsed
        }
    }

    static let builtInTexts = [
        "Hi, I paid RWF 50,000 for unit 4B this morning, reference attached",
        "The kitchen sink in apt 12 is leaking again 😡 please send someone today",
        "Can I book a viewing for the 2BR on Kimihurura road tomorrow at 5pm? Call me on 0788 123 456",
        "Rent for December: KES 35,000 sent via M-Pesa. Email receipt to amina@example.co.ke",
        "Is the studio still available? What is the deposit, $1,200/month?",
        "Murakoze! The plumber fixed it 👍",
        "Please check https://example.rw/listing/42 and tell me the price",
        "I will be late with rent, can I pay 25000 on Friday and the rest next week?",
        "Hello",
        "No water since yesterday!!! This is the third time this month, I want to speak to the manager ASAP",
        "Bonjour, je voudrais visiter l'appartement 7 samedi à 10h",
        "Habari, nimelipa kodi ya mwezi huu, asante",
        "ok thanks 🙏",
        "When does my lease end? I might move out in 2 weeks",
        "Where exactly is Kacyiru Heights? Send me the location please",
    ]
}

func pearson(_ x: [Double], _ y: [Double]) -> Double {
    let n = Double(x.count)
    let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
    var sxy = 0.0, sxx = 0.0, syy = 0.0
    for (a, b) in zip(x, y) {
        sxy += (a - mx) * (b - my)
        sxx += (a - mx) * (a - mx)
        syy += (b - my) * (b - my)
    }
    return sxx > 0 && syy > 0 ? sxy / (sxx * syy).squareRoot() : 0
}

/// The message under a new id (`id` + `idSuffix`) as JSON bytes the caller deallocates: what a
/// host hands `parley_engine_process`.
func jsonBuffer(_ message: Message, idSuffix: String) -> UnsafeRawBufferPointer {
    var again = message
    again.id += idSuffix
    let text = JSONWriter.string(again.json)
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: text.utf8.count, alignment: 1)
    _ = buffer.initializeMemory(as: UInt8.self, from: text.utf8)
    return UnsafeRawBufferPointer(buffer)
}

struct Measurement {
    var latencies: [Double]   // microseconds
    var seconds: Double
    /// CPU time of the whole process (every thread: the write-behind's too) over the run.
    var cpuSeconds = 0.0
}

/// `finish` runs inside the timed window after the last call (writing out what was written
/// behind), so the rate is one the store sustains, not one its queue absorbs.
func measure<Item>(_ messages: [Item], finish: () -> Void = {}, _ body: (Item) throws(ParleyError) -> Void) rethrows -> Measurement {
    var latencies: [Double] = []
    latencies.reserveCapacity(messages.count)
    let cpuStarted = processCPUSeconds()
    let started = ContinuousClock.now
    for message in messages {
        let t0 = ContinuousClock.now
        try body(message)
        let elapsed = ContinuousClock.now - t0
        latencies.append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
    }
    finish()
    let total = ContinuousClock.now - started
    return Measurement(latencies: latencies, seconds: Double(total.components.seconds) + Double(total.components.attoseconds) / 1e18,
                       cpuSeconds: processCPUSeconds() - cpuStarted)
}

func report(_ label: String, _ m: Measurement) {
    let sorted = m.latencies.sorted()
    func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
    let rate = Double(sorted.count) / m.seconds
    let cpu = m.cpuSeconds * 1e6 / Double(max(1, sorted.count))
    print("\(label): \(Int(rate)) messages/s from one calling thread; p50 \(format(percentile(0.5))) µs, p99 \(format(percentile(0.99))) µs, max \(format(sorted.last ?? 0)) µs (\(sorted.count) messages); "
        + "CPU \(format(cpu)) µs a message on all threads (\(Int(1e6 / max(cpu, 0.001))) messages per CPU-second), \(format(m.cpuSeconds / max(m.seconds, 1e-9))) cores busy")
}

/// The engine's per-stage latency percentiles (µs) on one line: "enrich p50 …, p99 …; …".
func stageSummary(_ engine: Engine) -> String {
    guard let stages = engine.metricsJSON()["latencyMicros"]?.objectValue else { return "-" }
    let parts = stages.members.map { name, summary in
        "\(name) p50 \(summary["p50"].map(JSONWriter.string) ?? "-"), p99 \(summary["p99"].map(JSONWriter.string) ?? "-")"
    }
    return parts.joined(separator: "; ")
}

func format(_ micros: Double) -> String {
    String((micros * 10).rounded() / 10)
}
