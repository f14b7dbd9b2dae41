/// Times and numbers as the report prints them, without Foundation: local times in the
/// engine's zone (TimeZoneRules), numbers with a fixed number of decimals.
struct ReportFormat: Sendable {
    let zone: TimeZoneRules

    init(timeZone: String) {
        zone = (try? TimeZoneRules.named(timeZone)) ?? TimeZoneRules.fixed("UTC", offset: 0)
    }

    private func civil(_ seconds: Int64) -> (date: (year: Int, month: Int, day: Int), hour: Int, minute: Int) {
        let local = Int(seconds) + zone.offset(at: Int(seconds))
        let days = Civil.floorDiv(local, 86_400)
        let second = local - days * 86_400
        return (Civil.date(days: days), second / 3600, (second % 3600) / 60)
    }

    /// "2025-11-25 08:00".
    func dateTime(_ seconds: Int64) -> String {
        let c = civil(seconds)
        return "\(Self.pad(c.date.year, 4))-\(Self.pad(c.date.month))-\(Self.pad(c.date.day)) \(Self.pad(c.hour)):\(Self.pad(c.minute))"
    }

    /// "2025-11-25".
    func date(_ seconds: Int64) -> String {
        let c = civil(seconds)
        return "\(Self.pad(c.date.year, 4))-\(Self.pad(c.date.month))-\(Self.pad(c.date.day))"
    }

    /// "08:00".
    func time(_ seconds: Int64) -> String {
        let c = civil(seconds)
        return "\(Self.pad(c.hour)):\(Self.pad(c.minute))"
    }

    /// The machine-readable form for <time datetime>: "2025-11-25T08:00:00Z" (UTC).
    static func iso(_ seconds: Int64) -> String {
        let days = Civil.floorDiv(Int(seconds), 86_400)
        let second = Int(seconds) - days * 86_400
        let d = Civil.date(days: days)
        return "\(pad(d.year, 4))-\(pad(d.month))-\(pad(d.day))T\(pad(second / 3600)):\(pad((second % 3600) / 60)):\(pad(second % 60))Z"
    }

    static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value < 0 ? -value : value)
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// A number with at most `decimals` decimals, no trailing zeros ("250000", "0.35", "-0.6").
    static func number(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 1e15 else { return String(Int64(value.rounded())) }
        let whole = Int64(scaled / scale)
        var fraction = Int64(scaled) - whole * Int64(scale)
        var text = (value < 0 && scaled > 0 ? "-" : "") + String(whole)
        guard fraction > 0 else { return text }
        var digits = decimals
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        text += "." + String(repeating: "0", count: max(0, digits - String(fraction).count)) + String(fraction)
        return text
    }

    /// A signed score with two decimals: "+0.35", "−0.80" (a true minus sign).
    static func score(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        let text = number(abs(rounded), decimals: 2)
        return rounded > 0 ? "+" + text : rounded < 0 ? "\u{2212}" + text : "0"
    }

    /// Coordinates in SVG: one decimal.
    static func coordinate(_ value: Double) -> String {
        number(value, decimals: 1)
    }

    /// "1.2 MB", "340 KB", "512 B".
    static func bytes(_ count: Int64) -> String {
        if count >= 1_048_576 { return number(Double(count) / 1_048_576, decimals: 1) + " MB" }
        if count >= 1024 { return number(Double(count) / 1024, decimals: 0) + " KB" }
        return "\(count) B"
    }
}
