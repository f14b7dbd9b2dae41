import ArgumentParser
import ParleyCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// `parley bench throughput`: a load generator that feeds a realistic mix of WhatsApp traffic
/// (many chats, entities, emoji, replies, urgent messages, re-sends) through the engine in
/// process — `processSerialized(json:)` and `submit(json:)`, the functions behind
/// parley_engine_process and parley_engine_submit — with a file store (journal on, WAL).
/// Reports messages/s, end-to-end latency percentiles and peak RSS for sync and for async
/// with 1…N workers, the scaling ratio, p99 at 50 % of the async peak, and checks every chat's
/// results come back in order (non-zero exit if not).
extension BenchCommand {
    struct Throughput: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Throughput, latency percentiles, peak RSS and worker scaling of process and submit (file store, journal on).",
            discussion: """
                Runs, each on a fresh file store in a temporary directory: sync (Engine.process on one \
                host thread), async with 1, 2, ... --max-workers workers ({"core": {"workers": N}}, \
                results through the callback, end-to-end latency from submit to result), then async \
                at 50 % of the best async rate with paced submits. Every async run checks that each \
                chat's results come back in the order of its messages; a violation, a missing result \
                or an error exits non-zero. With --soak SECONDS: one async run at full speed to find \
                the peak, then SECONDS at 50 % of it, reporting RSS at start and end.
                """)

        @Option(name: .long, help: "How many messages each run submits (re-sends included).")
        var count = 20_000
        @Option(name: .long, help: "How many chats the traffic is spread over.")
        var chats = 200
        @Option(name: .customLong("max-workers"), help: "Async runs with 1...N workers (default: one per core).")
        var maxWorkers: Int?
        @Option(name: .long, help: "Host threads submitting in the full-speed async runs (chats split between them).")
        var submitters = 1
        @Option(name: .long, help: "Messages per submit in the full-speed async runs (1: parley_engine_submit; more: parley_engine_submit_batch, one commit each). The paced runs submit one at a time.")
        var batch = 1
        @Flag(name: .long, help: "Print the report as JSON.")
        var json = false
        @Option(name: .long, help: "Instead of the scaling runs: run async at 50 % of the peak rate for this many seconds and report RSS at start and end.")
        var soak: Int?

        func validate() throws {
            guard count >= 1 && count <= 10_000_000 else { throw ValidationError("--count must be between 1 and 10000000") }
            guard chats >= 1 && chats <= 1_000_000 else { throw ValidationError("--chats must be between 1 and 1000000") }
            if let maxWorkers, !(1...256).contains(maxWorkers) { throw ValidationError("--max-workers must be between 1 and 256") }
            guard (1...64).contains(submitters) else { throw ValidationError("--submitters must be between 1 and 64") }
            guard (1...1000).contains(batch) else { throw ValidationError("--batch must be between 1 and 1000 (queue.highWater)") }
            if let soak, soak < 1 { throw ValidationError("--soak must be at least 1 second") }
        }

        func run() throws {
            let cores = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
            let topWorkers = maxWorkers ?? cores
            var generator = TrafficGenerator(chats: chats)
            var items: [GeneratedMessage] = []
            items.reserveCapacity(count)
            for _ in 0..<count { items.append(generator.next()) }
            let resends = items.lazy.filter(\.resend).count

            // Warm-up: the lazily built models and lexicons load on first use (shared by every engine).
            try warmUp(items)

            var header = JSONObject()
            header["benchmark"] = "throughput"
            header["count"] = .int(Int64(count))
            header["resends"] = .int(Int64(resends))
            header["chats"] = .int(Int64(chats))
            header["cores"] = .int(Int64(cores))
            header["submitters"] = .int(Int64(submitters))
            header["batch"] = .int(Int64(batch))
            header["loadAverage"] = .array(loadAverage().map { .double(round2($0)) })
            header["store"] = "file (WAL, synchronous=normal, journal on)"
            header["peakRSSPerRun"] = .bool(PeakRSS.canReset)
            if !json {
                print("parley bench throughput: \(count) messages (\(resends) re-sends) over \(chats) chats, file store (WAL, journal on), "
                    + "\(cores) cores, load average \(loadAverage().map { String(($0 * 100).rounded() / 100) }.joined(separator: " "))")
            }

            if let soak {
                let peak = try runAsync(workers: topWorkers, submitters: submitters, items: items, rate: nil)
                if !json { printTableHeader() }
                printRow(peak)
                let target = peak.rate / 2
                let soaked = try runSoak(workers: topWorkers, rate: target, seconds: soak)
                header["runs"] = .array([peak.json])
                header["soak"] = soaked.json
                header["ok"] = .bool(peak.ok && soaked.run.ok)
                header["loadAverageEnd"] = .array(loadAverage().map { .double(round2($0)) })
                if json { print(JSONWriter.string(.object(header))) } else { printSoak(soaked) }
                try fail(if: [peak], soaked)
                return
            }

            var runs: [RunStats] = []
            let sync = try runSync(items: items)
            runs.append(sync)
            if !json { printTableHeader(); printRow(sync) }
            for workers in 1...topWorkers {
                let stats = try runAsync(workers: workers, submitters: submitters, items: items, rate: nil)
                runs.append(stats)
                if !json { printRow(stats) }
            }
            let asyncRuns = runs.filter { $0.mode == "async" }
            let one = asyncRuns.first!
            let best = asyncRuns.max { $0.rate < $1.rate }!
            let last = asyncRuns.last!
            let ratio = one.rate > 0 ? last.rate / one.rate : 0

            // 50 % of the best async rate, one host thread submitting on a fixed schedule; about
            // ten seconds of traffic (at most --count messages).
            let target = best.rate / 2
            let pacedCount = min(count, max(200, Int(target * 10)))
            let half = try runAsync(workers: best.workers, submitters: 1, items: Array(items.prefix(pacedCount)), rate: target)
            runs.append(half)
            let p99Millis = half.latency.p99 / 1000

            header["runs"] = .array(runs.map(\.json))
            header["scaling"] = ["workers": .int(Int64(last.workers)), "ratio": .double(round2(ratio)),
                                 "messagesPerSecond1": .double(round1(one.rate)), "messagesPerSecondN": .double(round1(last.rate))]
            header["halfLoad"] = ["workers": .int(Int64(best.workers)), "targetPerSecond": .double(round1(target)),
                                  "achievedPerSecond": .double(round1(half.rate)), "messages": .int(Int64(half.submitted)),
                                  "p99Millis": .double(round3(p99Millis)), "targetMillis": 5, "met": .bool(p99Millis < 5)]
            header["orderChecked"] = .bool(true)
            header["ok"] = .bool(runs.allSatisfy(\.ok))
            header["loadAverageEnd"] = .array(loadAverage().map { .double(round2($0)) })
            if json {
                print(JSONWriter.string(.object(header)))
            } else {
                printRow(half)
                print("scaling: \(last.workers) workers vs 1: \(String(round2(ratio)))x (\(Int(last.rate)) vs \(Int(one.rate)) messages/s)")
                print("50 % load: \(Int(half.rate)) messages/s (target \(Int(target)), \(best.workers) workers): p99 end-to-end "
                    + "\(String(round3(p99Millis))) ms — target < 5 ms \(p99Millis < 5 ? "met" : "NOT met")")
                if runs.allSatisfy(\.ok) { print("order: every chat's results came back in order in every async run") }
            }
            try fail(if: runs, nil)
        }

        // MARK: Runs

        func makeEngine(workers: Int, directory: String) throws -> Engine {
            let path = JSONWriter.string(.string(directory + "/bench.db"))
            // Generated traffic repeats short texts ("ok 👍") that are not re-sends: content dedup off.
            let text = #"{"store": {"path": \#(path)}, "dedup": {"contentWindowSeconds": 0}, "core": {"workers": \#(workers)}}"#
            return try Engine(configuration: Configuration(json: text))
        }

        func warmUp(_ items: [GeneratedMessage]) throws {
            let directory = makeTemporaryDirectory()
            defer { removeDirectory(directory) }
            let engine = try makeEngine(workers: 1, directory: directory)
            defer { engine.close() }
            for item in items.prefix(300) where !item.resend {
                let message = try MessageNormalizer.normalize(JSONParser.parse(item.json))
                _ = engine.analyze(message)
            }
        }

        func runSync(items: [GeneratedMessage]) throws -> RunStats {
            let directory = makeTemporaryDirectory()
            defer { removeDirectory(directory) }
            let engine = try makeEngine(workers: 1, directory: directory)
            defer { engine.close() }
            PeakRSS.reset()
            var stats = RunStats(mode: "sync", workers: 0, submitters: 1)
            var latencies: [Double] = []
            latencies.reserveCapacity(items.count)
            let heldBefore = (try? engine.store.walUsage())?.lockHeldNanos ?? 0
            let cpuStarted = processCPUSeconds()
            let started = monotonicNanos()
            for item in items {
                let t0 = monotonicNanos()
                do throws(ParleyError) {
                    let text = try withBytes(item.json) { (raw) throws(ParleyError) in try engine.processSerialized(json: raw) }
                    if isDuplicate(text) { stats.duplicates += 1 }
                } catch {
                    stats.errors += 1
                    if stats.firstProblem == nil { stats.firstProblem = "process: \(error)" }
                }
                latencies.append(Double(monotonicNanos() - t0) / 1000)
            }
            // Everything in SQLite before the clock stops: the write-behind queue is part of the run.
            guard engine.drain(timeoutMillis: 600_000) else { throw ValidationError("drain timed out after 10 minutes") }
            stats.seconds = Double(monotonicNanos() - started) / 1e9
            stats.cpuSeconds = processCPUSeconds() - cpuStarted
            stats.busySeconds = stats.seconds
            stats.submitted = items.count
            stats.results = items.count - stats.duplicates
            stats.latency = LatencySummary(latencies)
            stats.peakRSS = PeakRSS.peak()
            (stats.dbBytes, stats.walBytes) = storeSizes(directory)
            stats.wal = (try? engine.store.walUsage()) ?? stats.wal
            stats.lockHeldSeconds = Double(stats.wal.lockHeldNanos &- heldBefore) / 1e9
            stats.stages = stageSummary(engine)
            return stats
        }

        /// One async run: `submitters` host threads (chats split between them, each chat's
        /// messages from one thread in order), results through the callback, then drain.
        /// `rate`: submits paced to that many per second (one submitter).
        func runAsync(workers: Int, submitters: Int, items: [GeneratedMessage], rate: Double?) throws -> RunStats {
            let directory = makeTemporaryDirectory()
            defer { removeDirectory(directory) }
            let engine = try makeEngine(workers: workers, directory: directory)
            defer { engine.close() }
            let log = ResultLog(capacity: items.count)
            engine.setCallback { outcome in log.record(outcome) }
            let threads = rate == nil ? submitters : 1
            let lanes = SubmitLanes(threads)
            PeakRSS.reset()
            let heldBefore = (try? engine.store.walUsage())?.lockHeldNanos ?? 0
            let cpuStarted = processCPUSeconds()
            let started = monotonicNanos()
            runThreads(threads) { thread in
                var lane = lanes.lanes[thread]
                var sent = 0
                var group: [GeneratedMessage] = []
                for item in items where threads == 1 || item.chat % threads == thread {
                    if rate == nil && batch > 1 {
                        group.append(item)
                        if group.count == batch { lane.submit(batch: group, to: engine); group.removeAll(keepingCapacity: true) }
                        continue
                    }
                    if let rate { waitUntil(started + UInt64(Double(sent) / rate * 1e9)) }
                    sent += 1
                    lane.submit(item, to: engine)
                }
                if !group.isEmpty { lane.submit(batch: group, to: engine) }
                lanes.lanes[thread] = lane
            }
            guard engine.drain(timeoutMillis: 600_000) else { throw ValidationError("drain timed out after 10 minutes") }
            let drained = monotonicNanos()
            let cpuSeconds = processCPUSeconds() - cpuStarted
            engine.setCallback(nil)

            var stats = RunStats(mode: rate == nil ? "async" : "async-50%", workers: workers, submitters: threads)
            stats.batch = rate == nil ? batch : 1
            var checker = OrderChecker(chats: chats)
            for lane in lanes.lanes {
                checker.register(lane.pending)
                stats.busyRetries += lane.busy
                stats.errors += lane.errors
                if stats.firstProblem == nil { stats.firstProblem = lane.firstError }
            }
            let entries = log.take()
            checker.resolve(entries)
            stats.submitted = items.count
            // Until drained: the last result, and everything written behind in SQLite.
            stats.seconds = Double(max(drained, started + 1) - started) / 1e9
            stats.cpuSeconds = cpuSeconds
            stats.busySeconds = Double(drained - started) / 1e9
            stats.peakRSS = PeakRSS.peak()
            (stats.dbBytes, stats.walBytes) = storeSizes(directory)
            stats.wal = (try? engine.store.walUsage()) ?? stats.wal
            stats.lockHeldSeconds = Double(stats.wal.lockHeldNanos &- heldBefore) / 1e9
            stats.stages = stageSummary(engine)
            stats.absorb(checker, finished: true)
            return stats
        }

        /// `seconds` of paced traffic generated on the fly, the order checked as results come
        /// in (memory stays bounded: resolved tickets are forgotten), RSS sampled ten times.
        func runSoak(workers: Int, rate: Double, seconds: Int) throws -> SoakStats {
            let directory = makeTemporaryDirectory()
            defer { removeDirectory(directory) }
            let engine = try makeEngine(workers: workers, directory: directory)
            defer { engine.close() }
            let log = ResultLog(capacity: 4096)
            engine.setCallback { outcome in log.record(outcome) }
            var generator = TrafficGenerator(chats: chats)
            var lane = SubmitLane()
            var checker = OrderChecker(chats: chats)
            checker.keepAll = false
            var soak = SoakStats(workers: workers, targetRate: rate, seconds: seconds)
            soak.rssStart = PeakRSS.current()
            PeakRSS.reset()
            let started = monotonicNanos()
            let end = started + UInt64(seconds) * 1_000_000_000
            let sampleEvery = UInt64(max(1, seconds / 10)) * 1_000_000_000
            var nextSample = started + sampleEvery
            var windowStart = started
            var windowSent = 0
            var sent = 0
            while true {
                let due = started + UInt64(Double(sent) / rate * 1e9)
                if due >= end { break }
                waitUntil(due)
                lane.submit(generator.next(), to: engine)
                sent += 1
                windowSent += 1
                if sent % 256 == 0 || monotonicNanos() >= nextSample {
                    checker.register(lane.pending)
                    lane.pending.removeAll(keepingCapacity: true)
                    checker.resolve(log.take())
                }
                let now = monotonicNanos()
                if now >= nextSample {
                    soak.samples.append(SoakSample(second: Double(now - started) / 1e9, rss: PeakRSS.current(),
                                                   rate: Double(windowSent) / (Double(now - windowStart) / 1e9),
                                                   p99Micros: checker.windowP99(), walBytes: storeSizes(directory).wal))
                    windowStart = now
                    windowSent = 0
                    nextSample += sampleEvery
                }
            }
            guard engine.drain(timeoutMillis: 600_000) else { throw ValidationError("drain timed out after 10 minutes") }
            engine.setCallback(nil)
            checker.register(lane.pending)
            checker.resolve(log.take())
            soak.lastWindowP99 = checker.windowP99()
            soak.worstWindowP99 = checker.worstWindowP99
            soak.maxMicros = checker.maxMicros
            soak.rssEnd = PeakRSS.current()
            let (dbBytes, walBytes) = storeSizes(directory)
            soak.peakRSS = PeakRSS.peak()
            soak.submitted = sent
            soak.achievedRate = Double(sent) / (Double(monotonicNanos() - started) / 1e9)
            var stats = RunStats(mode: "soak", workers: workers, submitters: 1)
            stats.busyRetries = lane.busy
            stats.errors = lane.errors
            stats.firstProblem = lane.firstError
            stats.absorb(checker, finished: true)
            (stats.dbBytes, stats.walBytes) = (dbBytes, walBytes)
            stats.wal = (try? engine.store.walUsage()) ?? stats.wal
            stats.stages = stageSummary(engine)
            soak.run = stats
            return soak
        }

        // MARK: Report

        func fail(if runs: [RunStats], _ soak: SoakStats?) throws {
            let all = runs + (soak.map { [$0.run] } ?? [])
            let bad = all.filter { !$0.ok }
            guard !bad.isEmpty else { return }
            var lines: [String] = []
            for run in bad {
                lines.append("\(run.label): \(run.orderViolations) order violations, \(run.missing) missing results, "
                    + "\(run.errors) errors\(run.firstProblem.map { " (first: \($0))" } ?? "")")
            }
            throw BenchFailure(lines.joined(separator: "\n"))
        }

        func printTableHeader() {
            print(pad("run", 22) + lpad("workers", 8) + lpad("msg/s", 10) + lpad("p50 ms", 9) + lpad("p95 ms", 9)
                + lpad("p99 ms", 9) + lpad("max ms", 9) + lpad("peak RSS MB", 13) + lpad("WAL MB", 8) + lpad("pages/msg", 10) + lpad("commits/msg", 12) + lpad("CPU µs/msg", 11) + lpad("cores", 7) + lpad("store lock", 11) + lpad("busy", 8) + lpad("order", 7))
        }

        func printRow(_ s: RunStats) {
            guard !json else { return }
            let ms = { (micros: Double) in String(round3(micros / 1000)) }
            print(pad(s.label, 22) + lpad(s.mode == "sync" ? "-" : String(s.workers), 8) + lpad(String(Int(s.rate)), 10)
                + lpad(ms(s.latency.p50), 9) + lpad(ms(s.latency.p95), 9) + lpad(ms(s.latency.p99), 9) + lpad(ms(s.latency.max), 9)
                + lpad(String(round1(Double(s.peakRSS) / 1_048_576)), 13) + lpad(String(round1(Double(s.walBytes) / 1_048_576)), 8)
                + lpad(String(round1(Double(s.wal.frames) / Double(Swift.max(1, s.submitted)))), 10)
                + lpad(String(round3(Double(s.wal.commits) / Double(Swift.max(1, s.submitted)))), 12)
                + lpad(String(Int(s.cpuMicrosPerMessage)), 11) + lpad(String(round2(s.busyCores)), 7)
                + lpad(String(Int((s.lockBusy * 100).rounded())) + " %", 11)
                + lpad(String(s.busyRetries), 8)
                + lpad(s.mode == "sync" ? "-" : (s.ok ? "ok" : "FAIL"), 7))
            if !s.stages.isEmpty { print("    stages (µs): " + s.stages) }
        }

        func printSoak(_ soak: SoakStats) {
            print("soak: \(soak.seconds) s at \(Int(soak.achievedRate)) messages/s (target \(Int(soak.targetRate)), \(soak.workers) workers), "
                + "\(soak.submitted) messages")
            for sample in soak.samples {
                print("  t=\(Int(sample.second)) s  RSS \(round1(Double(sample.rss) / 1_048_576)) MB  \(Int(sample.rate)) msg/s  "
                    + "p99 \(round3(sample.p99Micros / 1000)) ms  WAL \(round1(Double(sample.walBytes) / 1_048_576)) MB")
            }
            let ms = { (micros: Double) in String(round3(micros / 1000)) }
            print("RSS start \(round1(Double(soak.rssStart) / 1_048_576)) MB, end \(round1(Double(soak.rssEnd) / 1_048_576)) MB, "
                + "peak \(round1(Double(soak.peakRSS) / 1_048_576)) MB; WAL at end \(round1(Double(soak.run.walBytes) / 1_048_576)) MB; worst window p99 \(ms(soak.worstWindowP99)) ms, "
                + "max \(ms(soak.maxMicros)) ms; order \(soak.run.ok ? "ok" : "FAILED")")
            if !soak.run.stages.isEmpty { print("  stages over the soak (µs): " + soak.run.stages) }
        }
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ text: String) { description = "bench throughput FAILED:\n" + text }
}

