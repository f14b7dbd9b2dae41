/// The stages that turn a normalized message into its enrichment. Pure and `Sendable`: it runs
/// on the caller's thread, outside the store's lock, so messages enrich in parallel.
struct Pipeline: Sendable {
    let entities: EntityExtractor

    init(configuration: Configuration) throws(ParleyError) {
        entities = try EntityExtractor(options: configuration.entities)
    }

    func enrich(_ message: Message) -> Enrichment {
        Enrichment(entities: entities.extract(from: message.text))
    }
}

/// What the stages found. Stages not built yet have no field here, so their keys are absent
/// from the context rather than faked.
struct Enrichment: Sendable {
    var entities: [Entity]

    /// The language fields of the enriched context.
    var json: JSONValue {
        ["entities": .array(entities.map(\.json))]
    }
}

extension Enrichment {
    /// Entity types that name what a thread is about.
    static let referenceTypes: Set<String> = ["unit", "property"]

    var threadSignals: ThreadSignals {
        var signals = ThreadSignals()
        if let reference = entities.first(where: { Self.referenceTypes.contains($0.type) }) {
            let key = reference.value["id"]?.stringValue ?? reference.value["unit"]?.stringValue
                ?? reference.value["name"]?.stringValue ?? reference.text
            signals.reference = reference.type + ":" + key.lowercased()
            signals.referenceLabel = reference.value["name"]?.stringValue ?? reference.text
        }
        signals.entities = entities.map { ($0.type, $0.text) }
        return signals
    }
}
