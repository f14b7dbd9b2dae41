
/// One name a host wants found in messages: a property, neighbourhood, tenant, staff member…
public struct LookupEntry: Sendable, Equatable {
    public var id: String?
    public var name: String
    public var aliases: [String]

    public init(id: String? = nil, name: String, aliases: [String] = []) {
        self.id = id
        self.name = name
        self.aliases = aliases
    }
}

/// The lookup layer: host-supplied lists of names matched in message text, tolerant of case,
/// accents and small typos ("kacyiru hights" → "Kacyiru Heights").
///
/// Names and aliases are split into word tokens like message text, folded (lower case, no
/// accents) and stored in a trie keyed by token hashes, so an exact hit costs a few table
/// probes per message token whatever the size of the lists. Typos are found through a
/// deletion neighbourhood (SymSpell): every list word of 4+ letters is indexed under all its
/// forms with up to 1 (4–7 letters) or 2 (8+ letters) scalars deleted; a message word's own
/// deletions are looked up there and each hit checked with the true (Damerau) edit distance.
/// Matches cover whole tokens only, never part of a word.
///
/// Thread-safe: `match` reads an immutable index snapshot taken under a lock held for one
/// pointer copy; updates build a new snapshot (serialized among themselves) and swap it in.
public final class Gazetteer: Sendable {
    private let snapshot: Guarded<GazetteerIndex>
    private let updates = Guarded<Void>(())

    public init() {
        snapshot = Guarded(GazetteerIndex(lists: []))
    }

    /// Sets a whole list, replacing any list of that kind.
    public func replace(kind: String, entries: [LookupEntry]) {
        update { lists in
            if let i = lists.firstIndex(where: { $0.kind == kind }) {
                lists[i].entries = entries
            } else {
                lists.append((kind, entries))
            }
        }
    }

    /// Adds entries to a list (creating it when missing).
    public func add(kind: String, entries: [LookupEntry]) {
        update { lists in
            if let i = lists.firstIndex(where: { $0.kind == kind }) {
                lists[i].entries += entries
            } else {
                lists.append((kind, entries))
            }
        }
    }

    public func remove(kind: String) {
        update { lists in lists.removeAll { $0.kind == kind } }
    }

    /// kind → number of entries.
    public var kinds: [String: Int] {
        let index = current
        var counts: [String: Int] = [:]
        for list in index.lists { counts[list.kind] = list.entries.count }
        return counts
    }

    /// The lookup entities of `text`, in text order, without overlaps.
    public func match(_ text: String) -> [Entity] {
        let view = ScalarText(text)
        var candidates: [Candidate] = []
        current.match(view, into: &candidates)
        return EntityResolver.resolve(candidates, in: view)
    }

    var current: GazetteerIndex {
        snapshot.withLock { $0 }
    }

    private func update(_ change: (inout [(kind: String, entries: [LookupEntry])]) -> Void) {
        updates.withLock { _ in
            var lists = current.lists
            change(&lists)
            let index = GazetteerIndex(lists: lists)
            snapshot.withLock { $0 = index }
        }
    }