// MARK: - Traffic

struct GeneratedMessage: Sendable {
    var json: [UInt8]
    var chat: Int
    /// The message's place among its chat's messages (0, 1, ...); -1 for a re-send.
    var position: Int
    var resend: Bool
}

/// SplitMix64: fast, deterministic (every run generates the same traffic).
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: Range<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }
}

/// Tenants' and a property manager's WhatsApp traffic: amounts in several currencies, units,
/// dates and times, phone numbers, e-mail, emoji, English, French, Kinyarwanda and Swahili;
/// each tenant mostly writes about their own unit; about 15 % replies quoting the chat's previous message, 5 % urgent, 10 % the manager's own
/// messages, 1 % re-sends (the chat's previous message delivered again, same id). A quarter
/// of the traffic goes to the busiest tenth of the chats. Texts are written for this benchmark.
struct TrafficGenerator {
    let chats: Int
    var rng = SplitMix64(state: 0x5EED_BE4C)
    var index = 0
    var currentChat = 0
    var positions: [Int]
    var last: [(id: String, text: String, json: [UInt8])?]

    init(chats: Int) {
        self.chats = chats
        positions = Array(repeating: 0, count: chats)
        last = Array(repeating: nil, count: chats)
    }

    static let emoji = ["🙏", "👍", "😊", "😡", "😩", "🏠", "🔑", "💧", "⚡️", "🙂", "😂", "👋🏾", "❤️", "🚰"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let places = ["Kacyiru Heights", "Kimihurura road", "Nyarutarama", "Kilimani", "Westlands", "Remera gardens"]

    mutating func next() -> GeneratedMessage {
        let chat = rng.chance(0.25) ? rng.int(0..<max(1, chats / 10)) : rng.int(0..<chats)
        currentChat = chat
        if let previous = last[chat], rng.chance(0.01) {
            return GeneratedMessage(json: previous.json, chat: chat, position: -1, resend: true)
        }
        let i = index
        index += 1
        let id = "pb-\(i)"
        let chatID = "2507\(88_000_000 + chat)@c.us"
        let fromMe = rng.chance(0.10)
        var text = fromMe ? managerText() : rng.chance(0.05) ? urgentText() : tenantText()
        var quoted = ""
        if let previous = last[chat], rng.chance(0.15) {
            quoted = #","quoted":{"id":\#(JSONWriter.string(.string(previous.id))),"from":"\#(chatID)","text":\#(JSONWriter.string(.string(previous.text)))}"#
            if !fromMe { text = rng.pick(["About this: ", "Re: ", "", "Still waiting on this 🙄 ", "Yes. "]) + text }
        }
        let from = fromMe ? "250700000001@c.us" : chatID
        let json = #"{"id":"\#(id)","chat":"\#(chatID)","from":"\#(from)","fromMe":\#(fromMe),"timestamp":\#(1_764_000_000 + i),"type":"text","text":\#(JSONWriter.string(.string(text)))\#(quoted)}"#
        let bytes = Array(json.utf8)
        let position = positions[chat]
        positions[chat] += 1
        last[chat] = (id, text, bytes)
        return GeneratedMessage(json: bytes, chat: chat, position: position, resend: false)
    }

    /// Mostly the tenant's own unit (each chat has one), now and then another.
    mutating func unit() -> String {
        let number = rng.chance(0.85) ? currentChat % 39 + 1 : rng.int(1..<40)
        let letter = rng.chance(0.85) ? currentChat / 39 % 5 : rng.int(0..<5)
        return "\(number)\(["A", "B", "C", "D", ""][letter])"
    }
    mutating func amount() -> String {
        let value = rng.int(5..<950) * 1000
        return rng.chance(0.5) ? "\(value / 1000),000" : String(value)
    }
    mutating func phone() -> String { "07\(rng.int(20..<90)) \(rng.int(100..<1000)) \(rng.int(100..<1000))" }
    mutating func date() -> String {
        switch rng.int(0..<4) {
        case 0: return "\(rng.int(1..<29))/\(rng.int(1..<13))/2026"
        case 1: return "the \(rng.int(1..<29))th of \(rng.pick(Self.months))"
        case 2: return "next \(rng.pick(Self.weekdays))"
        default: return "\(rng.pick(Self.weekdays)) at \(rng.int(8..<19)):\(rng.pick(["00", "15", "30", "45"]))"
        }
    }

    mutating func tenantText() -> String {
        let e = rng.pick(Self.emoji)
        switch rng.int(0..<16) {
        case 0: return "Hi, I paid RWF \(amount()) for unit \(unit()) this morning, reference MP\(rng.int(100_000..<999_999)) \(e)"
        case 1: return "The kitchen sink in apt \(unit()) is leaking again \(e) please send someone \(date())"
        case 2: return "Can I book a viewing for the \(rng.int(1..<5))BR at \(rng.pick(Self.places)) on \(date())? Call me on \(phone())"
        case 3: return "Rent for \(rng.pick(Self.months)): KES \(amount()) sent via M-Pesa. Email the receipt to tenant\(rng.int(1..<9999))@example.co.ke"
        case 4: return "Is the studio in block \(rng.pick(["A", "B", "C"])) still available? What is the deposit, $\(rng.int(3..<25)),\(rng.int(100..<999))/month?"
        case 5: return "Murakoze! The plumber fixed unit \(unit()) \(e)"
        case 6: return "I will be late with rent, can I pay \(amount()) on \(rng.pick(Self.weekdays)) and the rest on \(date())?"
        case 7: return "Bonjour, je voudrais visiter l'appartement \(unit()) samedi à \(rng.int(8..<19))h \(e)"
        case 8: return "Habari, nimelipa kodi ya mwezi huu, KES \(amount()), asante \(e)"
        case 9: return rng.pick(["ok thanks 🙏", "👍", "Hello", "😂😂", "Thank you!", "Noted", "🙏🏾🙏🏾"])
        case 10: return "When does my lease for unit \(unit()) end? I might move out in \(rng.int(2..<9)) weeks"
        case 11: return "The gate code for block \(rng.pick(["A", "B", "C"])) is not working since \(rng.int(6..<23)):\(rng.int(10..<60)) \(e)"
        case 12: return "My new number is +250 7\(rng.int(20..<90)) \(rng.int(100..<1000)) \(rng.int(100..<1000)), please update it for unit \(unit())"
        case 13: return "The electricity token for \(unit()) ran out, I bought \(rng.int(20..<200)) kWh for RWF \(amount()) ⚡️"
        case 14: return "Where exactly is \(rng.pick(Self.places))? Send me the location please, I'm coming \(date())"
        default: return "Can the cleaner come on \(date()) instead? The flat is \(rng.int(40..<140)) m² \(e)"
        }
    }

    mutating func urgentText() -> String {
        switch rng.int(0..<4) {
        case 0: return "No water in unit \(unit()) since yesterday!!! This is the \(rng.int(2..<6))rd time this month, I want to speak to the manager ASAP"
        case 1: return "URGENT: water everywhere in apt \(unit()), a pipe burst 🚨 call me now on \(phone())"
        case 2: return "Emergency!! Gas smell in block \(rng.pick(["A", "B", "C"])) unit \(unit()), please send someone immediately 😱"
        default: return "The door lock of \(unit()) is broken and I'm locked out at \(rng.int(19..<24)):\(rng.int(10..<60)), help ASAP!!!"
        }
    }

    mutating func managerText() -> String {
        switch rng.int(0..<4) {
        case 0: return "Noted, a technician will come \(date()) between \(rng.int(8..<12)) and \(rng.int(13..<18))h."
        case 1: return "Thank you, we received RWF \(amount()) for unit \(unit()). Receipt R-\(rng.int(1000..<99_999)) follows."
        case 2: return "The viewing is confirmed for \(date()). Our agent's number is \(phone())."
        default: return "Reminder: rent for \(rng.pick(Self.months)) is due on the 5th. Reply here with any question 🙂"
        }
    }
}

// MARK: - Submitting and checking

/// One submitting thread's state: the tickets it was handed (for the order check), BUSY retries and errors.
struct SubmitLane {
    var pending: [(ticket: Int64, chat: Int32, position: Int32, t0: UInt64)] = []
    var busy = 0
    var errors = 0
    var firstError: String?

