/// Periods when the engine processed a chat's messages degraded: consecutive processed
/// messages (in processing order) whose contexts carry "degraded" marks, folded into one
/// period with the features shed. A message processed without marks ends a period.
public struct DegradedPeriod: Sendable, Equatable {
    /// Processing times (Unix milliseconds) of the period's first and last message.
    public var from: Int64
    public var to: Int64
    /// The features shed (sorted, each once): "audio", "ocr", "documents", "statistical".
    public var features: [String]
    public var messages: Int
    /// The anchor of the period's first message on the page (nil: not listed).
    public var firstAnchor: String?
}

/// Collects each processed message's marks, then folds them into periods.
struct DegradedPeriodFolder {
    private var marks: [(receivedAt: Int64, order: Int, features: [String], anchor: String?)] = []

    /// Notes one processed message: `features` empty when it was processed in full.
    mutating func note(receivedAt: Int64, features: [String], anchor: String?) {
        marks.append((receivedAt, marks.count, features, anchor))
    }

    func periods() -> [DegradedPeriod] {
        var periods: [DegradedPeriod] = []
        var current: DegradedPeriod?
        for mark in marks.sorted(by: { ($0.receivedAt, $0.order) < ($1.receivedAt, $1.order) }) {
            if mark.features.isEmpty {
                if let open = current { periods.append(open) }
                current = nil
                continue
            }
            if var open = current {
                open.to = mark.receivedAt
                open.messages += 1
                open.features = Array(Set(open.features + mark.features)).sorted()
                current = open
            } else {
                current = DegradedPeriod(from: mark.receivedAt, to: mark.receivedAt, features: Array(Set(mark.features)).sorted(),
                                         messages: 1, firstAnchor: mark.anchor)
            }
        }
        if let open = current { periods.append(open) }
        return periods
    }
}
