/// What follows a line's date and time: a person's message ("Name: text") or a system event
/// (joins, the encryption notice, number and group changes), and inside a message the markers
/// WhatsApp writes instead of content: omitted media, attached files, edited and deleted.
/// English phrases, with the French, Spanish, Portuguese and German forms of the markers.
struct ExportBody: Equatable, Sendable {
    enum Content: Equatable, Sendable {
        case message(sender: String, text: String)
        case system(ExportSystemEvent.Kind, text: String)
    }

    var content: Content

    /// Classifies the body at `line[start...]` (valid UTF-8).
    static func parse(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> ExportBody {
        let n = line.count
        // "Name: text": the first ": " (or a ':' ending the line, the text on the next lines).
        var colon = -1
        var i = start
        while i < n {
            if line[i] == 0x3A && (i + 1 == n || line[i + 1] == 0x20) { colon = i; break }
            i += 1
        }
        let whole = ExportMarks.stripped(line, start..<n)
        guard colon > start else {
            return ExportBody(content: .system(ExportSystemEvent.kind(of: whole), text: whole))
        }
        let name = ExportMarks.stripped(line, start..<colon).trimmingSpaces
        let restStart = min(colon + 2, n)
        // iOS marks a system notice (and media placeholders) with U+200E after "Group: ".
        let marked = restStart + 2 < n && line[restStart] == 0xE2 && line[restStart + 1] == 0x80 && line[restStart + 2] == 0x8E
        if name.isEmpty || ExportSystemEvent.looksLikeSentence(name) {
            return ExportBody(content: .system(ExportSystemEvent.kind(of: whole), text: whole))
        }
        let rest = ExportMarks.stripped(line, restStart..<n)
        if marked, ExportMarker.classify(rest) == nil, !ExportMarker.isEditedOnly(rest) {
            return ExportBody(content: .system(ExportSystemEvent.kind(of: rest), text: rest))
        }
        return ExportBody(content: .message(sender: name, text: rest))
    }
}

/// A system line: no person said it.
enum ExportSystemEvent {
    enum Kind: String, Sendable, CaseIterable {
        case encryption, created, joined, added, removed, left, numberChange, subject, icon, description,
             settings, securityCode, call, pinned, disappearing, other
    }

    /// (phrase, kind), matched lowercased; the first phrase found decides.
    static let phrases: [(String, Kind)] = [
        ("end-to-end encrypted", .encryption), ("chiffrés de bout en bout", .encryption), ("cifrados de extremo a extremo", .encryption),
        ("changed their phone number", .numberChange), ("changed to +", .numberChange), ("changed the phone number", .numberChange),
        ("a changé de numéro", .numberChange),
        ("created group", .created), ("created this group", .created), ("a créé le groupe", .created), ("creó el grupo", .created),
        ("joined using this group's invite link", .joined), ("joined using", .joined), (" joined", .joined), ("a rejoint", .joined),
        ("se unió", .joined),
        ("changed the subject", .subject), ("changed the group name", .subject), ("changed this group's name", .subject),
        ("a modifié le nom", .subject), ("cambió el asunto", .subject),
        ("group's icon", .icon), ("group icon", .icon), ("l'icône du groupe", .icon),
        ("group description", .description), ("la description du groupe", .description),
        ("changed this group's settings", .settings), ("changed the settings", .settings), ("changed the group settings", .settings),
        ("security code", .securityCode), ("code de sécurité", .securityCode),
        ("missed voice call", .call), ("missed video call", .call), ("voice call", .call), ("video call", .call),
        ("appel vocal manqué", .call),
        ("pinned a message", .pinned), ("disappearing messages", .disappearing), ("messages éphémères", .disappearing),
        (" added ", .added), ("were added", .added), ("a ajouté", .added), ("añadió", .added),
        (" removed ", .removed), ("were removed", .removed), ("a retiré", .removed), ("eliminó a", .removed),
        (" left", .left), ("est parti", .left), ("salió", .left),
    ]