    /// Submits several messages with one commit (Engine.submit(batch:), behind
    /// parley_engine_submit_batch) until accepted, waiting 200 µs after each BUSY.
    mutating func submit(batch items: [GeneratedMessage], to engine: Engine) {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: item.json)
        }
        bytes.append(UInt8(ascii: "]"))
        // Parsed once: a BUSY retry submits the same messages again.
        let parsed: [Result<Message, ParleyError>]
        do throws(ParleyError) {
            parsed = try withBytes(bytes) { (raw) throws(ParleyError) in try engine.parseBatch(json: raw) }
        } catch {
            errors += 1
            if firstError == nil { firstError = "submit batch: \(error)" }
            return
        }
        while true {
            let t0 = monotonicNanos()
            do throws(ParleyError) {
                let tickets = try engine.submit(batch: parsed)
                for (item, ticket) in zip(items, tickets) where !item.resend {
                    if ticket == 0 {
                        errors += 1
                        if firstError == nil { firstError = "submit batch: a message was refused" }
                    } else {
                        pending.append((ticket, Int32(item.chat), Int32(item.position), t0))
                    }
                }
                return
            } catch let error where error.kind == .busy {
                busy += 1
                usleep(200)
            } catch {
                errors += 1
                if firstError == nil { firstError = "submit batch: \(error)" }
                return
            }
        }
    }

    /// Submits until accepted, waiting 200 µs after each BUSY (backpressure).
    mutating func submit(_ item: GeneratedMessage, to engine: Engine) {
        while true {
            let t0 = monotonicNanos()
            do throws(ParleyError) {
                let ticket = try withBytes(item.json) { (raw) throws(ParleyError) in try engine.submit(json: raw) }
                if !item.resend { pending.append((ticket, Int32(item.chat), Int32(item.position), t0)) }
                return
            } catch let error where error.kind == .busy {
                busy += 1
                usleep(200)
            } catch {
                errors += 1
                if firstError == nil { firstError = "submit: \(error)" }
                return
            }
        }
    }
}

