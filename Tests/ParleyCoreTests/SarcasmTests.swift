import Testing
@testable import ParleyCore

/// Sarcasm and irony cues in the sentiment analyzer: detected, polarity turned, and exposed as
/// "sarcasm": true only when found.
@Suite struct SarcasmTests {
    let analyzer = try! SentimentAnalyzer()

    static let sarcastic = [
        "great, the water is off AGAIN 🙃",
        "oh wonderful, another leak",
        "thanks for nothing",
        "Thanks for nothing, the tap still drips",
        "love waiting 3 weeks for a plumber",
        "yeah right",
        "Yeah, right.",
        "\"great\" service",
        "the “fixed” tap is leaking again",
        "Great 🙄",
        "Thanks 😒",
        "Sure, the plumber will come tomorrow /s",
        "Nice, the lift is broken again",
        "Perfect. The power is out again.",
        "just great, another power cut",
        "I love how the lift is broken again",
        "Génial, encore une fuite",
        "merci pour rien",
        "Super, the water is off as usual",
    ]

    @Test func cuesTurnPolarity() {
        for text in Self.sarcastic {
            let s = analyzer.analyze(text)
            #expect(s.sarcasm, "\(text)")
            #expect(s.label == "negative", "\(text): \(s.score)")
            #expect(s.json["sarcasm"] == .bool(true), "\(text)")
        }
        // The turn is strong enough to matter, not a rounding.
        #expect(analyzer.analyze("great, the water is off AGAIN 🙃").score < -0.3)
        #expect(analyzer.analyze("love waiting 3 weeks for a plumber").score < -0.3)
        #expect(analyzer.analyze("thanks for nothing").score < -0.2)
    }

    @Test func sincereStaysPositive() {
        for text in ["thanks a lot, the plumber fixed it", "Great, thanks for fixing it!", "Great, thanks for fixing it again!",
                     "I love this flat", "Perfect, see you tomorrow", "Excellent! Would rent again.", "Wonderful, see you again soon",
                     "I love how spacious the flat is", "love it 😍", "Nice flat, but the kitchen is small",
                     "Asante sana, maji yamerudi", "Merci beaucoup, c'est réparé", "The \"deluxe\" unit is great and I love it",
                     "Great, the water is back"] {
            let s = analyzer.analyze(text)
            #expect(!s.sarcasm, "\(text)")
            #expect(s.label == "positive", "\(text): \(s.score)")
            #expect(s.json["sarcasm"] == nil, "\(text)")
        }
        // Plain complaints are negative without being sarcastic.
        for text in ["The water is off again", "another leak in 4B", "still waiting for the plumber", "🙄", "😒 no water"] {
            let s = analyzer.analyze(text)
            #expect(!s.sarcasm, "\(text)")
            #expect(s.score <= 0, "\(text): \(s.score)")
        }
    }

    @Test func jsonShape() {
        let plain = analyzer.analyze("thanks a lot, the plumber fixed it").json
        #expect(plain.objectValue?.keys == ["score", "label", "intensity", "urgency", "urgencyCues"])
        let sarcastic = analyzer.analyze("oh wonderful, another leak").json
        #expect(sarcastic.objectValue?.keys == ["score", "label", "intensity", "urgency", "urgencyCues", "sarcasm"])
        #expect(sarcastic["sarcasm"] == .bool(true))
    }

    /// The enriched context carries it through the engine, beside a recurrence.
    @Test func engineContextCarriesSarcasm() throws {
        let engine = try Engine()
        var message = #"{"id":"s1","chat":"250788123456@c.us","from":"250788123456@c.us","timestamp":1795680000,"type":"text","text":"oh wonderful, another leak. Rent is due on the 5th of every month"}"#
        let json = try message.withUTF8 { bytes in Result { () throws(ParleyError) in try engine.process(json: UnsafeRawBufferPointer(bytes)) } }.get()
        #expect(json["sentiment"]?["sarcasm"] == .bool(true))
        #expect(json["sentiment"]?["label"] == "negative")
        let recurrence = json["entities"]?.arrayValue?.first { $0["type"] == "recurrence" }
        #expect(recurrence?["text"] == "the 5th of every month")
        #expect(recurrence?["value"]?["rrule"] == "FREQ=MONTHLY;BYMONTHDAY=5")
    }

    @Test func badInput() {
        for text in ["", " ", "🙃", "🙃🙄😒🤡", "/s", "\"\"", "“”", "\"", "'", "yeah", "right", "\u{200D}🙃\u{200D}",
                     "\u{202E}great, the water is off again", "عظيم، انقطع الماء مرة أخرى 🙃", "\"great", "great\""] {
            let s = analyzer.analyze(text)
            #expect(s.score >= -1 && s.score <= 1, "\(text)")
        }
        // Emoji only: no positive word, nothing to call sarcastic.
        #expect(!analyzer.analyze("🙃🙄😒").sarcasm)
        #expect(analyzer.analyze("").json["sarcasm"] == nil)
        // "/s" alone is the writer's own marker.
        #expect(analyzer.analyze("/s").sarcasm)
        #expect(analyzer.analyze("/s").label == "negative")
        // 100 KB: finishes, in range.
        let unit = "great, the water is off AGAIN 🙃 \"fixed\" they said. "
        let long = String(repeating: unit, count: 100_000 / unit.utf8.count + 1)
        #expect(long.utf8.count > 100_000)
        let s = analyzer.analyze(long)
        #expect(s.sarcasm && s.score >= -1 && s.score < 0)
    }
}
