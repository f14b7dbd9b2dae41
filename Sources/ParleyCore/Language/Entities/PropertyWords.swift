/// The generic word of a building's name ("Residence", "Heights", "Towers") as tenants write it
/// in another language or script: a host lists "Sursock Residence" with the alias "سكن سرسق",
/// a tenant writes "سرسق ريزيدنس" (the English word transliterated). The gazetteer reads the
/// words of one class as one word (`GazetteerIndex`), so the name matches in either; only the
/// same meaning is grouped, never one type of building for another.
enum PropertyWords {
    /// Each class lists words of one meaning, folded as `Fold` folds them (case and Latin
    /// accents: "Résidence" is "residence"); Arabic spellings with and without hamza.
    static let classes: [[String]] = [
        ["residence", "residences", "ريزيدنس", "ريزيدانس", "رزيدنس", "ريسيدنس", "سكن"],
        ["heights", "هايتس", "هايتز"],
        ["tower", "towers", "تاور", "تاورز", "برج", "ابراج", "أبراج"],
        ["garden", "gardens", "jardin", "jardins", "جاردن", "جاردنز", "غاردنز", "حديقة", "حدائق"],
        ["court", "كورت"],
        ["apartments", "appartements", "ابارتمنتس", "أبارتمنتس", "شقق"],
        ["villa", "villas", "فيلا", "فيلات", "فلل"],
        ["plaza", "بلازا"],
        ["building", "immeuble", "بناية", "عمارة", "مبنى"],
        ["palace", "بالاس", "قصر"],
        ["park", "بارك"],
        ["view", "فيو"],
        ["hills", "هيلز"],
    ]

    /// Each word's hash → the hashes of its class (itself included).
    static let classOf: [UInt64: [UInt64]] = {
        var table: [UInt64: [UInt64]] = [:]
        for words in classes {
            let hashes = words.map { Fold.hash($0) }
            for hash in hashes { table[hash] = hashes }
        }
        return table
    }()
}