final class SubmitLanes: @unchecked Sendable {
    // @unchecked: thread i touches only lanes[i], and the joins order it before the reads.
    var lanes: [SubmitLane]
    init(_ count: Int) { lanes = Array(repeating: SubmitLane(), count: count) }
}

/// What the callback saw, in the order it saw it: cheap (a lock and an append), so it adds
/// next to nothing to the latency it measures.
final class ResultLog: @unchecked Sendable {
    // @unchecked: `entries` and `problem` change only under `mutex`.
    struct Entry { var ticket: Int64; var time: UInt64; var kind: UInt8 }   // kind: 0 ok, 1 duplicate, 2 error
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var entries: [Entry] = []
    private(set) var problem: String?

    init(capacity: Int) {
        pthread_mutex_init(mutex, nil)
        entries.reserveCapacity(capacity)
    }
    deinit { pthread_mutex_destroy(mutex); mutex.deallocate() }

    func record(_ outcome: Outcome) {
        let time = monotonicNanos()
        var kind: UInt8 = 0
        var message: String?
        switch outcome.result {
        case .success(let text): if isDuplicate(text) { kind = 1 }
        case .failure(let error): kind = 2; message = "ticket \(outcome.ticket): \(error)"
        }
        pthread_mutex_lock(mutex)
        entries.append(Entry(ticket: outcome.ticket, time: time, kind: kind))
        if problem == nil, let message { problem = message }
        pthread_mutex_unlock(mutex)
    }

