/// The report's charts as inline SVG (no script, no external resource). Each is an image with
/// a <title> and a <desc> (named by aria-labelledby) that say in words what it shows, and its
/// marks carry <title>s a pointer shows; the page also gives the same numbers as text.
struct ReportCharts {
    let format: ReportFormat

    static let width = 640.0
    /// Okabe–Ito colours (distinguishable with colour blindness), darkened where needed for
    /// 3:1 against white; the last one is "other intents".
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8F6A00", "#5E3C99", "#A3361F", "#6B7280"]
    static let negative = "#B42318"
    static let positive = "#067647"
    static let neutral = "#6B7280"

    /// Opens an <svg> with its accessible name and description.
    private func open(_ out: inout HTMLText, id: String, height: Double, title: String, description: String, className: String) {
        out.raw("<svg class=\"\(className)\" viewBox=\"0 0 \(Int(Self.width)) \(Int(height))\" role=\"img\" ")
        out.raw("aria-labelledby=\"\(id)-t \(id)-d\" xmlns=\"http://www.w3.org/2000/svg\" preserveAspectRatio=\"xMidYMid meet\">")
        out.raw("<title id=\"\(id)-t\">")
        out.text(title)
        out.raw("</title><desc id=\"\(id)-d\">")
        out.text(description)
        out.raw("</desc>")
    }

    private static func c(_ value: Double) -> String { ReportFormat.coordinate(value) }

    // MARK: Sentiment

    /// The tenant's messages' sentiment scores over time (dots), their running average (line),
    /// and the angriest moments circled and linked to their messages.
    func sentiment(_ out: inout HTMLText, id: String, points: [ReportPoint], angriest: [ReportPoint]) {
        let scored = points.filter { !$0.fromMe && $0.sentiment != nil }
        let height = 230.0
        let left = 44.0, right = 12.0, top = 12.0, bottom = 34.0
        let plotW = Self.width - left - right, plotH = height - top - bottom
        let description: String
        if scored.isEmpty {
            description = "No message of the tenant carries a sentiment score yet."
        } else {
            let scores = scored.map { $0.sentiment ?? 0 }
            let average = scores.reduce(0, +) / Double(scores.count)
            let lowest = scored.min { ($0.sentiment ?? 0) < ($1.sentiment ?? 0) }!
            description = "\(scored.count) scored messages from \(format.dateTime(scored.first!.timestamp)) to "
                + "\(format.dateTime(scored.last!.timestamp)); average \(ReportFormat.score(average)), lowest "
                + "\(ReportFormat.score(lowest.sentiment ?? 0)) at \(format.dateTime(lowest.timestamp)). Scores run from −1 (angry) to +1 (happy)."
        }
        open(&out, id: id, height: height, title: "Sentiment of the tenant's messages over time", description: description, className: "chart sentiment-chart")
        // Axes: +1, 0, −1.
        for (score, label) in [(1.0, "+1"), (0.0, "0"), (-1.0, "\u{2212}1")] {
            let y = top + (1 - score) / 2 * plotH
            out.raw("<line class=\"grid\(score == 0 ? " zero" : "")\" x1=\"\(Self.c(left))\" x2=\"\(Self.c(left + plotW))\" y1=\"\(Self.c(y))\" y2=\"\(Self.c(y))\"/>")
            out.raw("<text class=\"axis\" x=\"\(Self.c(left - 6))\" y=\"\(Self.c(y + 4))\" text-anchor=\"end\">\(label)</text>")
        }
        guard let first = scored.first?.timestamp, let last = scored.last?.timestamp else {
            out.raw("<text class=\"empty\" x=\"\(Self.c(left + plotW / 2))\" y=\"\(Self.c(top + plotH / 2 - 8))\" text-anchor=\"middle\">No scored messages</text></svg>")
            return
        }
        let span = Double(max(last - first, 1))
        func x(_ t: Int64) -> Double { last == first ? left + plotW / 2 : left + Double(t - first) / span * plotW }
        func y(_ s: Double) -> Double { top + (1 - max(-1, min(1, s))) / 2 * plotH }
        // Many messages: one dot per time slice (its average), so the page stays light.
        let maxDots = 600
        var dots: [(t: Int64, score: Double, count: Int)] = []
        if scored.count <= maxDots {
            dots = scored.map { ($0.timestamp, $0.sentiment ?? 0, 1) }
        } else {
            var sums = [(t: Int64, sum: Double, count: Int)](repeating: (0, 0, 0), count: maxDots)
            for point in scored {
                let slot = min(maxDots - 1, Int(Double(point.timestamp - first) / span * Double(maxDots)))
                if sums[slot].count == 0 { sums[slot].t = point.timestamp }
                sums[slot].sum += point.sentiment ?? 0
                sums[slot].count += 1
            }
            dots = sums.filter { $0.count > 0 }.map { ($0.t, $0.sum / Double($0.count), $0.count) }
        }
        // Running average over the last five dots.
        var line = ""
        var window: [Double] = []
        for dot in dots {
            window.append(dot.score)
            if window.count > 5 { window.removeFirst() }
            let average = window.reduce(0, +) / Double(window.count)
            line += (line.isEmpty ? "" : " ") + Self.c(x(dot.t)) + "," + Self.c(y(average))
        }
        out.raw("<polyline class=\"trend\" points=\"\(line)\"/>")
        for dot in dots {
            let colour = dot.score <= -0.05 ? "neg" : dot.score >= 0.05 ? "pos" : "neu"
            out.raw("<circle class=\"dot \(colour)\" cx=\"\(Self.c(x(dot.t)))\" cy=\"\(Self.c(y(dot.score)))\" r=\"3\"><title>")
            out.text("\(format.dateTime(dot.t)): \(ReportFormat.score(dot.score))\(dot.count > 1 ? " (average of \(dot.count))" : "")")
            out.raw("</title></circle>")
        }
        for (rank, point) in angriest.enumerated() {
            let cx = Self.c(x(point.timestamp)), cy = Self.c(y(point.sentiment ?? 0))
            out.raw("<a href=\"#\(point.anchor)\" class=\"angry-mark\"><circle class=\"angry\" cx=\"\(cx)\" cy=\"\(cy)\" r=\"8\"><title>")
            out.text("Angriest moment \(rank + 1): \(format.dateTime(point.timestamp)), \(ReportFormat.score(point.sentiment ?? 0))")
            out.raw("</title></circle><text class=\"rank\" x=\"\(cx)\" y=\"\(Self.c(y(point.sentiment ?? 0) - 11))\" text-anchor=\"middle\">\(rank + 1)</text></a>")
        }
        out.raw("<text class=\"axis\" x=\"\(Self.c(left))\" y=\"\(Self.c(height - 10))\">")
        out.text(format.dateTime(first))
        out.raw("</text><text class=\"axis\" x=\"\(Self.c(left + plotW))\" y=\"\(Self.c(height - 10))\" text-anchor=\"end\">")
        out.text(format.dateTime(last))
        out.raw("</text></svg>")
    }

