/// What `IntentModel.predict` concludes about one message.
public struct IntentPrediction: Sendable, Equatable {
    /// The most probable intent, or "unknown" when its confidence is below the threshold.
    public var name: String
    /// The calibrated probability of the most probable intent (also when `name` is "unknown").
    public var confidence: Double
    /// The next best intents, most probable first, up to 3. When `name` is "unknown" the
    /// list starts with the most probable intent itself, so nothing is lost.
    public var alternatives: [(name: String, confidence: Double)]
    /// The message is outside what the model knows: it predicts an `other`/`out_of_scope`
    /// class, or its best probability is low, or most of its features were never seen in training.
    public var outOfScope: Bool

    /// The most probable intent even when below the threshold.
    var top: String? { name != IntentModel.unknownName ? name : alternatives.first?.name }

    public init(name: String, confidence: Double, alternatives: [(name: String, confidence: Double)], outOfScope: Bool) {
        self.name = name
        self.confidence = confidence
        self.alternatives = alternatives
        self.outOfScope = outOfScope
    }

    /// {"name","confidence","alternatives":[{"name","confidence"}],"outOfScope"}
    public var json: JSONValue {
        var object = JSONObject()
        object.append("name", .string(name))
        object.append("confidence", .double(Self.rounded(confidence)))
        object.append("alternatives", .array(alternatives.map { alternative in
            var item = JSONObject()
            item.append("name", .string(alternative.name))
            item.append("confidence", .double(Self.rounded(alternative.confidence)))
            return .object(item)
        }))
        object.append("outOfScope", .bool(outOfScope))
        return .object(object)
    }

    /// Four decimals: enough for a probability, and stable text in logs and tests.
    static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    public static func == (lhs: IntentPrediction, rhs: IntentPrediction) -> Bool {
        lhs.name == rhs.name && lhs.confidence == rhs.confidence && lhs.outOfScope == rhs.outOfScope
            && lhs.alternatives.count == rhs.alternatives.count
            && zip(lhs.alternatives, rhs.alternatives).allSatisfy { $0.name == $1.name && $0.confidence == $1.confidence }
    }
}