    func take() -> [Entry] {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        let taken = entries
        entries.removeAll(keepingCapacity: true)
        return taken
    }
}

/// The per-chat order check: each chat's first results must come in the order of its
/// messages (a re-send's extra "duplicate" result is left out), and every message must get one.
struct OrderChecker {
    var expected: [Int32]
    var pending: [Int64: (chat: Int32, position: Int32, t0: UInt64)] = [:]
    var latencies: [Double] = []         // microseconds, every result
    var window: [Double] = []            // since the last windowP99()
    var violations = 0
    var firstViolation: String?
    var duplicates = 0
    var errors = 0
    var unknown = 0
    var results = 0
    /// false in a soak: only the current window's latencies are kept (memory stays flat).
    var keepAll = true
    var maxMicros = 0.0
    var worstWindowP99 = 0.0

    init(chats: Int) { expected = Array(repeating: 0, count: chats) }

    mutating func register(_ lane: [(ticket: Int64, chat: Int32, position: Int32, t0: UInt64)]) {
        for p in lane { pending[p.ticket] = (p.chat, p.position, p.t0) }
    }

    /// Entries whose submit has returned (their tickets registered).
    mutating func resolve(_ entries: [ResultLog.Entry]) {
        for entry in entries {
            if entry.kind == 1 { duplicates += 1; continue }
            guard let p = pending.removeValue(forKey: entry.ticket) else { unknown += 1; continue }
            results += 1
            if entry.kind == 2 { errors += 1 }
            let chat = Int(p.chat)
            if p.position != expected[chat] {
                violations += 1
                if firstViolation == nil {
                    firstViolation = "chat \(chat): message #\(p.position) came back when #\(expected[chat]) was due"
                }
            }
            expected[chat] = max(expected[chat], p.position + 1)
            let micros = Double(entry.time &- p.t0) / 1000
            if keepAll { latencies.append(micros) }
            window.append(micros)
            maxMicros = max(maxMicros, micros)
        }
    }