    // MARK: Intents

    /// Intents of the tenant's messages per time slice, as stacked bars; returns the slices and
    /// intents drawn, for the table that repeats them as text.
    struct IntentSeries {
        var intents: [String]
        var slices: [(start: Int64, counts: [Int])]
        /// The slices' length in seconds.
        var unit: Int64 = 86_400
    }

    static func intentSeries(_ points: [ReportPoint], maxIntents: Int = 7, maxSlices: Int = 24) -> IntentSeries {
        let named = points.filter { !$0.fromMe && $0.intent != nil }
        guard let first = named.first?.timestamp, let last = named.last?.timestamp else { return IntentSeries(intents: [], slices: []) }
        var totals: [String: Int] = [:]
        for point in named { totals[point.intent!, default: 0] += 1 }
        var intents = totals.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        let folded = intents.count > maxIntents
        if folded { intents = Array(intents.prefix(maxIntents - 1)) + ["other intents"] }
        let index = Dictionary(uniqueKeysWithValues: intents.enumerated().map { ($1, $0) })
        // Slices of a whole number of hours or days, at most maxSlices.
        let span = max(last - first, 1)
        let units: [Int64] = [3600, 3 * 3600, 6 * 3600, 86_400, 7 * 86_400, 30 * 86_400, 365 * 86_400]
        let unit = units.first { span / $0 < Int64(maxSlices) } ?? (span / Int64(maxSlices - 1) + 1)
        let start = first - ((first % unit) + unit) % unit
        let count = Int((last - start) / unit) + 1
        var slices = (0..<count).map { (start: start + Int64($0) * unit, counts: [Int](repeating: 0, count: intents.count)) }
        for point in named {
            let slot = Int((point.timestamp - start) / unit)
            let column = index[point.intent!] ?? (intents.count - 1)
            slices[slot].counts[column] += 1
        }
        return IntentSeries(intents: intents, slices: slices, unit: unit)
    }

