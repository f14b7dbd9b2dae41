/// Turns the candidates of every layer (pattern, lookup, statistical, and any a host or
/// another module adds, such as "datetime" or "duration") into one answer without overlaps.
///
/// 1. Candidates with the same span are merged: the one of higher type priority (then higher
///    confidence) stays; one that agrees with it (same type and value, or a person name that a
///    tenant/staff list also names) raises its confidence.
/// 2. Longer spans win over the spans they overlap; at equal length the higher type priority,
///    then the higher confidence, then the earlier start.
/// The result is sorted by start and no two entities overlap.
public enum EntityResolver {
    public static func resolve(_ candidates: [Entity]) -> [Entity] {
        if candidates.isEmpty { return [] }
        var converted: [Candidate] = []
        converted.reserveCapacity(candidates.count)
        for entity in candidates where entity.start >= 0 && entity.end > entity.start {
            converted.append(Candidate(type: entity.type, start: entity.start, end: entity.end, value: entity.value,
                                      confidence: entity.confidence, source: entity.source, text: entity.text))
        }
        return resolve(converted, in: nil)
    }

    /// Lower wins when spans are equally long. Types a host adds that are not listed rank
    /// with the lookup kinds.
    static func priority(_ type: String, _ source: Entity.Source) -> Int {
        if source == .lookup { return 9 }
        switch type {
        case "email": return 0
        case "url": return 1
        case "money": return 2
        case "phone": return 3
        case "datetime", "recurrence": return 4
        case "duration": return 5
        case "percentage": return 6
        case "area": return 7
        case "bedrooms": return 8
        case "unit": return 10
        case "address": return 11
        case "person": return 12
        case "ordinal": return 13
        case "number": return 15
        default: return 9
        }
    }

    static func resolve(_ candidates: [Candidate], in view: ScalarText?) -> [Entity] {
        let n = candidates.count
        if n == 0 { return [] }
        var rank = [Int](repeating: 0, count: n)
        for k in 0..<n { rank[k] = priority(candidates[k].type, candidates[k].source) }
        // 1. Same span: merge. Order by span, then priority, then confidence.
        var order = Array(0..<n)
        order.sort { a, b in
            let x = candidates[a], y = candidates[b]
            if x.start != y.start { return x.start < y.start }
            if x.end != y.end { return x.end < y.end }
            if rank[a] != rank[b] { return rank[a] < rank[b] }
            return x.confidence > y.confidence
        }
        var merged: [Int] = []
        merged.reserveCapacity(n)
        var confidence = candidates.map(\.confidence)
        for k in order {
            if let last = merged.last, candidates[last].start == candidates[k].start, candidates[last].end == candidates[k].end {
                if agree(candidates[last], candidates[k]) {
                    confidence[last] = min(0.99, confidence[last] + (1 - confidence[last]) * candidates[k].confidence * 0.5)
                }
                continue
            }
            merged.append(k)
        }
        // 2. Longest first; a scalar belongs to one entity.
        merged.sort { a, b in
            let x = candidates[a], y = candidates[b]
            let lx = x.end - x.start, ly = y.end - y.start
            if lx != ly { return lx > ly }
            if rank[a] != rank[b] { return rank[a] < rank[b] }
            if confidence[a] != confidence[b] { return confidence[a] > confidence[b] }
            return x.start < y.start
        }
        var kept: [Int] = []
        if merged.count <= 48 {
            for k in merged {
                let c = candidates[k]
                if !kept.contains(where: { candidates[$0].start < c.end && c.start < candidates[$0].end }) { kept.append(k) }
            }
        } else {
            var limit = 0
            for k in merged { limit = max(limit, candidates[k].end) }
            var taken = [Bool](repeating: false, count: limit)
            for k in merged {
                let c = candidates[k]
                var free = true
                for i in c.start..<c.end where taken[i] { free = false; break }
                guard free else { continue }
                for i in c.start..<c.end { taken[i] = true }
                kept.append(k)
            }
        }
        kept.sort { candidates[$0].start < candidates[$1].start }
        var entities: [Entity] = []
        entities.reserveCapacity(kept.count)
        for k in kept {
            let c = candidates[k]
            let text = c.text ?? view.map { $0.string(c.start, min(c.end, $0.count)) } ?? ""
            entities.append(Entity(type: c.type, text: text, start: c.start, end: c.end, value: c.value,
                                   confidence: confidence[k], source: c.source))
        }
        return entities
    }

    /// Two candidates of one span that say the same thing.
    static func agree(_ a: Candidate, _ b: Candidate) -> Bool {
        if a.type == b.type { return a.value == b.value || a.type == "person" }
        if a.type == "person" && b.source == .lookup && (b.type == "tenant" || b.type == "staff") { return true }
        if b.type == "person" && a.source == .lookup && (a.type == "tenant" || a.type == "staff") { return true }
        return false
    }
}

/// One possible entity before overlaps are resolved.
struct Candidate: Sendable {
    var type: String
    var start: Int
    var end: Int
    var value: JSONValue
    var confidence: Double
    var source: Entity.Source = .pattern
    /// The text when the candidate came from outside (`EntityResolver.resolve([Entity])`).
    var text: String? = nil
}
