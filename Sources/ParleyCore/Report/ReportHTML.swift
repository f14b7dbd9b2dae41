/// Renders a `ConversationReport` as one self-contained HTML page: inline CSS and SVG, no
/// script, no font or image fetched (a Content-Security-Policy says so to the browser too),
/// every piece of user text escaped (HTMLText) and, with the `mask` option, phone numbers and
/// e-mail addresses masked (LogMask). Headings go h1 (the report) → h2 (a chat) → h3 (its
/// parts) → h4; charts are images with a title and description, repeated as tables.
public struct ReportHTML: Sendable {
    public let report: ConversationReport
    let mask: Bool
    let format: ReportFormat
    let charts: ReportCharts

    public init(report: ConversationReport, mask: Bool = true) {
        self.report = report
        self.mask = mask
        format = ReportFormat(timeZone: report.timeZone)
        charts = ReportCharts(format: format)
    }

    /// Text as the page shows it: masked when asked.
    private func shown(_ text: String) -> String {
        mask ? LogMask.mask(text) : text
    }

    public func render() -> String {
        var out = HTMLText(reservingCapacity: 64 * 1024 + report.messageCount * 700)
        out.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        out.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        out.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
        out.raw("<meta name=\"generator\" content=\"Parley \(ParleyVersion.string)\">\n<title>")
        out.text(report.title)
        out.raw("</title>\n<style>\n\(ReportStyle.css)</style>\n</head>\n<body>\n")
        out.raw("<a class=\"skip\" href=\"#main\">Skip to the report</a>\n<header class=\"page\">\n<h1>")
        out.text(report.title)
        out.raw("</h1>\n<p class=\"meta\">Generated <time datetime=\"\(ReportFormat.iso(report.generatedAt))\">")
        out.text(format.dateTime(report.generatedAt))
        out.raw("</time> · times in ")
        out.text(report.timeZone)
        if let chat = report.chatFilter {
            out.raw(" · chat ")
            out.text(shown(chat))
        }
        out.raw("</p>\n</header>\n<main id=\"main\">\n")
        overview(&out)
        for (index, chat) in report.chats.enumerated() { self.chat(&out, chat, index: index + 1) }
        out.raw("</main>\n<footer class=\"page\"><p>Made by Parley \(ParleyVersion.string) from its store. ")
        out.raw(mask ? "Phone numbers and e-mail addresses are masked. " : "Phone numbers in the entity table are masked. ")
        out.raw("This page loads nothing from the network.</p></footer>\n</body>\n</html>\n")
        return out.string
    }

    // MARK: Overview

