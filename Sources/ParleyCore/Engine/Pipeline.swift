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
}
