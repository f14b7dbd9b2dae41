import ArgumentParser
import ParleyCore

/// `parley bench outbox`: the outbox simulation (Delivery/OutboxSimulation.swift) at full size:
/// 100,000 sends to 5,000 recipients against a fake clock, with injected failures, rate-limit
/// errors and lost confirmations. Reports the peak of every window against its limit, the
/// achieved rate over the allowed one and the latency of high-priority sends; exits non-zero
/// if any window was exceeded.
struct BenchOutbox: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox", abstract: "Simulate a host draining the outbox on a fake clock and check every rate window.")

    @Option(name: .long, help: "Sends queued.") var sends = 100_000
    @Option(name: .long, help: "Recipients they go to.") var recipients = 5_000
    @Option(name: .long, help: "The \"outbox\" configuration object (JSON).") var config = #"{"newContactsPerDay": 0}"#
    @Option(name: .long, help: "Share of sends failing with a transient error.") var failures = 0.02
    @Option(name: .customLong("rate-limits"), help: "Share of sends refused with a rate-limit error.") var rateLimits = 0.002
    @Option(name: .long, help: "Store file (default: in memory).") var store: String?
    @Option(name: .long, help: "Largest batch.") var batch = 500

    func run() throws {
        var options = OutboxSimulation.Options()
        options.sends = sends
        options.recipients = recipients
        options.outboxConfig = config
        options.transientFailureRate = failures
        options.rateLimitRate = rateLimits
        options.storePath = store
        options.batchMax = batch
        let report: OutboxSimulation.Report
        do { report = try OutboxSimulation.run(options) } catch { throw ValidationError(error.description) }
        print(JSONWriter.string(report.json))
        if !report.violations.isEmpty { throw ExitCode(1) }
    }
}