    private func overview(_ out: inout HTMLText) {
        out.raw("<section aria-labelledby=\"overview\" class=\"overview\" data-chats=\"\(report.chatCount)\" data-messages=\"\(report.messageCount)\" data-dead-letters=\"\(report.deadLetterCount)\">\n")
        out.raw("<h2 id=\"overview\">Overview</h2>\n")
        guard !report.chats.isEmpty else {
            out.raw("<div class=\"empty-state\" role=\"status\"><p><strong>")
            if let chat = report.chatFilter {
                out.text("No messages for chat \(shown(chat)) in this store.")
            } else {
                out.raw("The store holds no messages yet.")
            }
            out.raw("</strong></p><p>Process some first, for example <code>parley process --config CONFIG.json messages.jsonl</code>, then make the report again with the same configuration.</p></div>\n</section>\n")
            return
        }
        out.raw("<dl class=\"summary\">")
        for (label, value) in [("Chats", report.chatCount), ("Messages", report.messageCount), ("Threads", report.threadCount),
                               ("Media items", report.mediaCount), ("Dead letters", report.deadLetterCount),
                               ("Degraded periods", report.degradedPeriodCount)] {
            out.raw("<div><dt>\(label)</dt><dd>\(value)</dd></div>")
        }
        out.raw("</dl>\n<nav class=\"chats-nav\" aria-label=\"Chats\"><ol class=\"chats\">\n")
        for (index, chat) in report.chats.enumerated() {
            out.raw("<li><a href=\"#c\(index + 1)\">")
            out.text(chatTitle(chat))
            out.raw("</a> — \(chat.messageCount) message\(chat.messageCount == 1 ? "" : "s")")
            if !chat.deadLetters.isEmpty { out.raw(", <span class=\"badge neg\">\(chat.deadLetters.count) dead letter\(chat.deadLetters.count == 1 ? "" : "s")</span>") }
            out.raw("</li>\n")
        }
        out.raw("</ol></nav>\n")
        if !report.otherChats.isEmpty {
            out.raw("<h3 id=\"other-chats\">\(report.otherChats.count) less active chat\(report.otherChats.count == 1 ? "" : "s") (not detailed)</h3>\n")
            out.raw("<p class=\"note\">Only the \(report.chats.count) chats with the most messages are shown in full; make a report of one of these with its chat id.</p>\n")
            out.raw("<div class=\"table-wrap\"><table class=\"other-chats\"><thead><tr><th scope=\"col\">Chat</th><th scope=\"col\" class=\"num\">Messages</th><th scope=\"col\">First</th><th scope=\"col\">Last</th></tr></thead><tbody>\n")
            for other in report.otherChats {
                out.raw("<tr><td>")
                out.text(shown(other.chat))
                out.raw("</td><td class=\"num\">\(other.messages)</td><td>")
                out.text(format.dateTime(other.first))
                out.raw("</td><td>")
                out.text(format.dateTime(other.last))
                out.raw("</td></tr>\n")
            }
            out.raw("</tbody></table></div>\n")
        }
        out.raw("</section>\n")
    }

    private func chatTitle(_ chat: ChatReport) -> String {
        let id = shown(chat.chat)
        guard let name = chat.name else { return id }
        return "\(name) (\(id))"
    }

    // MARK: One chat

    private func chat(_ out: inout HTMLText, _ chat: ChatReport, index: Int) {
        let id = "c\(index)"
        out.raw("<section class=\"chat\" id=\"\(id)\" aria-labelledby=\"\(id)-h\" data-chat=\"")
        out.attribute(shown(chat.chat))
        out.raw("\" data-messages=\"\(chat.messageCount)\" data-dead-letters=\"\(chat.deadLetters.count)\" data-threads=\"\(chat.threads.count)\">\n<h2 id=\"\(id)-h\">")
        out.text(chatTitle(chat))
        out.raw("</h2>\n<p class=\"meta\">\(chat.messageCount) message\(chat.messageCount == 1 ? "" : "s") from <time datetime=\"\(ReportFormat.iso(chat.first))\">")
        out.text(format.dateTime(chat.first))
        out.raw("</time> to <time datetime=\"\(ReportFormat.iso(chat.last))\">")
        out.text(format.dateTime(chat.last))
        out.raw("</time> · \(chat.threads.count) thread\(chat.threads.count == 1 ? "" : "s")")
        if chat.messages.count < chat.messageCount { out.raw(" · the first \(chat.messages.count) listed below") }
        if chat.duplicates > 0 { out.raw(" · \(chat.duplicates) re-sent duplicate\(chat.duplicates == 1 ? "" : "s") not counted") }
        out.raw("</p>\n")
        threads(&out, chat, id: id)
        intents(&out, chat, id: id)
        sentiment(&out, chat, id: id)
        entities(&out, chat, id: id)
        gallery(&out, chat, id: id)
        health(&out, chat, id: id)
        messages(&out, chat, id: id)
        out.raw("</section>\n")
    }