    /// Parses `{"property": [{"id": "p1", "name": "Kacyiru Heights", "aliases": ["KH"]}], …}`
    /// (the `"lookups"` configuration key and the C API's lists). Errors name the bad path:
    /// `lookups.property[2].name` (config) or `property[2].name` (argument).
    public static func parseLists(_ value: JSONValue, errorKind: ParleyError.Kind) throws(ParleyError) -> [(kind: String, entries: [LookupEntry])] {
        let root = errorKind == .invalidConfig ? "lookups" : "lists"
        let prefix = errorKind == .invalidConfig ? "lookups." : ""
        guard case .object(let object) = value else {
            throw ParleyError(errorKind, "\(root) must be an object of lists ({\"property\": [{\"name\": …}]}), got \(value.typeName)")
        }
        var result: [(kind: String, entries: [LookupEntry])] = []
        for (kind, list) in object.members {
            let path = prefix + kind
            guard !kind.isEmpty, kind.unicodeScalars.count <= 64 else {
                throw ParleyError(errorKind, "\(root): a list kind must be 1 to 64 characters, got \"\(kind)\"")
            }
            guard case .array(let items) = list else {
                throw ParleyError(errorKind, "\(path) must be an array of entries, got \(list.typeName)")
            }
            var entries: [LookupEntry] = []
            entries.reserveCapacity(items.count)
            for (n, item) in items.enumerated() {
                let itemPath = "\(path)[\(n)]"
                guard case .object(let fields) = item else {
                    throw ParleyError(errorKind, "\(itemPath) must be an object with a \"name\", got \(item.typeName)")
                }
                var entry = LookupEntry(name: "")
                var hasName = false
                for (key, field) in fields.members {
                    switch key {
                    case "name":
                        guard let s = field.stringValue, GazetteerIndex.wordCount(s) > 0 else {
                            throw ParleyError(errorKind, "\(itemPath).name must be a string with at least one letter or digit")
                        }
                        guard GazetteerIndex.wordCount(s) <= GazetteerIndex.maximumWords else {
                            throw ParleyError(errorKind, "\(itemPath).name has more than \(GazetteerIndex.maximumWords) words")
                        }
                        entry.name = s
                        hasName = true
                    case "id":
                        switch field {
                        case .string(let s): entry.id = s
                        case .int(let i): entry.id = String(i)
                        case .null: entry.id = nil
                        default: throw ParleyError(errorKind, "\(itemPath).id must be a string, got \(field.typeName)")
                        }
                    case "aliases":
                        guard case .array(let aliases) = field else {
                            throw ParleyError(errorKind, "\(itemPath).aliases must be an array of strings, got \(field.typeName)")
                        }
                        for (a, alias) in aliases.enumerated() {
                            guard let s = alias.stringValue, GazetteerIndex.wordCount(s) > 0,
                                  GazetteerIndex.wordCount(s) <= GazetteerIndex.maximumWords else {
                                throw ParleyError(errorKind, "\(itemPath).aliases[\(a)] must be a string of 1 to \(GazetteerIndex.maximumWords) words")
                            }
                            entry.aliases.append(s)
                        }
                    default:
                        throw ParleyError(errorKind, "unknown key \"\(itemPath).\(key)\" (expected \"id\", \"name\", \"aliases\")")
                    }
                }
                guard hasName else { throw ParleyError(errorKind, "\(itemPath).name is missing") }
                entries.append(entry)
            }
            result.append((kind, entries))
        }
        return result
    }
}

/// An immutable index of lookup lists (one snapshot of a `Gazetteer`).
final class GazetteerIndex: Sendable {
    static let maximumWords = 12
    /// Letters for one edit: 4–7; two edits from 8.
    static let fuzzyMinimum = 4
    static let twoEditsFrom = 8

    struct Target: Sendable {
        var kind: Int32
        var entry: Int32
        /// The name or alias as the host wrote it.
        var matched: String
    }

    let lists: [(kind: String, entries: [LookupEntry])]
    /// Folded token hash → vocabulary word id.
    private let vocabulary: HashIndex
    /// The folded scalars of each vocabulary word (for the edit-distance check).
    private let words: [[UInt32]]
    /// (node, word) → child node.
    private let edges: HashIndex
    /// Targets of the names ending at each node (node 0 is the root).
    private let targets: [[Target]]
    /// Deleted form hash → index into `postings` (vocabulary ids).
    private let deletions: HashIndex
    private let postings: [[Int32]]
    /// Vocabulary words of tenant and staff names (3+ letters): person-name evidence.
    private let personWords: HashIndex
    let maximumDepth: Int
    var isEmpty: Bool { targets.count <= 1 }

    static func wordCount(_ s: String) -> Int { ScalarText(s).tokens.count }