    mutating func windowP99() -> Double {
        let p99 = LatencySummary(window).p99
        worstWindowP99 = max(worstWindowP99, p99)
        window.removeAll(keepingCapacity: true)
        return p99
    }
}

struct LatencySummary {
    var p50 = 0.0, p95 = 0.0, p99 = 0.0, max = 0.0   // microseconds

    init() {}
    init(_ values: [Double]) {
        guard !values.isEmpty else { return }
        let sorted = values.sorted()
        func at(_ p: Double) -> Double { sorted[Swift.min(sorted.count - 1, Int(Double(sorted.count) * p))] }
        p50 = at(0.50); p95 = at(0.95); p99 = at(0.99); max = sorted.last!
    }

    var json: JSONValue {
        ["p50": .double(round1(p50)), "p95": .double(round1(p95)), "p99": .double(round1(p99)), "max": .double(round1(max))]
    }
}

struct RunStats {
    var mode: String
    var workers: Int
    var submitters: Int
    /// Messages per submit call (parley_engine_submit_batch when above 1).
    var batch = 1
    var submitted = 0
    var results = 0
    var seconds = 0.0
    var latency = LatencySummary()
    var peakRSS = 0
    var busyRetries = 0
    var duplicates = 0
    var errors = 0
    var orderViolations = 0
    var missing = 0
    var unknown = 0
    /// The store's files when the run ended (before close): bench.db and its WAL.
    var dbBytes = 0
    var walBytes = 0
    /// What the run's commits appended to the WAL (counted by the store's WAL hook).
    var wal = Store.WALUsage(frames: 0, bytes: 0, commits: 0)
    var firstProblem: String?
    /// The engine's per-stage latency percentiles for the run (µs), for the text report.
    var stages = ""
    /// CPU time of the whole process (every thread: host, workers, checkpointer) over the run,
    /// and that divided by the run's wall time: how many cores the run kept busy. Scaling
    /// across workers is bounded by the cores left over by the single-worker run.
    var cpuSeconds = 0.0
    /// The wall time CPU and the store's lock are measured over (submit to drain when async).
    var busySeconds = 0.0
    /// How long the store's connection lock was held (every SQLite call of the process runs
    /// under it): its share of the run near 1, more workers cannot add throughput.
    var lockHeldSeconds = 0.0