    private func threads(_ out: inout HTMLText, _ chat: ChatReport, id: String) {
        out.raw("<section aria-labelledby=\"\(id)-threads\"><h3 id=\"\(id)-threads\">Threads</h3>\n")
        charts.threads(&out, id: "\(id)-thread-chart", threads: chat.threads)
        guard !chat.threads.isEmpty else { out.raw("</section>\n"); return }
        out.raw("\n<div class=\"table-wrap\"><table class=\"threads\"><caption>Threads by the time they opened</caption><thead><tr><th scope=\"col\">Topic</th><th scope=\"col\">Opened</th><th scope=\"col\">Last message</th><th scope=\"col\" class=\"num\">Messages</th><th scope=\"col\">Intents</th><th scope=\"col\">Mood</th><th scope=\"col\">State</th></tr></thead><tbody>\n")
        for thread in chat.threads {
            out.raw("<tr><td>")
            if let anchor = thread.firstAnchor { out.raw("<a href=\"#\(anchor)\">") }
            out.text(shown(thread.topic))
            if thread.firstAnchor != nil { out.raw("</a>") }
            out.raw("</td><td>")
            out.text(format.dateTime(thread.openedAt))
            out.raw("</td><td>")
            out.text(format.dateTime(thread.lastActivity))
            out.raw("</td><td class=\"num\">\(thread.messageCount)</td><td>")
            out.text(thread.intents.prefix(3).map { "\($0.name) ×\($0.count)" }.joined(separator: ", "))
            out.raw("</td><td>")
            if let average = thread.sentimentAverage {
                out.raw(badge(average))
                if let trend = thread.trend { out.text(" " + trend) }
            }
            out.raw("</td><td>")
            out.text(thread.state)
            out.raw("</td></tr>\n")
        }
        out.raw("</tbody></table></div>\n</section>\n")
    }

    private func badge(_ score: Double) -> String {
        let kind = score <= -0.05 ? "neg" : score >= 0.05 ? "pos" : ""
        let word = score <= -0.05 ? "negative" : score >= 0.05 ? "positive" : "neutral"
        return "<span class=\"badge \(kind)\" title=\"sentiment \(word)\">\(ReportFormat.score(score))</span>"
    }

    private func intents(_ out: inout HTMLText, _ chat: ChatReport, id: String) {
        out.raw("<section aria-labelledby=\"\(id)-intents\"><h3 id=\"\(id)-intents\">Intents over time</h3>\n")
        let series = ReportCharts.intentSeries(chat.points)
        charts.intents(&out, id: "\(id)-intent-chart", series: series)
        guard !series.intents.isEmpty else { out.raw("</section>\n"); return }
        out.raw("\n<ul class=\"legend\" aria-label=\"Colours of the intents\">")
        for (i, name) in series.intents.enumerated() {
            out.raw("<li><span style=\"background:\(ReportCharts.palette[min(i, ReportCharts.palette.count - 1)])\" aria-hidden=\"true\"></span>")
            out.text(name)
            out.raw(" (\(series.slices.reduce(0) { $0 + $1.counts[i] }))</li>")
        }
        out.raw("</ul>\n<details><summary>The same as a table</summary><div class=\"table-wrap\"><table><caption>Tenant messages per intent and time slice</caption><thead><tr><th scope=\"col\">From</th>")
        for name in series.intents {
            out.raw("<th scope=\"col\" class=\"num\">")
            out.text(name)
            out.raw("</th>")
        }
        out.raw("</tr></thead><tbody>")
        for slice in series.slices where slice.counts.contains(where: { $0 > 0 }) {
            out.raw("<tr><th scope=\"row\">")
            out.text(format.dateTime(slice.start))
            out.raw("</th>")
            for count in slice.counts { out.raw("<td class=\"num\">\(count)</td>") }
            out.raw("</tr>")
        }
        out.raw("</tbody></table></div></details>\n</section>\n")
    }