    init(lists: [(kind: String, entries: [LookupEntry])]) {
        self.lists = lists
        var vocabulary = HashIndex()
        var words: [[UInt32]] = []
        var edges = HashIndex()
        var targets: [[Target]] = [[]]
        var personWords = HashIndex()
        var depth = 0
        /// The word's id, a new one for a word not seen yet (with every word of its class, `PropertyWords`).
        func wordID(_ word: Word) -> Int32 {
            if let id = vocabulary.get(word.hash) { return id }
            let id = Int32(words.count)
            for hash in PropertyWords.classOf[word.hash] ?? [word.hash] where vocabulary.get(hash) == nil { vocabulary.set(hash, id) }
            words.append(word.folded)
            return id
        }
        /// The path of one spelling of a name, ending at `target`.
        func add(_ path: [Word], _ target: Target) {
            var node: Int32 = 0
            for word in path {
                let key = Self.edgeKey(node, wordID(word))
                if let child = edges.get(key) {
                    node = child
                } else {
                    let child = Int32(targets.count)
                    targets.append([])
                    edges.set(key, child)
                    node = child
                }
            }
            depth = max(depth, path.count)
            // An entry's forms and their variants are indexed one after another, so a path
            // repeating another of the same entry can only follow it directly at its node:
            // checking the last target keeps many identical names linear.
            let last = targets[Int(node)].last
            if last?.kind != target.kind || last?.entry != target.entry {
                targets[Int(node)].append(target)
            }
        }
        for (k, list) in lists.enumerated() {
            let isPeople = list.kind == "tenant" || list.kind == "staff"
            for (e, entry) in list.entries.enumerated() {
                for form in [entry.name] + entry.aliases {
                    let view = ScalarText(form)
                    guard !view.tokens.isEmpty, view.tokens.count <= Self.maximumWords else { continue }
                    let path = view.tokens.map { token in
                        var folded: [UInt32] = []
                        for i in Int(token.start)..<Int(token.end) {
                            let f = Fold.fold(view.scalars[i])
                            if f != 0 { folded.append(f) }
                        }
                        return Word(hash: token.hash, folded: folded, letters: token.isLetters)
                    }
                    for token in view.tokens where isPeople && token.isLetters && token.length >= 3 { personWords.set(token.hash, 1) }
                    let target = Target(kind: Int32(k), entry: Int32(e), matched: form)
                    add(path, target)
                    for variant in Self.variants(of: path) { add(variant, target) }
                }
            }
        }
        // Deletion neighbourhood of the vocabulary's letter words.
        var deletions = HashIndex()
        var postings: [[Int32]] = []
        for (id, word) in words.enumerated() where word.count >= Self.fuzzyMinimum && word.allSatisfy({ !Self.isDigit($0) }) {
            let distance = word.count >= Self.twoEditsFrom ? 2 : 1
            Self.forEachDeletion(word, upTo: distance) { hash in
                if let p = deletions.get(hash) {
                    if postings[Int(p)].last != Int32(id) { postings[Int(p)].append(Int32(id)) }
                } else {
                    deletions.set(hash, Int32(postings.count))
                    postings.append([Int32(id)])
                }
            }
        }
        self.vocabulary = vocabulary
        self.words = words
        self.edges = edges
        self.targets = targets
        self.deletions = deletions
        self.postings = postings
        self.personWords = personWords
        self.maximumDepth = depth
    }

    /// A word of a listed name: its folded hash (as `ScalarText` gives tokens), folded scalars,
    /// and whether it is letters only.
    struct Word {
        var hash: UInt64
        var folded: [UInt32]
        var letters: Bool
    }

    /// Other spellings a name is found under, built once with the index (nothing is added per
    /// message): two neighbouring words run together ("Stonetown" for "Stone Town Residence",
    /// "KilimaniCourt"), and a two-word name in the other order ("Residence Sursock" for
    /// "Sursock Residence", "سرسق سكن" for "سكن سرسق"), when both words have three letters or more.
    static func variants(of path: [Word]) -> [[Word]] {
        guard path.count >= 2 else { return [] }
        var variants: [[Word]] = []
        for k in 0..<(path.count - 1) where path[k].letters && path[k + 1].letters {
            let folded = path[k].folded + path[k + 1].folded
            var hash = Fold.seed
            for f in folded { hash = Fold.mix(hash, f) }
            var joined = path
            joined.replaceSubrange(k...(k + 1), with: [Word(hash: Fold.finish(hash), folded: folded, letters: true)])
            variants.append(joined)
        }
        if path.count == 2, path.allSatisfy({ $0.letters && $0.folded.count >= 3 }) { variants.append(path.reversed()) }
        return variants
    }

