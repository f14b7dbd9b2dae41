import Testing
@testable import ParleyCore

/// Short questions asking for news of the request at hand chase it like "still not fixed" does.
@Suite struct NewsChaseTests {
    typealias Chat = ThreadFlowTests.Chat

    @Test func newsQuestionsInEachLanguageAsk() {
        let asking = ["any updates??", "Any update on this?", "what's the status?", "hello, any progress?", "any news",
                      "des nouvelles ?", "Du nouveau pour la réparation ?", "Habari yoyote?", "Kuna taarifa yoyote kuhusu fundi?",
                      "Hari amakuru mashya?", "bigeze he?", "أي جديد؟", "ما الأخبار؟", "هل من مستجدات", "chi jdid?",
                      "wach kayn chi jadid?", "ay akhbar?"]
        for text in asking { #expect(Enrichment.asksForNews(text), "\(text)") }
        let not = ["The news is that the tap works now", "news: the plumber came", "Is the flat still available?",
                   "update", "I will send you an update on the payment tomorrow morning after I check with the bank, ok?",
                   "amakuru", "Can you update my phone number in the contract, please"]
        for text in not { #expect(!Enrichment.asksForNews(text), "\(text)") }
    }

    @Test func aNewsQuestionChasesUnlessItGreets() {
        func signals(_ text: String, intent: String, confidence: Double = 0.99) -> ThreadSignals {
            var enrichment = Enrichment(entities: [])
            enrichment.intent = IntentPrediction(name: intent, confidence: confidence, alternatives: [], outOfScope: false)
            return enrichment.threadSignals(text: text)
        }
        #expect(signals("any updates??", intent: "other").chases)
        #expect(signals("أي جديد؟", intent: "other").chases)
        #expect(!signals("amakuru ki?", intent: "greeting").chases, "a greeting first")
        #expect(!signals("ok thanks", intent: "thanks").chases)
    }

    @Test func aNewsQuestionTakesTheThreadsRequest() throws {
        var chat = Chat()
        let sink = chat.say("maintenance_request", at: 0, unit: "4B")
        // "any updates??": "other", sure, calm, no chase word the negative rule knows.
        let news = chat.say("other", at: 3600, confidence: 0.99, sentiment: 0, chases: true)
        #expect(news.thread.id == sink.thread.id && news.threadIntent == "maintenance_request")
        // Without asking, a sure "other" keeps its own.
        let aside = chat.say("other", at: 3700, confidence: 0.99, sentiment: 0)
        #expect(aside.threadIntent == nil)
        // Through the engine: its intent is the thread's, "fromThread".
        let engine = try Engine(configJSON: "{}")
        defer { engine.close() }
        _ = try engine.process(Message(id: "a", chat: "n", from: "t", timestamp: 1_764_000_000, type: .text,
                                       text: "The kitchen sink in unit 4B is leaking, please send a plumber"))
        for (n, text) in ["any updates??", "des nouvelles ?", "Habari yoyote?", "أي جديد؟", "chi jdid?"].enumerated() {
            let context = try engine.process(Message(id: "b\(n)", chat: "n", from: "t", timestamp: 1_764_090_000 + Int64(n) * 60,
                                                     type: .text, text: text))
            #expect(context[path: "intent", "name"] == "maintenance_request", "\(text)")
            #expect(context[path: "intent", "fromThread"] == true, "\(text)")
        }
    }
}