    /// The phrases as bytes, searched with memmem: a name is checked on every message, and
    /// `String.contains` (string processing) cost a third of an import's time.
    static let phraseBytes: [(bytes: [UInt8], kind: Kind, isLeft: Bool)] = phrases.map { (Array($0.0.utf8), $0.1, $0.0 == " left") }

    static func kind(of text: String) -> Kind {
        let lower = ExportText.lowerASCII(text)
        for phrase in phraseBytes where ExportText.contains(lower, phrase.bytes) {
            // " left" only at the end ("Alice left"), not inside a sentence.
            if phrase.isLeft && !lower.ends(with: phrase.bytes) { continue }
            return phrase.kind
        }
        return .other
    }

    /// A "name" before ": " that is really the start of a system sentence
    /// (`Alice changed the subject from "Rent: March"`): quotes, a known phrase, or too long.
    static func looksLikeSentence(_ name: String) -> Bool {
        if name.utf8.count > 240 || name.unicodeScalars.count > 60 { return true }
        for scalar in name.unicodeScalars where scalar == "\"" || scalar == "\u{201C}" || scalar == "\u{201D}" { return true }
        let lower = ExportText.lowerASCII(name)
        for phrase in phraseBytes where !phrase.isLeft && ExportText.contains(lower, phrase.bytes) { return true }
        return false
    }
}

/// The placeholders a message's text may be instead of (or beside) its content.
enum ExportMarker: Equatable, Sendable {
    /// `<Media omitted>` (Android, no kind known) or iOS "image omitted" (kind known).
    case omitted(Message.Kind?)
    /// `IMG-20250312-WA0001.jpg (file attached)` or `<attached: 00000012-PHOTO-….jpg>`;
    /// `text`: what else the line said (an iOS document's title).
    case attached(fileName: String, text: String)
    /// "This message was deleted", "You deleted this message".
    case deleted

    static let attachedOpen = Array("<attached: ".utf8)
    static let editedSuffixes = ["<This message was edited>", "<Ce message a été modifié>", "<Se editó este mensaje.>",
                                 "<Se editó este mensaje>", "<Essa mensagem foi editada>", "<Diese Nachricht wurde bearbeitet>"]
    static let omittedMedia = ["<media omitted>", "<médias omis>", "<multimedia omitido>", "<mídia oculta>", "<medien ausgeschlossen>",
                               "<fichier omis>", "media omitted"]
    static let attachedSuffixes = [" (file attached)", " (fichier joint)", " (archivo adjunto)", " (arquivo anexado)", " (datei angehängt)"]
    static let deletedTexts = ["this message was deleted", "you deleted this message", "ce message a été supprimé",
                               "vous avez supprimé ce message", "se eliminó este mensaje", "eliminaste este mensaje",
                               "mensagem apagada", "você apagou esta mensagem", "diese nachricht wurde gelöscht",
                               "du hast diese nachricht gelöscht"]
    static let omittedKinds: [(String, Message.Kind)] = [
        ("image omitted", .image), ("video omitted", .video), ("audio omitted", .audio), ("sticker omitted", .sticker),
        ("gif omitted", .video), ("document omitted", .document), ("contact card omitted", .contacts),
        ("image absente", .image), ("vidéo absente", .video), ("audio omis", .audio),
    ]

    /// Strips a trailing "<This message was edited>"; true when there was one.
    static func removeEdited(_ text: inout String) -> Bool {
        for suffix in editedSuffixes where text.hasSuffix(suffix) {
            text.removeLast(suffix.count)
            text = text.trimmingSpaces
            return true
        }
        return false
    }

    static func isEditedOnly(_ text: String) -> Bool {
        var copy = text
        return removeEdited(&copy)
    }