    @inline(__always) static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }

    @inline(__always) static func edgeKey(_ node: Int32, _ word: Int32) -> UInt64 {
        (UInt64(UInt32(bitPattern: node)) + 1) << 32 | UInt64(UInt32(bitPattern: word))
    }

    /// Calls `body` with the hash of `word` and of every form with up to `upTo` scalars deleted.
    static func forEachDeletion(_ word: [UInt32], upTo: Int, _ body: (UInt64) -> Void) {
        body(hash(word, skipping: -1, -1))
        let n = word.count
        for i in 0..<n {
            body(hash(word, skipping: i, -1))
            if upTo >= 2 && n - 2 >= 2 {
                for j in (i + 1)..<n { body(hash(word, skipping: i, j)) }
            }
        }
    }

    @inline(__always) static func hash(_ word: [UInt32], skipping a: Int, _ b: Int) -> UInt64 {
        var h = Fold.seed ^ 0x5bd1_e995
        for (k, v) in word.enumerated() where k != a && k != b { h = Fold.mix(h, v) }
        return Fold.finish(h)
    }

    /// Optimal string alignment distance (edits and adjacent swaps), stopping above `limit`.
    static func distance(_ a: [UInt32], _ b: [UInt32], limit: Int) -> Int {
        let n = a.count, m = b.count
        if abs(n - m) > limit { return limit + 1 }
        var previous2 = [Int](repeating: 0, count: m + 1)
        var previous = Array(0...m)
        var current = [Int](repeating: 0, count: m + 1)
        for i in 1...n {
            current[0] = i
            var rowMinimum = i
            for j in 1...max(1, m) where m > 0 {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] { d = min(d, previous2[j - 2] + 1) }
                current[j] = d
                rowMinimum = min(rowMinimum, d)
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous2, &previous)
            swap(&previous, &current)
        }
        return previous[m]
    }

    /// Whether a token is a word of a tenant or staff name.
    func isPersonWord(_ hash: UInt64) -> Bool { personWords.get(hash) != nil }
    var hasPersonWords: Bool { personWords.count > 0 }

    /// Vocabulary readings of one message token: the exact word, or words within the allowed
    /// edit distance.
    private func readings(_ view: ScalarText, _ t: Int, into out: inout [(word: Int32, distance: Int)]) {
        out.removeAll(keepingCapacity: true)
        let token = view.tokens[t]
        if let id = vocabulary.get(token.hash) {
            out.append((id, 0))
            return
        }
        guard postings.count > 0, token.isLetters, token.length >= Self.fuzzyMinimum, token.length <= 40,
              token.word == 0 else { return }
        var folded: [UInt32] = []
        folded.reserveCapacity(token.length)
        for i in Int(token.start)..<Int(token.end) {
            let f = Fold.fold(view.scalars[i])
            if f != 0 { folded.append(f) }
        }
        guard folded.count >= Self.fuzzyMinimum else { return }
        // Up to two deletions on the message side too: a 7-letter typo of an 8-letter word.
        let queryDistance = folded.count + 1 >= Self.twoEditsFrom ? 2 : 1
        var seen: [Int32] = []
        Self.forEachDeletion(folded, upTo: queryDistance) { hash in
            guard let p = deletions.get(hash) else { return }
            for id in postings[Int(p)] where !seen.contains(id) {
                seen.append(id)
                let word = words[Int(id)]
                let allowed = word.count >= Self.twoEditsFrom ? 2 : 1
                let d = Self.distance(folded, word, limit: allowed)
                if d <= allowed { out.append((id, d)) }
            }
        }
    }

    /// Scalars between two tokens of one name: blanks, hyphens, dots, apostrophes, "&", "/".
    @inline(__always) private static func joinable(_ view: ScalarText, _ from: Int, _ to: Int) -> Bool {
        if to - from > 3 || to <= from { return false }
        for i in from..<to {
            guard let s = view[i] else { return false }
            switch s {
            case " ", "\u{00A0}", "-", ".", "'", "\u{2019}", "&", "/": continue
            default: return false
            }
        }
        return true
    }

    func match(_ view: ScalarText, into candidates: inout [Candidate]) {
        let tokens = view.tokens
        if isEmpty || tokens.isEmpty { return }
        // Readings of every token, flattened.
        var offsets = [Int](repeating: 0, count: tokens.count + 1)
        var all: [(word: Int32, distance: Int)] = []
        var scratch: [(word: Int32, distance: Int)] = []
        // Exact readings first; a typo is looked for only where a fuzzy hit could be accepted
        // (`accept`): capitalized or long words, or words next to an exact hit.
        var exact = [Bool](repeating: false, count: tokens.count)
        for t in tokens.indices { exact[t] = vocabulary.get(tokens[t].hash) != nil }
        for t in tokens.indices {
            let token = tokens[t]
            let fuzzy = !exact[t] && (token.isCapitalized || token.length >= Self.twoEditsFrom
                                      || (t > 0 && exact[t - 1]) || (t + 1 < tokens.count && exact[t + 1]))
            if exact[t] || fuzzy {
                readings(view, t, into: &scratch)
                all.append(contentsOf: scratch)
            }
            offsets[t + 1] = all.count
        }
        if all.isEmpty { return }
        struct State { var node: Int32; var distance: Int; var exact: Int }
        var frontier: [State] = []
        var next: [State] = []
        for i in tokens.indices where offsets[i + 1] > offsets[i] {
            frontier.removeAll(keepingCapacity: true)
            frontier.append(State(node: 0, distance: 0, exact: 0))
            var best: (end: Int, state: State)?
            var j = i
            while j < tokens.count && j - i < maximumDepth {
                if j > i && !Self.joinable(view, Int(tokens[j - 1].end), Int(tokens[j].start)) { break }
                next.removeAll(keepingCapacity: true)
                for state in frontier {
                    for r in offsets[j]..<offsets[j + 1] {
                        let reading = all[r]
                        guard let child = edges.get(Self.edgeKey(state.node, reading.word)) else { continue }
                        let s = State(node: child, distance: state.distance + reading.distance,
                                      exact: state.exact + (reading.distance == 0 ? 1 : 0))
                        next.append(s)
                        if !targets[Int(child)].isEmpty && accept(view, distance: s.distance, exact: s.exact, from: i, to: j),
                           best == nil || best!.end < j || best!.state.distance > s.distance {
                            best = (j, s)
                        }
                    }
                }
                if next.isEmpty { break }
                swap(&frontier, &next)
                j += 1
            }
            guard let (end, state) = best else { continue }
            let found = targets[Int(state.node)]
            let target = found[0]
            let entry = lists[Int(target.kind)].entries[Int(target.entry)]
            let words = end - i + 1
            var confidence: Double
            if state.distance == 0 {
                let letters = Int(tokens[end].end - tokens[i].start)
                confidence = words >= 2 || letters >= 5 ? 0.95 : 0.85
            } else {
                confidence = max(0.6, 0.85 - 0.1 * Double(state.distance))
            }
            if found.count > 1 && found.contains(where: { $0.kind == target.kind && $0.entry != target.entry }) {
                confidence -= 0.1  // two entries of one list share this name
            }
            candidates.append(Candidate(type: lists[Int(target.kind)].kind, start: Int(tokens[i].start), end: Int(tokens[end].end),
                                        value: ["id": .optional(entry.id), "name": .string(entry.name), "matched": .string(target.matched)],
                                        confidence: confidence, source: .lookup))
        }
    }

    /// Fuzzy hits need support: a one-word name only when the word is capitalized or long
    /// (8+ letters); a longer name needs one word spelled exactly.
    private func accept(_ view: ScalarText, distance: Int, exact: Int, from i: Int, to j: Int) -> Bool {
        if distance == 0 { return true }
        if i == j {
            let token = view.tokens[i]
            return token.isCapitalized || token.length >= Self.twoEditsFrom
        }
        return exact >= 1
    }
}