    var busyCores: Double { busySeconds > 0 ? cpuSeconds / busySeconds : 0 }
    var lockBusy: Double { busySeconds > 0 ? lockHeldSeconds / busySeconds : 0 }

    var cpuMicrosPerMessage: Double { submitted > 0 ? cpuSeconds * 1e6 / Double(submitted) : 0 }

    var rate: Double { seconds > 0 ? Double(submitted) / seconds : 0 }
    var ok: Bool { orderViolations == 0 && missing == 0 && errors == 0 }
    var label: String {
        switch mode {
        case "sync": "sync (1 thread)"
        case "async-50%": "async at 50 % load"
        default: (submitters > 1 ? "async (\(submitters) submitters)" : "async") + (batch > 1 ? " batch \(batch)" : "")
        }
    }

    mutating func absorb(_ checker: OrderChecker, finished: Bool) {
        results = checker.results
        duplicates = checker.duplicates
        errors += checker.errors
        orderViolations = checker.violations
        unknown = checker.unknown
        if finished { missing = checker.pending.count }
        latency = LatencySummary(checker.latencies)
        if firstProblem == nil { firstProblem = checker.firstViolation }
        if firstProblem == nil && missing > 0 { firstProblem = "\(missing) accepted messages never came back" }
    }

    var json: JSONValue {
        var object = JSONObject()
        object["mode"] = .string(mode)
        object["workers"] = .int(Int64(workers))
        object["submitters"] = .int(Int64(submitters))
        object["batch"] = .int(Int64(batch))
        object["messages"] = .int(Int64(submitted))
        object["results"] = .int(Int64(results))
        object["seconds"] = .double(round3(seconds))
        object["messagesPerSecond"] = .double(round1(rate))
        object["latencyMicros"] = latency.json
        object["peakRSSBytes"] = .int(Int64(peakRSS))
        object["busyRetries"] = .int(Int64(busyRetries))
        object["cpuSeconds"] = .double(round3(cpuSeconds))
        object["cpuMicrosPerMessage"] = .double(round1(cpuMicrosPerMessage))
        object["busyCores"] = .double(round2(busyCores))
        object["storeLockBusy"] = .double(round3(lockBusy))
        object["duplicates"] = .int(Int64(duplicates))
        object["errors"] = .int(Int64(errors))
        object["dbBytes"] = .int(Int64(dbBytes))
        object["walBytes"] = .int(Int64(walBytes))
        object["walFramesWritten"] = .int(wal.frames)
        object["walBytesWritten"] = .int(wal.bytes)
        object["commits"] = .int(wal.commits)
        if submitted > 0 {
            object["walPagesPerMessage"] = .double(round1(Double(wal.frames) / Double(submitted)))
            object["commitsPerMessage"] = .double(round3(Double(wal.commits) / Double(submitted)))
        }
        if mode != "sync" {
            object["orderViolations"] = .int(Int64(orderViolations))
            object["missing"] = .int(Int64(missing))
            object["orderOK"] = .bool(ok)
        }
        if let firstProblem { object["firstProblem"] = .string(firstProblem) }
        return .object(object)
    }
}

struct SoakSample { var second: Double; var rss: Int; var rate: Double; var p99Micros: Double; var walBytes: Int }

struct SoakStats {
    var workers: Int
    var targetRate: Double
    var seconds: Int
    var achievedRate = 0.0
    var submitted = 0
    var rssStart = 0
    var rssEnd = 0
    var peakRSS = 0
    var samples: [SoakSample] = []
    var lastWindowP99 = 0.0
    var worstWindowP99 = 0.0
    var maxMicros = 0.0
    var run = RunStats(mode: "soak", workers: 0, submitters: 1)