    /// The tenant's most negative listed messages, most negative first.
    static func angriest(_ points: [ReportPoint], count: Int = 5) -> [ReportPoint] {
        Array(points.enumerated()
            .filter { !$0.element.fromMe && $0.element.listed && ($0.element.sentiment ?? 0) <= -0.05 }
            .sorted { ($0.element.sentiment ?? 0, $0.offset) < ($1.element.sentiment ?? 0, $1.offset) }
            .prefix(count).map(\.element))
    }

    private func sentiment(_ out: inout HTMLText, _ chat: ChatReport, id: String) {
        out.raw("<section aria-labelledby=\"\(id)-sentiment\"><h3 id=\"\(id)-sentiment\">Sentiment trend</h3>\n")
        let angriest = Self.angriest(chat.points)
        charts.sentiment(&out, id: "\(id)-sentiment-chart", points: chat.points, angriest: angriest)
        out.raw("\n<h4 id=\"\(id)-angriest\">Angriest moments</h4>\n")
        guard !angriest.isEmpty else {
            out.raw("<p class=\"note\">No negative message from the tenant.</p>\n</section>\n")
            return
        }
        let byAnchor = Dictionary(chat.messages.map { ($0.anchor, $0) }, uniquingKeysWith: { a, _ in a })
        out.raw("<ol class=\"angriest\" aria-labelledby=\"\(id)-angriest\">\n")
        for point in angriest {
            out.raw("<li><a href=\"#\(point.anchor)\">")
            out.text(format.dateTime(point.timestamp))
            out.raw("</a> ")
            out.raw(badge(point.sentiment ?? 0))
            if let message = byAnchor[point.anchor] {
                out.raw(" <q dir=\"auto\">")
                // A voice note's words are its transcript.
                let text = shown(message.text.isEmpty ? message.mediaText ?? "" : message.text)
                out.text(text.count > 160 ? String(text.prefix(157)) + "…" : text)
                out.raw("</q>")
                if message.sarcasm { out.raw(" <span class=\"badge warn\">sarcasm</span>") }
            }
            out.raw("</li>\n")
        }
        out.raw("</ol>\n</section>\n")
    }

    private func entities(_ out: inout HTMLText, _ chat: ChatReport, id: String) {
        out.raw("<section aria-labelledby=\"\(id)-entities\"><h3 id=\"\(id)-entities\">Units, amounts and dates</h3>\n")
        guard !chat.entities.isEmpty else {
            out.raw("<p class=\"note\">No unit, amount, date or contact was named.</p>\n</section>\n")
            return
        }
        out.raw("<div class=\"table-wrap\"><table class=\"entities\"><caption>What the conversation named (phone numbers masked)</caption><thead><tr><th scope=\"col\">Kind</th><th scope=\"col\">As written</th><th scope=\"col\">Reading</th><th scope=\"col\" class=\"num\">Times</th><th scope=\"col\">Messages</th></tr></thead><tbody>\n")
        for row in chat.entities {
            out.raw("<tr data-type=\"")
            out.attribute(row.type)
            out.raw("\"><td>")
            out.text(EntityTally.label(row.type))
            out.raw("</td><td dir=\"auto\">")
            out.text(row.type == "phone" || row.type == "email" ? row.text : shown(row.text))
            out.raw("</td><td>")
            out.text(row.value ?? "")   // dates and amounts: masking would take a date for a number
            out.raw("</td><td class=\"num\">\(row.count)</td><td>")
            for (n, anchor) in row.anchors.enumerated() {
                out.raw("\(n == 0 ? "" : " ")<a href=\"#\(anchor)\" aria-label=\"message \(n + 1) naming it\">\(n + 1)</a>")
            }
            out.raw("</td></tr>\n")
        }
        out.raw("</tbody></table></div>\n</section>\n")
    }

