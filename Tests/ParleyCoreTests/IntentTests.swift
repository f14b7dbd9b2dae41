import Testing
@testable import ParleyCore
#if canImport(Glibc)
import Glibc
#endif

@Suite struct IntentTests {
    static func parse(_ text: String) throws(ParleyError) -> [IntentExample] {
        try IntentData.parse(text)
    }

    static func expectError(_ kind: ParleyError.Kind, containing fragment: String = "", _ body: () throws -> Void,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            try body()
            Issue.record("expected \(kind), got success", sourceLocation: sourceLocation)
        } catch let error as ParleyError {
            #expect(error.kind == kind, "\(error)", sourceLocation: sourceLocation)
            #expect(error.message.contains(fragment), "\(error.message) should contain \(fragment)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("expected ParleyError, got \(error)", sourceLocation: sourceLocation)
        }
    }

    static let small: [IntentExample] = {
        var examples: [IntentExample] = []
        for text in ["hello", "hi there", "good morning", "hey", "hello friend", "hi how are you", "morning!", "hey you"] {
            examples.append(IntentExample(text: text, intent: "greeting"))
        }
        for text in ["I paid the rent", "rent paid today", "sent the rent by momo", "how do I pay rent", "rent payment done",
                     "paid my rent", "rent transfer sent", "I will pay rent friday"] {
            examples.append(IntentExample(text: text, intent: "rent"))
        }
        for text in ["the sink is leaking", "toilet blocked", "no water in the kitchen", "the light is broken",
                     "leaking roof", "broken door lock", "water leaking from the pipe", "the shower is broken"] {
            examples.append(IntentExample(text: text, intent: "repair"))
        }
        return examples
    }()

    // MARK: parsing

    @Test func parsesJSONL() throws {
        let examples = try Self.parse("""
            {"text": "I paid the rent", "intent": "rent_payment"}

            {"intent": "greeting", "text": "  muraho  "}\r
            {"text": "tap \\"leaks\\" 🚰", "intent": "maintenance_request"}
            """)
        #expect(examples == [
            IntentExample(text: "I paid the rent", intent: "rent_payment"),
            IntentExample(text: "muraho", intent: "greeting"),
            IntentExample(text: "tap \"leaks\" 🚰", intent: "maintenance_request"),
        ])
    }

    @Test func parsesTSVWithAndWithoutHeader() throws {
        let withHeader = try Self.parse("text\tintent\nhello\tgreeting\r\nj'ai payé le loyer\trent_payment\n\n")
        #expect(withHeader == [IntentExample(text: "hello", intent: "greeting"), IntentExample(text: "j'ai payé le loyer", intent: "rent_payment")])
        let without = try Self.parse("hello\tgreeting\nbye\tgoodbye")
        #expect(without.count == 2)
        #expect(without[1] == IntentExample(text: "bye", intent: "goodbye"))
        // The intent is after the last tab; a first line that is not a header is data.
        let tabs = try Self.parse("Utterance\tLabel\na\tb text\tx")
        #expect(tabs == [IntentExample(text: "a\tb text", intent: "x")])
        let notHeader = try Self.parse("text me back\tintent_x\n")
        #expect(notHeader == [IntentExample(text: "text me back", intent: "intent_x")])
        #expect(try Self.parse("").isEmpty)
        #expect(try Self.parse("\n\n  \n").isEmpty)
    }

    @Test func namesTheBadLine() {
        Self.expectError(.invalidArgument, containing: "line 3") {
            _ = try Self.parse("{\"text\": \"a\", \"intent\": \"x\"}\n{\"text\": \"b\", \"intent\": \"y\"}\n{\"text\": \"c\"}\n")
        }
        Self.expectError(.invalidArgument, containing: "line 2") {
            _ = try Self.parse("{\"text\": \"a\", \"intent\": \"x\"}\n{\"text\": \"b\", \"intent\": \n")
        }
        Self.expectError(.invalidArgument, containing: "line 4") {
            _ = try Self.parse("{\"text\": \"a\", \"intent\": \"x\"}\n\n{\"text\": \"b\", \"intent\": \"y\"}\n[1, 2]\n")
        }
        Self.expectError(.invalidArgument, containing: "line 3") {
            _ = try Self.parse("text\tintent\nhello\tgreeting\nno tab here\n")
        }
        Self.expectError(.invalidArgument, containing: "line 2") {
            _ = try Self.parse("hello\tgreeting\nbye\t \n")
        }
        Self.expectError(.invalidArgument, containing: "line 1") {
            _ = try Self.parse("{\"text\": 5, \"intent\": \"x\"}")
        }
        Self.expectError(.invalidUTF8, containing: "line 2") {
            let bytes: [UInt8] = Array("hello\tgreeting\n".utf8) + [0x62, 0xFF, 0x09, 0x78]
            _ = try bytes.withUnsafeBytes { raw in Result { () throws(ParleyError) in try IntentData.parse(raw) } }.get()
        }
    }

    // MARK: training and prediction

    @Test func refusesTooLittleData() {
        Self.expectError(.invalidArgument, containing: "no training examples") { _ = try IntentModel.train([]) }
        Self.expectError(.invalidArgument, containing: "2 intents") {
            _ = try IntentModel.train([IntentExample(text: "a", intent: "x"), IntentExample(text: "b", intent: "x")])
        }
    }

    @Test func trainsAndPredictsOnSmallData() throws {
        let model = try IntentModel.train(Self.small)
        #expect(model.intents == ["greeting", "rent", "repair"])
        #expect(model.predict("hello there", threshold: 0).name == "greeting")
        #expect(model.predict("my rent is paid", threshold: 0).name == "rent")
        #expect(model.predict("the pipe is leaking", threshold: 0).name == "repair")
        let prediction = model.predict("the pipe is leaking", threshold: 0)
        #expect(prediction.alternatives.count == 2)
        let total = prediction.confidence + prediction.alternatives.reduce(0) { $0 + $1.confidence }
        #expect(abs(total - 1) < 1e-4)
        #expect(prediction.alternatives[0].confidence >= prediction.alternatives[1].confidence)
        let probabilities = model.probabilities("the pipe is leaking")
        #expect(abs(probabilities.reduce(0, +) - 1) < 1e-4)
    }

    /// The calibration slice is chosen by each example's text, so a corpus edit moves no other
    /// example between the slice and the rest (a shuffled split drew a new slice at every edit
    /// and moved every confidence with the temperature fitted on it).
    @Test func addingExamplesLeavesTheCalibrationSliceOfTheOthers() throws {
        let corpus = try IntentData.parse(PropertyIntentCorpus.jsonl)
        let options = IntentTrainingOptions()
        func heldOutTexts(_ examples: [IntentExample]) -> Set<String> {
            let labels = Array(Set(examples.map(\.intent))).sorted()
            let featurizer = IntentFeaturizer(hashBits: options.hashBits, charMin: options.charMin, charMax: options.charMax,
                                              wordBigrams: options.wordBigrams)
            let data = TrainingData(examples: examples, labels: labels, featurizer: featurizer, options: options)
            let keys = examples.map { TrainingData.splitKey($0.text, seed: options.seed) }
            let split = data.calibrationSplit(keys: keys, fraction: options.calibrationFraction)
            #expect(split.fit.count + split.heldOut.count == examples.count)
            #expect(Set(split.fit).isDisjoint(with: split.heldOut))
            return Set(split.heldOut.map { examples[$0].text })
        }
        let before = heldOutTexts(Array(corpus.dropLast(60)))
        let after = heldOutTexts(corpus)
        let added = Set(corpus.suffix(60).map(\.text))
        // Every example held out before still is; what joined the slice is only new examples.
        #expect(before.isSubset(of: after))
        #expect(after.subtracting(before).isSubset(of: added))
        let share = Double(after.count) / Double(corpus.count)
        #expect(share > 0.07 && share < 0.13, "held out \(share)")
        // The same in every process: the key is no per-process hash.
        #expect(TrainingData.splitKey("rent paid ✅", seed: 1) == TrainingData.splitKey("rent paid ✅", seed: 1))
        #expect(TrainingData.splitKey("rent paid ✅", seed: 1) != TrainingData.splitKey("rent paid ✅", seed: 2))
    }

    @Test func thresholdGivesUnknown() throws {
        let model = try IntentModel.train(Self.small)
        let sure = model.predict("the pipe is leaking", threshold: 0)
        let unsure = model.predict("the pipe is leaking", threshold: 1.01)
        #expect(unsure.name == "unknown")
        #expect(unsure.confidence == sure.confidence)
        // The most probable intent is still reported, first among the alternatives.
        #expect(unsure.alternatives.first?.name == "repair")
        #expect(unsure.alternatives.count == 3)
        let json = unsure.json
        #expect(json["name"] == "unknown")
        #expect(json["alternatives"]?[0]?["name"] == "repair")
        #expect(json["outOfScope"]?.boolValue != nil)
        #expect(json.objectValue?.keys == ["name", "confidence", "alternatives", "outOfScope"])
    }

    @Test func badInputNeverCrashes() throws {
        let model = IntentModel.propertyManagement
        let long = String(repeating: "the sink is leaking again and again ", count: 3000)   // ~100 KB
        let inputs = ["", " ", "🙂", "🙂🙂🙂👨‍👩‍👧‍👦", "\u{200D}\u{200B}\u{FEFF}", "مرحبا، الإيجار مدفوع", "שלום",
                      "x\u{0301}\u{0301}\u{0301}", String(repeating: "a", count: 5000), long, "\u{0000}\u{0007}", "12345 67890"]
        for input in inputs {
            let prediction = model.predict(input)
            #expect(prediction.confidence >= 0 && prediction.confidence <= 1.0001)
            #expect(!prediction.name.isEmpty)
        }
        let empty = model.predict("")
        #expect(empty.outOfScope)
        #expect(model.predict(long).name == "maintenance_request")
    }

    @Test func featurizerFoldsAccentsCaseAndApostrophes() {
        struct Recorder: IntentFeatureSink {
            var words: [Int] = []
            var chars: [Int] = []
            mutating func word(_ bucket: Int) { words.append(bucket) }
            mutating func char(_ bucket: Int) { chars.append(bucket) }
        }
        let featurizer = IntentFeaturizer(hashBits: 18, charMin: 3, charMax: 5, wordBigrams: true)
        func features(_ text: String) -> Recorder {
            var recorder = Recorder()
            featurizer.featurize(text, into: &recorder)
            return recorder
        }
        #expect(IntentFeaturizer.latinFold.count == 0x180 - 0xC0)
        #expect(features("J'ai PAYÉ le loyer").words == features("jai paye le loyer").words)
        #expect(features("J’ai payé").chars == features("jai paye").chars)
        #expect(features("Hello!!! world").words == features("hello world").words)
        #expect(features("hi 👍🏽").words == features("hi 👍").words)       // skin tone dropped
        #expect(features("hi 👍").words.count == 2 + 3)                   // 2 unigrams + 3 bigrams (with start/end)
        #expect(features("👍").chars.isEmpty)
        #expect(features("room 12").words == features("room 47").words)    // digits are shapes
        #expect(features("").words.isEmpty)
        // "hi" → "<hi>": one 3-gram "<hi" and "hi>", one 4-gram.
        #expect(features("hi").chars.count == 3)
        // Arabic harakat and tatweel are marks, though Unicode calls the harakat alphabetic.
        #expect(features("شكراً جزيلاً").words == features("شكرا جزيلا").words)
        #expect(features("شكراً جزيلاً").chars == features("شكرا جزيلا").chars)
        #expect(features("شـكـرا").words == features("شكرا").words)
    }

    // MARK: model files

    static func temporaryPath(_ name: String) -> String {
        "/tmp/parley-intent-test-\(getpid())-\(name)"
    }

    @Test func saveLoadRoundTripGivesIdenticalPredictions() throws {
        let model = try IntentModel.train(Self.small)
        let path = Self.temporaryPath("roundtrip.prlyint")
        defer { unlink(path) }
        try model.save(path: path)
        let loaded = try IntentModel.load(path: path)
        #expect(loaded.intents == model.intents)
        #expect(loaded.serialized() == model.serialized())
        for text in ["hello", "rent sent", "the pipe is leaking", "weather today?", "", "🙂", "j'ai payé"] {
            #expect(loaded.predict(text) == model.predict(text))
            #expect(loaded.predict(text, threshold: 0) == model.predict(text, threshold: 0))
        }
        let bytes = model.serialized()
        #expect(Array(bytes.prefix(7)) == Array("PRLYINT".utf8))
        let fromBytes = try bytes.withUnsafeBytes { raw in Result { () throws(ParleyError) in try IntentModel(serialized: raw) } }.get()
        #expect(fromBytes.predict("rent sent") == model.predict("rent sent"))
    }

    static func load(_ bytes: [UInt8]) throws(ParleyError) {
        _ = try bytes.withUnsafeBytes { raw in Result { () throws(ParleyError) in try IntentModel(serialized: raw) } }.get()
    }

    @Test func damagedModelFilesAreRefused() throws {
        let bytes = try IntentModel.train(Self.small).serialized()
        // Truncated anywhere.
        for length in [0, 3, 7, 8, 20, 40, bytes.count / 2, bytes.count - 5, bytes.count - 1] {
            Self.expectError(.corrupt) { try Self.load(Array(bytes.prefix(length))) }
        }
        // Garbage, and one flipped bit.
        Self.expectError(.corrupt, containing: "magic") { try Self.load(Array("not a model at all, just text".utf8)) }
        var flipped = bytes
        flipped[bytes.count / 2] ^= 0x10
        Self.expectError(.corrupt, containing: "checksum") { try Self.load(flipped) }
        // Another format version.
        var future = bytes
        future[7] = 2
        Self.expectError(.unsupported, containing: "version 2") { try Self.load(future) }
        // Files.
        Self.expectError(.storage) { _ = try IntentModel.load(path: "/nonexistent/dir/model.prlyint") }
        let path = Self.temporaryPath("garbage.prlyint")
        defer { unlink(path) }
        let file = fopen(path, "wb")!
        _ = fwrite("PRLYINT\u{1}garbage", 1, 15, file)
        fclose(file)
        Self.expectError(.corrupt) { _ = try IntentModel.load(path: path) }
        Self.expectError(.storage) { try IntentModel.train(Self.small).save(path: "/nonexistent/dir/model.prlyint") }
    }

    // MARK: the built-in model

    static func accuracy(_ model: IntentModel, _ examples: [IntentExample]) -> (rate: Double, misses: [String]) {
        var correct = 0
        var misses: [String] = []
        for example in examples {
            let predicted = model.predict(example.text, threshold: 0).name
            if predicted == example.intent { correct += 1 } else { misses.append("\(example.text) → \(predicted) (want \(example.intent))") }
        }
        return (Double(correct) / Double(examples.count), misses)
    }

    @Test func builtInModelHoldOutAccuracy() throws {
        let corpus = try IntentData.parse(PropertyIntentCorpus.jsonl)
        #expect(corpus.count >= 900)
        var perIntent: [String: Int] = [:]
        for example in corpus { perIntent[example.intent, default: 0] += 1 }
        #expect(perIntent.count == 15)
        #expect(perIntent.values.allSatisfy { $0 >= 58 }, "\(perIntent)")
        // Every 5th example of each intent held out.
        var seen: [String: Int] = [:]
        var train: [IntentExample] = [], test: [IntentExample] = []
        for example in corpus {
            let n = seen[example.intent, default: 0]
            seen[example.intent] = n + 1
            if n % 5 == 2 { test.append(example) } else { train.append(example) }
        }
        let model = try IntentModel.train(train)
        let (rate, misses) = Self.accuracy(model, test)
        print("built-in corpus hold-out accuracy: \(rate) on \(test.count); misses: \(misses)")
        #expect(rate >= Self.holdOutFloor)
    }

    /// 0.77 until the corpus took Arabic script and Arabizi (2026-11-26). A fifth of those
    /// lines is now held out too (76 lines, in languages with a fifth as many examples as
    /// English): 0.61 on them and 0.82 on the rest (0.80 before), 0.77 in all.
    static let holdOutFloor = 0.74

    /// Realistic tenant messages, none of them in the corpus.
    static let tenantMessages: [(String, String)] = [
        ("Good morning, I have sent this month's rent through MoMo, ref 774512", "rent_payment"),
        ("nimetuma kodi ya april leo asubuhi", "rent_payment"),
        ("Bonjour, j'ai payé le loyer de mai hier soir", "rent_payment"),
        ("when is the deadline for paying rent?", "rent_payment"),
        ("The kitchen tap has been leaking since yesterday, please send someone", "maintenance_request"),
        ("no electricity in unit 3B since last night 😩", "maintenance_request"),
        ("our toilet is blocked again", "maintenance_request"),
        ("amazi ntayo mu nzu kuva ejo", "maintenance_request"),
        ("Hi, could I come and see the 2 bedroom apartment on Saturday morning?", "viewing_booking"),
        ("I want to view the house tomorrow at 2pm", "viewing_booking"),
        ("Is the one bedroom in Kimihurura still available?", "availability"),
        ("do you have any houses for rent in Kigali", "availability"),
        ("How much is the rent for the 3 bedroom house?", "price_inquiry"),
        ("c'est combien par mois pour le studio ?", "price_inquiry"),
        ("what is the deposit for the apartment", "price_inquiry"),
        ("My lease ends in July and I would like to renew it for another year", "lease_renewal"),
        ("can we extend the contract by 6 months?", "lease_renewal"),
        ("I'm giving my one month notice, I will move out on the 31st", "move_out"),
        ("when will my deposit be refunded? I left the house 2 weeks ago", "move_out"),
        ("The neighbours in 4A play loud music until 2am every weekend", "complaint"),
        ("the guard at the gate was very rude to my visitors", "complaint"),
        ("Please send me the receipt for the March rent", "document_request"),
        ("I need a copy of my tenancy agreement for my visa application", "document_request"),
        ("can I speak to the property manager please", "talk_to_agent"),
        ("please call me, it's urgent", "talk_to_agent"),
        ("Where exactly is the house? Please share the location", "location_directions"),
        ("how do I get to your office from town", "location_directions"),
        ("hello good morning", "greeting"),
        ("Muraho! amakuru y'iki gitondo?", "greeting"),
        ("salam alaikum brother", "greeting"),
        ("thank you very much for your help", "thanks"),
        ("asante sana boss 🙏", "thanks"),
        ("murakoze cyane!", "thanks"),
        ("ok bye, have a good day", "goodbye"),
        ("kwaheri, tutaongea kesho", "goodbye"),
        ("Who won the match last night?", "other"),
        ("is it going to rain today in Kigali", "other"),
        ("tell me something funny", "other"),
        ("shukran, received the receipt", "thanks"),
        ("inshallah I will pay the balance on Monday", "rent_payment"),
    ]

    static let tenantFloor = 0.90

    @Test func builtInModelOnRealisticTenantMessages() throws {
        let corpus = Set(try IntentData.parse(PropertyIntentCorpus.jsonl).map { $0.text.lowercased() })
        for (text, _) in Self.tenantMessages { #expect(!corpus.contains(text.lowercased()), "\(text) is in the corpus") }
        let model = IntentModel.propertyManagement
        #expect(model.intents.count == 15)
        let examples = Self.tenantMessages.map { IntentExample(text: $0.0, intent: $0.1) }
        let (rate, misses) = Self.accuracy(model, examples)
        print("built-in model on \(examples.count) tenant messages: \(rate); misses: \(misses)")
        #expect(rate >= Self.tenantFloor)
        // Out of scope: the `other` class, and text the model has never seen anything like.
        #expect(model.predict("who won the football match yesterday?").outOfScope)
        #expect(model.predict("qwxz vbnmp kjhgf").outOfScope)
        #expect(!model.predict("my toilet is blocked, please send a plumber").outOfScope)
    }

    static let multilingualFloor = 0.85

    /// Five held-out messages per intent in Arabic script, French, Swahili, Kinyarwanda and
    /// Arabizi (Tests/Fixtures/intent/tenant). Before the corpus had Arabic, the model read
    /// 2 of the 15 in Arabic script and 7 of 15 in Arabizi right (argmax 54 of 75).
    @Test func builtInModelOnMultilingualTenantMessages() throws {
        let examples = try Fixtures.bytes("intent/tenant/multilingual.jsonl").withUnsafeBytes { raw in
            Result { () throws(ParleyError) in try IntentData.parse(raw) }
        }.get()
        #expect(examples.count == 75)
        let corpus = Set(try IntentData.parse(PropertyIntentCorpus.jsonl).map { $0.text.lowercased() })
        for example in examples { #expect(!corpus.contains(example.text.lowercased()), "\(example.text) is in the corpus") }
        let model = IntentModel.propertyManagement
        let (rate, misses) = Self.accuracy(model, examples)
        print("built-in model on \(examples.count) multilingual tenant messages: \(rate); misses: \(misses)")
        #expect(rate >= Self.multilingualFloor)
        // Each language on its own: none left behind (lines cycle ar, fr, sw, rw, Arabizi).
        for language in 0..<5 {
            let some = examples.enumerated().filter { $0.offset % 5 == language }.map(\.element)
            #expect(Self.accuracy(model, some).rate >= 0.7, "language \(language)")
        }
    }

    /// A greeting (or thanks) opening a request is the request, in every language the model
    /// knows; a greeting alone, or with small talk, stays a greeting.
    @Test func greetingBeforeARequestIsTheRequest() {
        let model = IntentModel.propertyManagement
        let corpus = Set((try? IntentData.parse(PropertyIntentCorpus.jsonl))?.map { $0.text.lowercased() } ?? [])
        let cases = [
            ("Hello good morning, is there any vacant unit?", "availability"),
            ("hello good morning is there any vacant unit", "availability"),
            ("hi good afternoon, the toilet is blocked", "maintenance_request"),
            ("السلام عليكم ورحمة الله، هل الشقة متوفرة؟", "availability"),
            ("Habari yako ndugu", "greeting"),
            ("salam labas 3likom", "greeting"),
            ("Hi, how are you?", "greeting"),
            ("Hello, I'm John", "greeting"),
            ("Good morning!", "greeting"),
            // Thanks opening a request too; thanks alone, or a goodbye and its parting words, stay.
            ("Thank you! When can the plumber come?", "maintenance_request"),
            // An opener that keeps a request under the threshold: the request, once read apart.
            // (the whole of each read 0.62 and 0.72, the greeting second, before the rule).
            ("Salaam aleikum, where can I drop the keys when I leave", "move_out"),
            ("Hello team, I would like a copy of my lease", "document_request"),
            ("Thank you so much for your help", "thanks"),
            ("bye, talk to you later", "goodbye"),
        ]
        for (text, intent) in cases {
            #expect(!corpus.contains(text.lowercased()))
            #expect(model.predict(text).name == intent, "\(text): \(model.predict(text))")
            #expect(model.predict(text, threshold: 0).name == intent, "\(text) at threshold 0")
        }
    }

    /// Reads each text at threshold 0 and expects its intent; none of the texts is in the corpus.
    static func expectIntents(_ cases: [(String, String)], sourceLocation: SourceLocation = #_sourceLocation) {
        let model = IntentModel.propertyManagement
        let corpus = Set((try? IntentData.parse(PropertyIntentCorpus.jsonl))?.map { $0.text.lowercased() } ?? [])
        for (text, intent) in cases {
            let inCorpus = corpus.contains(text.lowercased())
            #expect(!inCorpus, "\(text) is in the corpus", sourceLocation: sourceLocation)
            let prediction = model.predict(text, threshold: 0)
            #expect(prediction.name == intent, "\(text): \(prediction)", sourceLocation: sourceLocation)
        }
    }

    /// Tenants' questions the bot does not handle (pets, subletting, a mover, the wifi
    /// password, bikes, parcels, chain messages) are out of scope in every language, not a
    /// confident in-domain intent; real requests that share their words stay in scope.
    @Test func outOfScopeTenantQuestionsAreOther() {
        let outOfScope = [
            "are dogs allowed in the building?", "would it be a problem if I kept a cat in my unit",
            "can I rent out my room on airbnb while I travel for two months", "is subletting allowed if I go abroad",
            "any recommendation for a removal company?", "do you know someone with a truck who can help me move my stuff",
            "what's the wifi password", "where can I lock my bicycle", "is there somewhere safe to store bikes",
            "is there a package for me at the front desk?", "the courier says he left a parcel at reception, can you check",
            "FORWARD THIS TO 10 FRIENDS and you will get free airtime!!!",
            "Congratulations! you have won 500,000 click the link to claim your prize",
            "can I bring my parrot when I move in", "any good plumber you know for my mum's house in town?",
            "do we have a storage room for bicycles", "Share this with everyone you know before midnight or bad luck will follow",
            "est-ce que les chats sont acceptés dans l'immeuble ?", "je peux sous-louer ma chambre pendant l'été ?",
            "vous connaissez un bon déménageur ?", "c'est quoi le code wifi ?", "un colis est arrivé pour moi à l'accueil ?",
            "on a le droit d'avoir des animaux ?", "le facteur a laissé un paquet pour moi ?",
            "naweza kufuga mbwa kwenye nyumba?", "password ya wifi ni gani?", "unajua mtu wa kuhamisha mizigo?",
            "naweza kumpangishia mtu mwingine chumba changu?", "kuna barua au mzigo umeletwa kwa jina langu?",
            "ese nshobora korora imbwa mu nzu?", "ijambo ry'ibanga rya wifi ni irihe?", "hari ipaki yanjye yageze ku izamu?",
            "nshobora kugira akabwana mu nzu?",
            "هل يسمح بتربية قطة في الشقة؟", "ما هي كلمة سر الواي فاي؟", "هل وصل طرد باسمي عند الاستقبال؟",
            "انشر هذه الرسالة إلى عشرة أشخاص", "هل في مكان لركن الدراجات الهوائية؟",
            "wach momkin nrabi kelb f dar?", "chno howa code dyal wifi?", "fin n7et lvelo dyali?",
            "chkoun ya3ref chi wa7ed kay7mel l2atat?",
        ]
        Self.expectIntents(outOfScope.map { ($0, "other") })
        let model = IntentModel.propertyManagement
        for text in outOfScope {
            let prediction = model.predict(text)
            #expect(prediction.outOfScope, "\(text): \(prediction)")
        }
        Self.expectIntents([
            ("the wifi in the flat is not working since yesterday", "maintenance_request"),
            ("is parking included in the rent?", "price_inquiry"),
            ("the front door of the building does not lock", "maintenance_request"),
            ("the dog next door barks the whole night and nobody does anything", "complaint"),
        ])
    }

    /// Informal closings are goodbyes, and a greeting with a pleasantry ("hope you're well")
    /// stays a greeting: the wish after it does not make it a goodbye.
    @Test func shortSocialMessages() {
        Self.expectIntents([
            ("speak soon x", "goodbye"), ("talk tomorrow", "goodbye"), ("ok ttyl", "goodbye"),
            ("catch you later 👋", "goodbye"), ("right, speak soon!", "goodbye"), ("cool, chat tomorrow", "goodbye"),
            ("poa, tutaongea kesho", "goodbye"), ("sawa tutaonana baadaye", "goodbye"), ("poa basi, tutaongea jioni", "goodbye"),
            ("à plus tard alors", "goodbye"), ("on se parle demain", "goodbye"), ("d'accord, à plus !", "goodbye"),
            ("tuzavugana ejo", "goodbye"), ("ni byiza, tuzavugana nyuma", "goodbye"),
            ("نتكلم بكرة إن شاء الله", "goodbye"), ("yallah nehkiw ghedwa", "goodbye"),
            ("hello, hope you're well 😊", "greeting"), ("hi, hope you are doing good", "greeting"),
            ("good evening, hope all is well with you", "greeting"), ("hey, hope your week is going well!", "greeting"),
            ("good afternoon, I trust you're keeping well", "greeting"),
            ("bonjour, j'espère que vous allez bien", "greeting"), ("salut, tu vas bien j'espère ?", "greeting"),
            ("habari, natumaini uko salama", "greeting"), ("muraho, nizere ko mumeze neza", "greeting"),
            ("مرحبا، أتمنى أن تكون بخير", "greeting"), ("مساء الخير، عساك بخير", "greeting"),
            ("salam, nchallah labas 3lik", "greeting"),
        ])
        // At the default threshold too: the opener is not overruled by the wish that follows it.
        #expect(IntentModel.propertyManagement.predict("hello, hope you're well 😊").name == "greeting")
    }

    /// The ask decides, not a topic word from another intent: an invoice or receipt that
    /// mentions rent is a document request, a move-out with an inspection is a move-out,
    /// a post-dated cheque for rent is a rent payment.
    @Test func theAskOverridesATopicWord() {
        Self.expectIntents([
            ("can you send me an invoice for the rent of June", "document_request"),
            ("I need a statement of all my rent payments this year for the bank", "document_request"),
            ("please issue a receipt for the rent I paid yesterday", "document_request"),
            ("could you email me the rent invoice for September", "document_request"),
            ("I need proof of rent paid for my loan application, a statement please", "document_request"),
            ("naomba risiti ya kodi ya mwezi wa tatu", "document_request"),
            ("naomba stakabadhi ya kodi niliyolipa jana", "document_request"),
            ("pouvez-vous m'envoyer la quittance de loyer de janvier", "document_request"),
            ("merci de m'envoyer le reçu du loyer d'octobre", "document_request"),
            ("nkeneye inyemezabwishyu y'ubukode bw'ukwezi gushize", "document_request"),
            ("أحتاج فاتورة الإيجار لشهر مايو", "document_request"),
            ("Nzimuka ku wa gatandatu, mwaza kugenzura inzu ejo?", "move_out"),
            ("ndava mu nzu ku cyumweru, muze kureba inzu ejo", "move_out"),
            ("Ndimuka ku cyumweru, mushobora kuza kugenzura inzu ku wa gatandatu?", "move_out"),
            ("I'm leaving the flat on Sunday, can someone come inspect it Friday?", "move_out"),
            ("we're handing back the keys on Friday, can someone check the flat on Thursday?", "move_out"),
            ("je quitte l'appartement samedi, vous pouvez passer faire l'état des lieux demain ?", "move_out"),
            ("I'll leave a post-dated cheque for next month's rent with the guard", "rent_payment"),
            ("I'll leave post-dated cheques for the next three months of rent", "rent_payment"),
            ("je vous dépose un chèque postdaté pour le loyer de mars", "rent_payment"),
        ])
    }

    /// Short chat replies carrying a time, an amount, a phone number or an email beside a domain
    /// word are the domain intent, not confident chit-chat; a tradesperson's visit is a repair,
    /// a deposit for a flat being taken is a payment, a friend relocating asks for a place, and
    /// thanks with a farewell are thanks. Their neighbours keep their own intents.
    @Test func chatRepliesAndSchedulingReadByTheirAsk() {
        Self.expectIntents([
            ("Tue 6pm is good, I'll come see the flat", "viewing_booking"),
            ("ok pour demain 16h, je viens voir l'appart", "viewing_booking"),
            ("sent 120k on mtn momo, my line is 0788 300 400", "rent_payment"),
            ("done, paid with airtel money, sender 0788 555 111", "rent_payment"),
            ("could I get the August invoice by mail? tom@site.org", "document_request"),
            ("send the plumber, 0722 000 111 is my number", "maintenance_request"),
            ("what time is the plumber coming?", "maintenance_request"),
            ("is the electrician coming back to finish?", "maintenance_request"),
            ("can the fundi pass by on Tuesday afternoon?", "maintenance_request"),
            ("will someone come fix it on Monday?", "maintenance_request"),
            ("carpenter Monday 8am ok?", "maintenance_request"),
            ("I'll send the caution on Friday", "rent_payment"),
            ("I will pay the caution next Tuesday", "rent_payment"),
            ("deposit for the new place sent, 2 months as agreed", "rent_payment"),
            ("I will transfer the deposit for the flat tomorrow to secure it", "rent_payment"),
            ("my niece is relocating for a job, do you have a bedsitter?", "availability"),
            ("my cousin is moving to Kigali next month, do you have a place for him?", "availability"),
            ("thank you, have a lovely weekend", "thanks"),
            ("bien noté, merci et bon week-end", "thanks"),
            ("asante, usiku mwema", "thanks"),
            ("ta, much appreciated", "thanks"),
            ("jërëjëf, ba beneen", "thanks"),
            ("dieuredieuf boss", "thanks"),
            // Neighbours that keep their intents.
            ("can I come and see the studio on Saturday at 10?", "viewing_booking"),
            ("when do I get my deposit back? I left on the 30th", "move_out"),
            ("I'm relocating to Mombasa for work, consider this my notice", "move_out"),
            ("see you tomorrow then, bye", "goodbye"),
        ])
    }

    /// Pidgin, Sheng and Darija Arabizi messages are read above the default threshold.
    @Test func kirundiCertificatesVillasOutagesRenewalsAndRegionalThanks() {
        let cases = [
            ("umukozi wanje ntarariha amezi abiri ariko ngo azoriha ku wa kane", "rent_payment"),
            ("j'aurais besoin d'une attestation de location pour la banque", "document_request"),
            ("hunting for a villa with 4 bedrooms, budget SAR 95k", "availability"),
            ("transformer blow for our street, no light at all", "maintenance_request"),
            ("will the rent stay at 700 DT after renewal?", "lease_renewal"),
            ("window broke in the night URGENT!!!", "maintenance_request"),
            ("3aychek", "thanks"),
            ("can I pay the rent by bank transfer?", "rent_payment"),
        ]
        for (text, intent) in cases { #expect(IntentModel.propertyManagement.predict(text).name == intent, "\(text)") }
        // "still going on" is a complaint, not a question about a vacancy.
        #expect(IntentModel.propertyManagement.predict("still going on 😤").name != "availability")
    }

    @Test func pidginShengAndDarijaAreConfident() {
        let cases = [
            ("una fit send plumber today? the sink don block", "maintenance_request"),
            ("abeg una get 1 bedroom flat for Yaba?", "availability"),
            ("how much una dey charge for the mini flat?", "price_inquiry"),
            ("wetin be the address abeg", "location_directions"),
            ("I wan pack out next month", "move_out"),
            ("abeg send me receipt for the payment", "document_request"),
            ("my neighbour dey make noise every night, e don tire me", "complaint"),
            ("nimesend rent, angalia mpesa", "rent_payment"),
            ("bomba imepasuka, tuma fundi sahii", "maintenance_request"),
            ("nataka kurenew lease ya keja", "lease_renewal"),
            ("keja yenu iko wapi? nitumie location", "location_directions"),
            ("wach momkin nchouf l'appart nhar l7ed?", "viewing_booking"),
            ("lbab dyal dar mkhser, sifto njar", "maintenance_request"),
            ("khallest lkra b virement lyoum", "rent_payment"),
            ("bghit nkhrej mn dar f had chher", "move_out"),
        ]
        Self.expectIntents(cases)
        for (text, intent) in cases { #expect(IntentModel.propertyManagement.predict(text).name == intent, "\(text)") }
    }

    /// Arabizi requests opening with "salam" (or "marhaba") are the request, confidently.
    @Test func arabiziRequestsAfterSalam() {
        let cases = [
            ("salam, kayna ri7a dyal gaz f lcuisine, 3afak sifto chi wa7ed", "maintenance_request"),
            ("marhaba, fi ri7et ghaz bel matbakh", "maintenance_request"),
            ("salam, lrobini katnqet mn lbareh", "maintenance_request"),
            ("salam, l bab dyal l7ammam mkasser", "maintenance_request"),
            ("salam 3likom, bghit n3tikom préavis, ghadi nkhrej chher jay", "move_out"),
            ("salam 3likom, bghit ngolikom bli ghadi nkhrej mn dar f akhir chhar", "move_out"),
            ("salam khoya, bghit nchouf chi appart lyoum", "viewing_booking"),
        ]
        Self.expectIntents(cases)
        for (text, intent) in cases { #expect(IntentModel.propertyManagement.predict(text).name == intent, "\(text)") }
    }

    @Test func builtInModelIsSharedAndThreadSafe() async throws {
        // First uses race from many tasks: one model is built and every task gets it.
        let texts = Self.tenantMessages.map(\.0)
        let identities = await withTaskGroup(of: ObjectIdentifier.self) { group in
            for _ in 0..<8 { group.addTask { ObjectIdentifier(IntentModel.propertyManagement) } }
            var all = Set<ObjectIdentifier>()
            for await id in group { all.insert(id) }
            return all
        }
        #expect(identities.count == 1)
        let model = IntentModel.propertyManagement
        let expected = texts.map { model.predict($0) }
        let agree = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<16 { group.addTask { texts.map { model.predict($0) } == expected } }
            var all = true
            for await ok in group { all = all && ok }
            return all
        }
        #expect(agree)
    }

    // MARK: SNIPS

    @Test func snipsExcerpt() throws {
        func read(_ path: String) throws(ParleyError) -> [IntentExample] {
            try Fixtures.bytes(path).withUnsafeBytes { raw in Result { () throws(ParleyError) in try IntentData.parse(raw) } }.get()
        }
        let train = try read("intent/snips/train.tsv")
        let test = try read("intent/snips/test.tsv")
        #expect(train.count == 700)
        #expect(test.count == 700)
        let model = try IntentModel.train(train)
        #expect(model.intents.count == 7)
        let (rate, _) = Self.accuracy(model, test)
        print("SNIPS excerpt (100 per intent) test accuracy: \(rate)")
        #expect(rate >= Self.snipsFloor)
    }

    static let snipsFloor = 0.95
}


/// A closing report (the repair is done) with thanks in any language is thanks; regional thanks
/// and greetings (Luganda, Twi, Zulu, Afrikaans, Pidgin) are known; questions about amenities,
/// arriving at the gate, deadlines for a repair and disputes over a cut-off read by their ask.
@Suite struct RegionalIntentTests {
    static func expect(_ cases: [(String, String)]) {
        let corpus = Set((try? IntentData.parse(PropertyIntentCorpus.jsonl))?.map { $0.text.lowercased() } ?? [])
        for (text, intent) in cases {
            #expect(!corpus.contains(text.lowercased()), "\(text) is in the corpus")
            let prediction = IntentModel.propertyManagement.predict(text)
            #expect(prediction.name == intent, "\(text) → \(prediction.name) \(prediction.confidence) (want \(intent))")
        }
    }

    /// Reads each text at the default threshold and expects one of `intents`.
    static func expect(_ texts: [String], in intents: Set<String>) {
        let corpus = Set((try? IntentData.parse(PropertyIntentCorpus.jsonl))?.map { $0.text.lowercased() } ?? [])
        for text in texts {
            #expect(!corpus.contains(text.lowercased()), "\(text) is in the corpus")
            let prediction = IntentModel.propertyManagement.predict(text)
            #expect(intents.contains(prediction.name), "\(text) → \(prediction.name) \(prediction.confidence) (want \(intents))")
        }
    }

    /// Requests switching language mid-sentence (Lingala and French, Lebanese and Gulf Arabizi,
    /// nouchi, Sheng) and short greetings, thanks and goodbyes in Shona, Nyanja, Bemba, Lingala,
    /// Amharic and Gulf Arabic are read above the threshold, not left "unknown"; so is thanks
    /// with a clause after it, or reporting the repair done.
    @Test func codeSwitchedRequestsAndLocalCourtesies() {
        Self.expect([
            ("moteur ya building ezali kosala te depuis lobi", "maintenance_request"),
            ("tozali na courant te banda butu, bótinda technicien", "maintenance_request"),
            ("el moteur ma 3am yechte8el w EDL ma2tou3a men el sob7", "maintenance_request"),
            ("el asanser mkhareb mn mbere7, ma 3am ytla3", "maintenance_request"),
            ("3indkum villa lil ijar fi el nakheel?", "availability"),
            ("wein el 7aris? ana wa2ef 3ind el bawaba", "location_directions"),
            ("le prix là c'est pas bon, on peut discuter un peu ?", "price_inquiry"),
            ("bei ya 25k ni kubwa, inaweza shuka?", "price_inquiry"),
            ("abi ashoof al sha2a bukra al 3asr", "viewing_booking"),
            ("mhoroi, makadii", "greeting"), ("moni bambo", "greeting"), ("mwapoleni mukwai", "greeting"),
            ("mbote tata", "greeting"), ("ሰላም እንዴት ናችሁ", "greeting"),
            ("ndatenda zvikuru", "thanks"), ("zikomo kwambiri", "thanks"), ("natotela mukwai", "thanks"),
            ("matondo mingi", "thanks"), ("አመሰግናለሁ", "thanks"), ("mashkoor ya akhoy", "thanks"),
            ("يعطيكم العافية، مشكورين", "thanks"),
            ("chisarai, tichaonana", "goodbye"), ("tokomonana lobi", "goodbye"),
            ("thank you for showing me the flat, I'll get back to you", "thanks"),
            ("merci, on va voir avec le gérant, bonne soirée", "thanks"),
            ("thank you, the electrician came and the lights work now", "thanks"),
            ("merci, le plombier a tout réparé", "thanks"),
            ("asante, fundi amerekebisha bomba", "thanks"),
            ("okay noted, natotela", "thanks"),
        ])
    }

    /// A question about the level of the rent (will it stay, go up, is the new amount this)
    /// asks a price, or a renewal's terms: it pays nothing. Paying for a service that never
    /// works is a complaint.
    @Test func theRentsLevelIsNoPayment() {
        Self.expect(["so the rent becomes 75k from July, right?", "will the rent stay the same next year?",
                     "is the rent staying at 300 or going up?", "donc à partir d'avril le loyer passe à 300 000 ?",
                     "kodi itaongezeka mwaka ujao?", "el ajar rah yeb2a nafso aw rah yzid?",
                     "هل الإيجار سيبقى كما هو بعد التجديد؟", "so from next month I pay 20k instead of 18k?",
                     "is the rent going up when I renew?"], in: ["price_inquiry", "lease_renewal"])
        Self.expect([
            ("sorry, how much was the rent for the studio again?", "price_inquiry"),
            ("the caretaker said 400 but the listing says 350, which one is right?", "price_inquiry"),
            ("we pay for the generator every month and it never works", "complaint"),
        ])
    }

    /// A chase ("any updates??") has no request of its own for the thread to be outweighed by,
    /// least of all a confident search for a flat. Renewing a permit asks for the lease as a
    /// document; a New Year or Eid wish is a greeting; a message meant for someone else is out
    /// of scope.
    @Test func chasesKeywordTrapsWishesAndStrayMessages() {
        Self.expect(["any updates??", "so, any news? 😟", "des nouvelles ?", "kuna update yoyote?", "fi shi jdid?"],
                    in: ["other", IntentModel.unknownName])
        Self.expect([
            ("I'm renewing my work permit and immigration wants a copy of my lease", "document_request"),
            ("I need the lease for my residence permit renewal, please send a copy", "document_request"),
            ("can I renew for 6 months instead of a year?", "lease_renewal"),
            ("kel sene w into salmin", "greeting"), ("Eid Mubarak to you and the family 🌙", "greeting"),
            ("bonne année patron, santé et prospérité", "greeting"), ("عيد مبارك وكل عام وأنتم بخير", "greeting"),
            ("babe I'm home, where did you put the keys?", "other"), ("sorry, that was meant for someone else", "other"),
            ("oops wrong number, sorry about that", "other"), ("do you sell land in Karen?", "other"),
        ])
    }

    @Test func aRepairDoneWithThanksIsThanks() {
        Self.expect([
            ("the plumber came yesterday and everything drains now, thanks a lot", "thanks"),
            ("electricity restored, dankie baie", "thanks"),
            ("the pump guy has sorted everything, ngiyabonga kakhulu", "thanks"),
            ("fundi ameshatengeneza choo, asante", "thanks"),
            ("they repaired the shower this morning, thanks so much", "thanks"),
            // Not done yet: still a repair.
            ("the plumber came but the tap still drips, can he come back?", "maintenance_request"),
            ("power is back but now the fridge doesn't work", "maintenance_request"),
        ])
    }

    @Test func regionalThanksAndGreetings() {
        Self.expect([
            ("webale nnyo nnyabo", "thanks"),
            ("dankie tog", "thanks"),
            ("ngiyabonga mfowethu", "thanks"),
            ("medaase, God bless you", "thanks"),
            ("sawubona baba", "greeting"),
            ("goeie more, hoe gaan dit", "greeting"),
            ("akwaaba, ete sen?", "greeting"),
        ])
    }

    @Test func askInsideThePropertyDomain() {
        Self.expect([
            ("does the bedsitter have a water tank and power backup?", "availability"),
            ("iko na maji ya kutosha?", "availability"),
            ("nimefika kwenye lango, nyumba yako ni ipi?", "location_directions"),
            ("I'm standing at the main door, which block?", "location_directions"),
            ("they disconnected my water because rent was two days late, this is not right", "complaint"),
            ("we have an inspection at 9 tomorrow, can the broken window be fixed before that?", "maintenance_request"),
            ("ask the electrician to pass by block D today, the tenant in D4 has no power", "maintenance_request"),
        ])
    }

    /// Setswana, Chichewa, Malagasy, Mauritian Kreol, Bambara/Mooré with French, Darija,
    /// Levantine and Gulf Arabic: a held-out evaluation in these markets read half of them as
    /// "unknown". Sentences written for the test, not taken from the corpus.
    @Test func newMarketsInTheirOwnWords() {
        Self.expect([
            ("ke a leboga thata rra, jaanong metsi a siame", "thanks"),
            ("zikomo kwambiri, tsopano magetsi ali bwino", "thanks"),
            ("misaotra betsaka fa vita haingana", "thanks"),
            ("mersi boukou, tou finn ranze", "thanks"),
            ("dumela mma, le tsogile sentle?", "greeting"),
            ("veloma tompoko, mandra-pihaona", "goodbye"),
            ("mo finn ariv dan parking la, ki bloc?", "location_directions"),
            ("ana wasalt el bawaba, wain el 3imara?", "location_directions"),
            ("afaka mijery ilay trano ve aho sabotsy hariva?", "viewing_booking"),
            ("ke batla ntlo e e hirisiwang kwa Mogoditshane", "availability"),
            ("tsy misy jiro hatramin'ny hariva, mba ampio izahay", "maintenance_request"),
            ("the rent jumped from 4000 to 4800 without any notice, this is unfair", "complaint"),
        ])
    }
}