    /// The marker a message's first line is, if any.
    static func classify(_ raw: String) -> ExportMarker? {
        let text = raw.trimmingSpaces
        guard !text.isEmpty, text.utf8.count < 512 else { return nil }
        let lower = text.lowercased()
        var bare = lower
        while bare.hasSuffix(".") { bare.removeLast() }
        if deletedTexts.contains(bare) { return .deleted }
        if omittedMedia.contains(lower) { return .omitted(nil) }
        for (phrase, kind) in omittedKinds where lower == phrase { return .omitted(kind) }
        let bytes = Array(text.utf8)
        if let open = ExportText.find(bytes, attachedOpen), let close = bytes[(open + attachedOpen.count)...].firstIndex(of: 0x3E) {
            let name = String(decoding: bytes[(open + attachedOpen.count)..<close], as: UTF8.self).trimmingSpaces
            var before = String(decoding: bytes[..<open], as: UTF8.self).trimmingSpaces
            while before.hasSuffix("•") || before.hasSuffix("-") { before.removeLast(); before = before.trimmingSpaces }
            if isFileName(name) { return .attached(fileName: name, text: before) }
        }
        for suffix in attachedSuffixes where lower.hasSuffix(suffix) {
            let name = String(text.prefix(max(0, text.count - suffix.count))).trimmingSpaces
            if isFileName(name) { return .attached(fileName: name, text: "") }
        }
        return nil
    }

    /// A plain file name: no directory, not empty, no control characters.
    static func isFileName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 255, name != ".", name != ".." else { return false }
        for scalar in name.unicodeScalars where scalar == "/" || scalar == "\\" || scalar.value < 0x20 { return false }
        return true
    }

    /// The message type of an attached file, from WhatsApp's naming (IMG-, PTT-, VID-, STK-,
    /// AUD-, DOC-; iOS 00000012-PHOTO-…) and the extension; the bytes may refine it later.
    static func kind(ofFile name: String) -> Message.Kind {
        let upper = name.uppercased()
        let ext = upper.split(separator: ".").last.map(String.init) ?? ""
        if upper.hasPrefix("STK-") || upper.contains("-STICKER-") { return .sticker }
        if upper.hasPrefix("PTT-") || ext == "OPUS" { return .voice }
        if upper.hasPrefix("IMG-") || upper.contains("-PHOTO-") || ["JPG", "JPEG", "PNG", "GIF", "WEBP", "HEIC", "TIF", "TIFF", "BMP"].contains(ext) {
            return .image
        }
        if upper.hasPrefix("VID-") || upper.contains("-VIDEO-") || upper.contains("-GIF-") || ["MP4", "3GP", "MOV", "MKV", "WEBM"].contains(ext) {
            return .video
        }
        if upper.hasPrefix("AUD-") || upper.contains("-AUDIO-") || ["M4A", "MP3", "OGG", "AAC", "AMR", "WAV"].contains(ext) {
            return .audio
        }
        if ext == "VCF" { return .contacts }
        return .document
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and no-break spaces.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\u{A0}" || s == "\u{202F}" || s == "\r" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }
}

/// Byte-level text helpers of the import's hot path (no string-processing searches).
enum ExportText {
    /// UTF-8 bytes with ASCII letters lowercased (the phrases' other letters are matched as written).
    static func lowerASCII(_ text: String) -> [UInt8] {
        var bytes = Array(text.utf8)
        for i in bytes.indices where bytes[i] >= 0x41 && bytes[i] <= 0x5A { bytes[i] |= 0x20 }
        return bytes
    }

    /// The offset of `needle` in `haystack`, nil when absent.
    static func find(_ haystack: [UInt8], _ needle: [UInt8]) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                let first = n[0]
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    if h[i] == first {
                        var j = 1
                        while j < n.count && h[i + j] == n[j] { j += 1 }
                        if j == n.count { return i }
                    }
                    i += 1
                }
                return nil
            }
        }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool { find(haystack, needle) != nil }
}

extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool { count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix) }
}