    func intents(_ out: inout HTMLText, id: String, series: IntentSeries) {
        let height = 250.0
        let left = 36.0, right = 12.0, top = 12.0, bottom = 40.0
        let plotW = Self.width - left - right, plotH = height - top - bottom
        let total = series.slices.reduce(0) { $0 + $1.counts.reduce(0, +) }
        let description = total == 0 ? "No message of the tenant has an intent yet."
            : "\(total) messages of the tenant by intent, in \(series.slices.count) time slices from "
                + "\(format.dateTime(series.slices.first!.start)): "
                + series.intents.enumerated().map { i, name in "\(name) \(series.slices.reduce(0) { $0 + $1.counts[i] })" }.joined(separator: ", ") + "."
        open(&out, id: id, height: height, title: "What the tenant asked about, over time", description: description, className: "chart intent-chart")
        let peak = max(1, series.slices.map { $0.counts.reduce(0, +) }.max() ?? 1)
        for fraction in [0.0, 0.5, 1.0] {
            let y = top + plotH - fraction * plotH
            out.raw("<line class=\"grid\" x1=\"\(Self.c(left))\" x2=\"\(Self.c(left + plotW))\" y1=\"\(Self.c(y))\" y2=\"\(Self.c(y))\"/>")
            let label = fraction == 0.5 ? ReportFormat.number(Double(peak) / 2, decimals: 1) : String(Int(fraction) * peak)
            out.raw("<text class=\"axis\" x=\"\(Self.c(left - 6))\" y=\"\(Self.c(y + 4))\" text-anchor=\"end\">\(label)</text>")
        }
        guard !series.slices.isEmpty else {
            out.raw("<text class=\"empty\" x=\"\(Self.c(left + plotW / 2))\" y=\"\(Self.c(top + plotH / 2))\" text-anchor=\"middle\">No intents yet</text></svg>")
            return
        }
        let slot = plotW / Double(series.slices.count)
        let barW = min(56, max(2, slot * 0.72))
        for (n, slice) in series.slices.enumerated() {
            var y = top + plotH
            let x = left + Double(n) * slot + (slot - barW) / 2
            for (i, count) in slice.counts.enumerated() where count > 0 {
                let h = Double(count) / Double(peak) * plotH
                y -= h
                out.raw("<rect class=\"bar\" x=\"\(Self.c(x))\" y=\"\(Self.c(y))\" width=\"\(Self.c(barW))\" height=\"\(Self.c(h))\" fill=\"\(Self.palette[min(i, Self.palette.count - 1)])\"><title>")
                out.text("\(format.dateTime(slice.start)): \(series.intents[i]) \(count)")
                out.raw("</title></rect>")
            }
        }
        let labelled = Set([0, series.slices.count / 2, series.slices.count - 1])
        for n in labelled.sorted() {
            let x = left + (Double(n) + 0.5) * slot
            out.raw("<text class=\"axis\" x=\"\(Self.c(x))\" y=\"\(Self.c(height - 22))\" text-anchor=\"middle\">")
            out.text(series.unit < 86_400 ? format.dateTime(series.slices[n].start) : format.date(series.slices[n].start))
            out.raw("</text>")
        }
        out.raw("</svg>")
    }

    // MARK: Threads

    /// One bar per thread from its opening to its last message, labelled with its topic and
    /// linked to its first message.
    func threads(_ out: inout HTMLText, id: String, threads: [ReportThread], maxRows: Int = 40) {
        let shown = Array(threads.prefix(maxRows))
        let rowH = 30.0, top = 8.0, bottom = 26.0, left = 8.0, right = 8.0
        let height = top + bottom + rowH * Double(max(shown.count, 1))
        let plotW = Self.width - left - right
        let description = threads.isEmpty ? "No conversation threads yet."
            : "\(threads.count) threads" + (threads.count > shown.count ? " (the first \(shown.count) drawn)" : "") + ": "
                + shown.map { "\($0.topic), \($0.messageCount) messages, \($0.state)" }.joined(separator: "; ") + "."
        open(&out, id: id, height: height, title: "Timeline of the conversation's threads", description: description, className: "chart thread-chart")
        guard let first = shown.map(\.openedAt).min(), let last = shown.map(\.lastActivity).max() else {
            out.raw("<text class=\"empty\" x=\"\(Self.c(Self.width / 2))\" y=\"\(Self.c(top + rowH / 2 + 4))\" text-anchor=\"middle\">No threads yet</text></svg>")
            return
        }
        let span = Double(max(last - first, 1))
        for (n, thread) in shown.enumerated() {
            let x0 = left + Double(thread.openedAt - first) / span * plotW
            let x1 = max(x0 + 4, left + Double(thread.lastActivity - first) / span * plotW)
            let y = top + Double(n) * rowH
            if let anchor = thread.firstAnchor { out.raw("<a href=\"#\(anchor)\">") }
            out.raw("<rect class=\"span \(thread.state == "open" ? "open" : "closed")\" x=\"\(Self.c(x0))\" y=\"\(Self.c(y + 16))\" width=\"\(Self.c(x1 - x0))\" height=\"9\" rx=\"3\"><title>")
            out.text("\(thread.topic): \(format.dateTime(thread.openedAt)) to \(format.dateTime(thread.lastActivity)), \(thread.messageCount) messages, \(thread.state)")
            out.raw("</title></rect>")
            let anchorEnd = x0 > Self.width * 0.6
            out.raw("<text class=\"topic\" x=\"\(Self.c(anchorEnd ? x1 : x0))\" y=\"\(Self.c(y + 12))\"\(anchorEnd ? " text-anchor=\"end\"" : "")>")
            out.text(thread.topic.count > 60 ? String(thread.topic.prefix(58)) + "…" : thread.topic)
            out.raw("</text>")
            if thread.firstAnchor != nil { out.raw("</a>") }
        }
        out.raw("<text class=\"axis\" x=\"\(Self.c(left))\" y=\"\(Self.c(height - 8))\">")
        out.text(format.dateTime(first))
        out.raw("</text><text class=\"axis\" x=\"\(Self.c(left + plotW))\" y=\"\(Self.c(height - 8))\" text-anchor=\"end\">")
        out.text(format.dateTime(last))
        out.raw("</text></svg>")
    }
}
