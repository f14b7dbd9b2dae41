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
        case "datetime": return 4
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
        if candidates.isEmpty { return [] }
        // 1. Same span: merge.
        var ranked = candidates.map { ($0, priority($0.type, $0.source)) }
        ranked.sort {
            if $0.0.start != $1.0.start { return $0.0.start < $1.0.start }
            if $0.0.end != $1.0.end { return $0.0.end < $1.0.end }
            if $0.1 != $1.1 { return $0.1 < $1.1 }
            return $0.0.confidence > $1.0.confidence
        }
        var merged: [(Candidate, Int)] = []
        merged.reserveCapacity(ranked.count)
        for (candidate, rank) in ranked {
            if let last = merged.last, last.0.start == candidate.start, last.0.end == candidate.end {
                if agree(last.0, candidate) {
                    var winner = last.0
                    winner.confidence = min(0.99, winner.confidence + (1 - winner.confidence) * candidate.confidence * 0.5)
                    merged[merged.count - 1] = (winner, last.1)
                }
                continue
            }
            merged.append((candidate, rank))
        }
        // 2. Longest first; a scalar belongs to one entity.
        merged.sort {
            let a = $0.0.end - $0.0.start, b = $1.0.end - $1.0.start
            if a != b { return a > b }
            if $0.1 != $1.1 { return $0.1 < $1.1 }
            if $0.0.confidence != $1.0.confidence { return $0.0.confidence > $1.0.confidence }
            return $0.0.start < $1.0.start
        }
        var limit = 0
        for (candidate, _) in merged { limit = max(limit, candidate.end) }
        var taken = [Bool](repeating: false, count: limit)
        var kept: [Candidate] = []
        for (candidate, _) in merged {
            var free = true
            var i = candidate.start
            while i < candidate.end {
                if taken[i] { free = false; break }
                i += 1
            }
            guard free else { continue }
            for k in candidate.start..<candidate.end { taken[k] = true }
            kept.append(candidate)
        }
        kept.sort { $0.start < $1.start }
        return kept.map { candidate in
            let text = candidate.text ?? view.map { $0.string(candidate.start, min(candidate.end, $0.count)) } ?? ""
            return Entity(type: candidate.type, text: text, start: candidate.start, end: candidate.end,
                          value: candidate.value, confidence: candidate.confidence, source: candidate.source)
        }
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