    var json: JSONValue {
        [
            "seconds": .int(Int64(seconds)), "workers": .int(Int64(workers)), "targetPerSecond": .double(round1(targetRate)),
            "achievedPerSecond": .double(round1(achievedRate)), "messages": .int(Int64(submitted)),
            "dbBytes": .int(Int64(run.dbBytes)), "walBytes": .int(Int64(run.walBytes)),
            "rssStartBytes": .int(Int64(rssStart)), "rssEndBytes": .int(Int64(rssEnd)), "peakRSSBytes": .int(Int64(peakRSS)),
            "worstWindowP99Micros": .double(round1(worstWindowP99)), "maxLatencyMicros": .double(round1(maxMicros)), "orderOK": .bool(run.ok), "orderViolations": .int(Int64(run.orderViolations)),
            "missing": .int(Int64(run.missing)), "errors": .int(Int64(run.errors)),
            "samples": .array(samples.map {
                ["second": .double(round1($0.second)), "rssBytes": .int(Int64($0.rss)), "messagesPerSecond": .double(round1($0.rate)),
                 "p99Micros": .double(round1($0.p99Micros)), "walBytes": .int(Int64($0.walBytes))]
            }),
        ]
    }
}

// MARK: - Helpers

/// A context whose status is "duplicate" (the key comes second, after "schema").
func isDuplicate(_ text: String) -> Bool {
    let marker = Array(#""status":"duplicate""#.utf8)
    var utf8 = text.utf8.prefix(64).makeIterator()
    var window: [UInt8] = []
    while let byte = utf8.next() {
        window.append(byte)
        if window.count >= marker.count && window.suffix(marker.count).elementsEqual(marker) { return true }
    }
    return false
}

/// `body` over the bytes of `bytes` (withUnsafeBytes does not carry typed throws).
func withBytes<T>(_ bytes: [UInt8], _ body: (UnsafeRawBufferPointer) throws(ParleyError) -> T) throws(ParleyError) -> T {
    let result: Result<T, ParleyError> = bytes.withUnsafeBytes { raw in
        do throws(ParleyError) { return .success(try body(raw)) } catch { return .failure(error) }
    }
    return try result.get()
}

func monotonicNanos() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

/// Sleeps until `deadline` (monotonic ns); a submit that falls behind goes at once (the
/// schedule is absolute, so a late one does not shift the rest).
func waitUntil(_ deadline: UInt64) {
    let now = monotonicNanos()
    guard deadline > now else { return }
    var spec = timespec(tv_sec: Int(deadline / 1_000_000_000), tv_nsec: Int(deadline % 1_000_000_000))
    while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &spec, nil) == EINTR {}
}

private final class ThreadBody: @unchecked Sendable {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}

/// Runs body(0..<count) on `count` threads (the caller's for one) and joins them.
func runThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    guard count > 1 else { body(0); return }
    var threads: [pthread_t] = []
    for index in 0..<count {
        let box = Unmanaged.passRetained(ThreadBody { body(index) }).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { raw in
            Unmanaged<ThreadBody>.fromOpaque(raw!).takeRetainedValue().run()
            return nil
        }, box)
        precondition(status == 0, "pthread_create failed: \(status)")
        threads.append(thread)
    }
    for thread in threads { pthread_join(thread, nil) }
}

enum PeakRSS {
    /// Linux resets VmHWM when "5" is written to /proc/self/clear_refs; without that, peaks
    /// are the process's (getrusage ru_maxrss), not one run's.
    static let canReset: Bool = reset()

    @discardableResult
    static func reset() -> Bool {
        let fd = open("/proc/self/clear_refs", O_WRONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return write(fd, "5", 1) == 1
    }

    /// Bytes: VmHWM, else ru_maxrss.
    static func peak() -> Int {
        if let kb = status("VmHWM:") { return kb * 1024 }
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss * 1024
    }

    /// Bytes: VmRSS now.
    static func current() -> Int { (status("VmRSS:") ?? 0) * 1024 }

    static func status(_ key: String) -> Int? {
        guard let text = readWholeFile("/proc/self/status") else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(key) {
            return Int(line.dropFirst(key.count).filter(\.isNumber))
        }
        return nil
    }
}

/// User plus system CPU seconds of the whole process so far (every thread).
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// Sizes of bench.db and bench.db-wal in `directory` (0 when absent).
func storeSizes(_ directory: String) -> (db: Int, wal: Int) {
    func size(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }
    return (size(directory + "/bench.db"), size(directory + "/bench.db-wal"))
}

func loadAverage() -> [Double] {
    var values = [Double](repeating: 0, count: 3)
    let n = getloadavg(&values, 3)
    return n > 0 ? Array(values.prefix(Int(n))) : []
}

/// A fresh directory for a benchmark's store under $TMPDIR (default /tmp): point TMPDIR at
/// the disk the host will use (its WAL syncs make the latency tail), or at tmpfs to take the
/// disk out of the figures.
func makeTemporaryDirectory(_ prefix: String = "parley-bench") -> String {
    let base = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    var template = Array("\(base)/\(prefix)-XXXXXX".utf8CString)
    guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
        fatalError("cannot make a directory under \(base): \(String(cString: strerror(errno)))")
    }
    return String(cString: made)
}

func removeDirectory(_ path: String) { _ = system("rm -rf '\(path)'") }

func round1(_ x: Double) -> Double { (x * 10).rounded() / 10 }
func round2(_ x: Double) -> Double { (x * 100).rounded() / 100 }
func round3(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
func pad(_ s: String, _ width: Int) -> String { s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count) }
func lpad(_ s: String, _ width: Int) -> String { s.count >= width ? " " + s : String(repeating: " ", count: width - s.count) + s }