    private func gallery(_ out: inout HTMLText, _ chat: ChatReport, id: String) {
        out.raw("<section aria-labelledby=\"\(id)-media\"><h3 id=\"\(id)-media\">Media</h3>\n")
        guard !chat.media.isEmpty else {
            out.raw("<p class=\"note\">No photo, voice note or document in this chat.</p>\n</section>\n")
            return
        }
        out.raw("<ul class=\"gallery\">\n")
        for item in chat.media {
            let sender = shown(item.sender)
            let when = format.dateTime(item.timestamp)
            out.raw("<li><figure>")
            if let dataURL = item.dataURL {
                let described = item.text.isEmpty ? (item.caption.isEmpty ? "no text was found in it" : "captioned: " + item.caption)
                    : "its text reads: " + item.text
                let alt = "Photo sent by \(sender) on \(when); " + shown(described)
                out.raw("<img src=\"\(dataURL)\" alt=\"")
                out.attribute(alt.count > 300 ? String(alt.prefix(297)) + "…" : alt)
                out.raw("\">")
            }
            out.raw("<figcaption><span class=\"kind\">")
            out.text(item.kind.prefix(1).uppercased() + item.kind.dropFirst())
            out.raw("</span> · ")
            out.text(when)
            out.raw(" · ")
            out.text(sender)
            if let anchor = item.anchor { out.raw(" · <a href=\"#\(anchor)\">message</a>") }
            out.raw("<br><span class=\"meta\">")
            out.text([item.mimetype ?? "", ReportFormat.bytes(item.size), item.status == "read" ? "" : item.status].filter { !$0.isEmpty }.joined(separator: " · "))
            out.raw("</span>")
            if !item.caption.isEmpty {
                out.raw("<br><q dir=\"auto\">")
                out.text(shown(item.caption))
                out.raw("</q>")
            }
            out.raw("</figcaption>")
            if !item.text.isEmpty {
                out.raw("<blockquote dir=\"auto\" aria-label=\"Extracted text\">")
                out.text(shown(item.text))
                out.raw("</blockquote>")
            }
            out.raw("</figure></li>\n")
        }
        out.raw("</ul>\n</section>\n")
    }

    private func health(_ out: inout HTMLText, _ chat: ChatReport, id: String) {
        out.raw("<section aria-labelledby=\"\(id)-health\" class=\"health\"><h3 id=\"\(id)-health\">Engine health</h3>\n")
        if chat.deadLetters.isEmpty && chat.degradedPeriods.isEmpty && chat.unreadable == 0 {
            out.raw("<p class=\"health-ok\">No dead letters and no degraded processing in this chat.</p>\n</section>\n")
            return
        }
        out.raw("<h4>Dead letters</h4>\n")
        if chat.deadLetters.isEmpty {
            out.raw("<p class=\"note\">None.</p>\n")
        } else {
            out.raw("<div class=\"table-wrap\"><table class=\"dead-letters\"><caption>Messages whose handling failed (failed: retried later; dead: attempts used up)</caption><thead><tr><th scope=\"col\">Message</th><th scope=\"col\">State</th><th scope=\"col\" class=\"num\">Attempts</th><th scope=\"col\">Last error</th></tr></thead><tbody>\n")
            for letter in chat.deadLetters {
                out.raw("<tr><td>")
                if let anchor = letter.anchor { out.raw("<a href=\"#\(anchor)\">") }
                out.text(format.dateTime(letter.timestamp))
                if letter.anchor != nil { out.raw("</a>") }
                out.raw("</td><td><span class=\"badge \(letter.state == "dead" ? "neg" : "warn")\">")
                out.text(letter.state)
                out.raw("</span></td><td class=\"num\">\(letter.attempts)</td><td>")
                out.text(letter.lastError.map(shown) ?? "")
                out.raw("</td></tr>\n")
            }
            out.raw("</tbody></table></div>\n")
        }
        out.raw("<h4>Degraded periods</h4>\n")
        if chat.degradedPeriods.isEmpty {
            out.raw("<p class=\"note\">None: every message was processed in full.</p>\n")
        } else {
            out.raw("<div class=\"table-wrap\"><table class=\"degraded\"><caption>When the engine shed features under overload (processing time)</caption><thead><tr><th scope=\"col\">From</th><th scope=\"col\">To</th><th scope=\"col\">Features shed</th><th scope=\"col\" class=\"num\">Messages</th></tr></thead><tbody>\n")
            for period in chat.degradedPeriods {
                out.raw("<tr><td>")
                if let anchor = period.firstAnchor { out.raw("<a href=\"#\(anchor)\">") }
                out.text(format.dateTime(period.from / 1000))
                if period.firstAnchor != nil { out.raw("</a>") }
                out.raw("</td><td>")
                out.text(format.dateTime(period.to / 1000))
                out.raw("</td><td>")
                out.text(period.features.joined(separator: ", "))
                out.raw("</td><td class=\"num\">\(period.messages)</td></tr>\n")
            }
            out.raw("</tbody></table></div>\n")
        }
        if chat.unreadable > 0 {
            out.raw("<p class=\"badge neg\">\(chat.unreadable) stored context\(chat.unreadable == 1 ? "" : "s") could not be read.</p>\n")
        }
        out.raw("</section>\n")
    }

