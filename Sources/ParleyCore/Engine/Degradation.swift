/// Graceful degradation: under overload or failing health, optional features are shed one
/// at a time in a configured order (by default audio, then OCR, then documents, then the
/// statistical entity layer) and come back one at a time when load falls. The text path and
/// the journal never shed. Load is the larger of the queue's fill (outstanding / high-water
/// mark) and the recent p99 latency over its warning threshold; a critical error rate counts
/// as full load.
public struct DegradationSettings: Sendable, Equatable {
    public enum Feature: String, Sendable, CaseIterable {
        case audio, ocr, documents, statistical
    }

    public var enabled = true
    public var order: [Feature] = [.audio, .ocr, .documents, .statistical]
    /// Shed one more feature while load is at or above this.
    public var enterLoad = 0.8
    /// Bring one back while load is below this.
    public var exitLoad = 0.5
    /// At most one step per this many milliseconds, either way.
    public var stepMillis: Int64 = 1_000

    public init() {}
}

/// The state machine: how many features of `order` are shed now. A plain value, guarded by
/// its owner; times are monotonic milliseconds.
struct DegradationState {
    let settings: DegradationSettings
    private(set) var level = 0
    private var lastStep: Int64 = .min
    private(set) var load = 0.0
    /// How many times shedding started (level went from 0 to 1).
    private(set) var periods = 0
    private(set) var since: Int64?

    init(settings: DegradationSettings) {
        self.settings = settings
    }

    var shed: [DegradationSettings.Feature] { Array(settings.order.prefix(level)) }

    mutating func update(load: Double, now: Int64) {
        self.load = load
        guard settings.enabled, lastStep == .min || now - lastStep >= settings.stepMillis else { return }
        if load >= settings.enterLoad && level < settings.order.count {
            if level == 0 {
                periods += 1
                since = now
            }
            level += 1
            lastStep = now
        } else if load < settings.exitLoad && level > 0 {
            level -= 1
            if level == 0 { since = nil }
            lastStep = now
        }
    }
}
