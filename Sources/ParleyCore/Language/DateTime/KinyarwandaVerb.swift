/// The tense a Kinyarwanda verb carries, read from its shape: "ejo" is yesterday or tomorrow,
/// and only the verb says which ("Nishyuye loyer ejo": I paid the rent yesterday; "nzishyura
/// ejo": I will pay tomorrow). Listing verbs misses most of them, and a shape holds for all:
/// - the recent past ends in the perfective "-ye", "-ze" or "-je" after a subject prefix, and
///   a conjugated verb starts with a consonant where nouns start with a vowel ("nishyuye",
///   "naguze", "yaje", "twohereje", "narishyuye", "ntiyaje"); "-njye" is "my" ("yanjye");
/// - the future puts "-za-" right after the subject ("nzishyura", "tuzaza", "azagura",
///   "bazohereza"; "i-" alone is left out: "izina" is a name, not a plan; so is "nziza", good).
enum KinyarwandaVerb {
    /// Letters as `DTLexicon.pack` codes.
    private static let a = code("a"), e = code("e"), i = code("i"), o = code("o"), u = code("u")
    private static let j = code("j"), y = code("y"), z = code("z"), n = code("n"), t = code("t"), m = code("m")
    /// Subject prefixes of one consonant and a vowel: ba-, bi-, ri-, zi-, ru-, ki-, ka-, ku-, ha-.
    private static let consonantSubjects: Set<UInt8> = [code("b"), code("r"), code("z"), code("k"), code("h")]
    private static let adjectives: Set<UInt64> = Set(["nziza", "nzuri"].map(DTLexicon.key))

    private static func code(_ letter: Unicode.Scalar) -> UInt8 { UInt8(letter.value - 0x60) }

    static func tense(_ token: DTToken) -> DTTense {
        let count = token.length
        guard token.kind == .word, token.key != .max, count >= 4, count <= 12 else { return .neutral }
        // The letter at `k` from the word's start.
        func letter(_ k: Int) -> UInt8 { UInt8(truncatingIfNeeded: token.key >> (5 * UInt64(count - 1 - k))) & 31 }
        func vowel(_ k: Int) -> Bool {
            guard k < count else { return false }
            let c = letter(k)
            return c == a || c == e || c == i || c == o || c == u
        }
        let perfective = letter(count - 2)
        if letter(count - 1) == e, perfective == y || perfective == z || perfective == j, !vowel(0), vowel(1) || vowel(2) {
            let possessive = count >= 5 && letter(count - 4) == n && perfective == y && letter(count - 3) == j
            return possessive ? .neutral : .past
        }
        guard count >= 5, !adjectives.contains(token.key) else { return .neutral }
        let s: Int  // where the subject prefix ends
        switch letter(0) {
        case n, u, a: s = 1
        case t, m: s = letter(1) == u ? 2 : 0
        case let c where consonantSubjects.contains(c): s = letter(1) == a || letter(1) == i || letter(1) == u ? 2 : 0
        default: s = 0
        }
        return s > 0 && letter(s) == z && vowel(s + 1) ? .future : .neutral
    }
}