    private func messages(_ out: inout HTMLText, _ chat: ChatReport, id: String) {
        out.raw("<section aria-labelledby=\"\(id)-messages\"><h3 id=\"\(id)-messages\">Messages</h3>\n")
        guard !chat.messages.isEmpty else {
            out.raw("<p class=\"note\">No message listed.</p>\n</section>\n")
            return
        }
        out.raw("<ol class=\"messages\">\n")
        for message in chat.messages {
            let negative = !message.fromMe && (message.sentiment ?? 0) <= -0.05
            out.raw("<li id=\"\(message.anchor)\" class=\"msg \(message.fromMe ? "out" : "in")\(negative ? " neg" : "")\"><header><span class=\"who\">")
            out.text(message.fromMe ? "Bot / manager" : (message.senderName.map { "\($0) (\(shown(message.sender)))" } ?? shown(message.sender)))
            out.raw("</span><time datetime=\"\(ReportFormat.iso(message.timestamp))\">")
            out.text(format.dateTime(message.timestamp))
            out.raw("</time>")
            if message.type != "text" {
                out.raw("<span class=\"badge\">")
                out.text(message.type)
                out.raw("</span>")
            }
            if let intent = message.intent {
                out.raw("<span class=\"badge\" title=\"intent\">")
                out.text(intent)
                out.raw("</span>")
            }
            if let score = message.sentiment { out.raw(badge(score)) }
            if message.sarcasm { out.raw("<span class=\"badge warn\">sarcasm</span>") }
            if message.state != "processed" {
                out.raw("<span class=\"badge \(message.state == "dead" || message.state == "failed" ? "neg" : "warn")\">")
                out.text(message.state)
                out.raw("</span>")
            }
            if !message.degraded.isEmpty {
                out.raw("<span class=\"badge warn\">")
                out.text("degraded: " + message.degraded.joined(separator: ", "))
                out.raw("</span>")
            }
            out.raw("</header>")
            if !message.text.isEmpty {
                out.raw("<p dir=\"auto\">")
                out.text(shown(message.text))
                out.raw("</p>")
            }
            if let read = message.mediaText {
                out.raw("<blockquote class=\"read\" dir=\"auto\"><span class=\"label\">\(message.type == "voice" || message.type == "audio" ? "Transcript" : "Text in the file"):</span> ")
                out.text(shown(read))
                out.raw("</blockquote>")
            }
            if !message.entities.isEmpty {
                out.raw("<div class=\"entities\">")
                out.text(message.entities.map { entity in
                    let text = entity.type == "phone" || entity.type == "email" ? EntityTally.masked(entity.text) : shown(entity.text)
                    return "\(entity.type): \(text)"
                }.joined(separator: " · "))
                out.raw("</div>")
            }
            out.raw("</li>\n")
        }
        out.raw("</ol>\n</section>\n")
    }
}
