/// Masks phone numbers and email addresses in text Parley writes about itself: error messages
/// (every `ParleyError`, so `parley_last_error()`, the CLI and error entries in JSON) and log
/// lines. Tenants' numbers are personal data; a log shipped to a support desk must not carry
/// them. Lexical on purpose (no libphonenumber call): it runs on every error, and it must also
/// catch numbers that are not valid for any region (test numbers, typos).
///
/// - `+250 788 123 456` → `+250*******56`: a run of digits (ASCII, Arabic-Indic, Persian or
///   full-width) and phone punctuation (also no-break and thin spaces, zero-width marks) with a leading
///   "+" and 7+ digits, or 8+ digits without one, keeps its first three digits (when it has 10+)
///   and its last two. Runs touching letters (hashes, ids) are left alone, and so are bare
///   10- and 13-digit runs starting with "1" (Unix times in seconds and milliseconds; a phone
///   number of that shape carries a "+" or an "@"). Plain runs of more than 15 digits (longer
///   than any E.164 number) and plain numbers in a message stating a range ("between 1 and
///   315360000, got 315360001") are left too: a host must be able to read its limits.
/// - `jane.doe@example.com` → `j***@example.com`; `250788123456@c.us` → `250*******56@c.us`.
public enum LogMask {
    /// Every string inside `value` masked (a log entry's fields, a dead letter's error).
    static func mask(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let s): .string(mask(s))
        case .array(let items): .array(items.map { mask($0) })
        case .object(let object):
            .object(JSONObject(object.members.map { (key: $0.key, value: mask($0.value)) }))
        default: value
        }
    }

    public static func mask(_ text: String) -> String {
        guard needsMasking(text.utf8) else { return text }
        var scalars = Array(text.unicodeScalars)
        maskEmails(&scalars)
        maskDigitRuns(&scalars)
        var masked = String.UnicodeScalarView()
        masked.append(contentsOf: scalars)
        return String(masked)
    }

    /// Cheap pre-check on the UTF-8 bytes (most lines stop here): fewer than seven digits and
    /// no "@" hold nothing to mask. Arabic-Indic (D9 A0…A9), Persian (DB B0…B9) and
    /// full-width (EF BC 90…99) digits count by their last byte.
    private static func needsMasking(_ bytes: String.UTF8View) -> Bool {
        var digits = 0
        var previous: (UInt8, UInt8) = (0, 0)
        for b in bytes {
            if b == 0x40 { return true }
            let isOtherDigit = (previous.1 == 0xD9 && b >= 0xA0 && b <= 0xA9) || (previous.1 == 0xDB && b >= 0xB0 && b <= 0xB9)
                || (previous == (0xEF, 0xBC) && b >= 0x90 && b <= 0x99)
            if (b >= 0x30 && b <= 0x39) || isOtherDigit { digits += 1; if digits >= 7 { return true } }
            previous = (previous.1, b)
        }
        return false
    }

    /// The local part of every `local@domain` keeps its first character; a local part of
    /// digits only (a WhatsApp JID) is left to the digit-run rule, which keeps more shape.
    private static func maskEmails(_ bytes: inout [Unicode.Scalar]) {
        var i = 0
        while i < bytes.count {
            guard bytes[i] == "@" else { i += 1; continue }
            var start = i
            while start > 0, isLocalPart(bytes[start - 1]) { start -= 1 }
            let local = start..<i
            let hasDomain = i + 1 < bytes.count && isAlphanumeric(bytes[i + 1])
            if !local.isEmpty, hasDomain, !bytes[local].allSatisfy(isDigitOrPlus) {
                let replacement = [bytes[start]] + Array("***".unicodeScalars)
                bytes.replaceSubrange(local, with: replacement)
                i = start + replacement.count + 1
            } else {
                i += 1
            }
        }
    }

    private static func maskDigitRuns(_ bytes: inout [Unicode.Scalar]) {
        // "… must be between 1 and 315360000, got 315360001": a range Parley states and the
        // value it was given are quantities, which the host needs to read.
        let statesRange = bytes.firstRange(of: Array("between ".unicodeScalars)) != nil && bytes.firstRange(of: Array(" and ".unicodeScalars)) != nil
        var i = 0
        while i < bytes.count {
            let startsRun = isDigit(bytes[i]) || (isPlus(bytes[i]) && i + 1 < bytes.count && isDigit(bytes[i + 1]))
            guard startsRun, i == 0 || !isAlphanumeric(bytes[i - 1]) else { i += 1; continue }
            // The run: digits, and phone punctuation between digits.
            var end = i + 1
            var lastDigit = isDigit(bytes[i]) ? i : -1
            while end < bytes.count {
                let b = bytes[end]
                if isDigit(b) { lastDigit = end; end += 1; continue }
                // "(" only opens an area code closed by ")": "600000 (10 minutes)" is two numbers.
                if b == "(", !closesDigitGroup(bytes, after: end) { break }
                if isSeparator(b), end + 1 < bytes.count, isDigit(bytes[end + 1]) || bytes[end + 1] == "(" || isSeparator(bytes[end + 1]) {
                    end += 1; continue
                }
                break
            }
            end = lastDigit + 1
            guard end > i else { i += 1; continue }
            let touchesLetter = end < bytes.count && isLetter(bytes[end])
            let digitPositions = (i..<end).filter { isDigit(bytes[$0]) }
            let plus = isPlus(bytes[i])
            let jid = end < bytes.count && bytes[end] == "@"
            let plain = digitPositions.count == end - i
            let looksLikeTime = plain && !jid && digitValue(bytes[i]) == 1 && (digitPositions.count == 10 || digitPositions.count == 13)
            // E.164 numbers have at most 15 digits: a longer plain run is some other number.
            let isPhone = plus || jid ? digitPositions.count >= 7
                : digitPositions.count >= 8 && !looksLikeTime && !isDate(bytes[i..<end])
                    && !(plain && (statesRange || digitPositions.count > 15 || isQuantity(bytes, i, end)))
            if isPhone, !touchesLetter {
                let kept = digitPositions.count >= 10 ? 3 : 0
                for (n, position) in digitPositions.enumerated() where n >= kept && n < digitPositions.count - 2 {
                    bytes[position] = "*"
                }
                // Separators go too: "+250 788 123 456" and "+250788123456" mask alike.
                var compacted: [Unicode.Scalar] = []
                compacted.reserveCapacity(end - i)
                for position in i..<end where isDigit(bytes[position]) || bytes[position] == "*" || isPlus(bytes[position]) {
                    compacted.append(bytes[position])
                }
                bytes.replaceSubrange(i..<end, with: compacted)
                i += compacted.count
            } else {
                i = end
            }
        }
    }

    /// A plain number Parley states about itself: a size with its unit ("60000000 bytes",
    /// "52428800 pixels"), a limit naming its setting ("the limit of 60000000 (ocr.maxPixels)",
    /// "media.maxBytes (52428800)", "the limit is 104857600").
    private static func isQuantity(_ bytes: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
        var after = end
        while after < bytes.count, bytes[after] == " " { after += 1 }
        var wordEnd = after
        while wordEnd < bytes.count, isLetter(bytes[wordEnd]) { wordEnd += 1 }
        let wordEnds = wordEnd == bytes.count || bytes[wordEnd] != "'"
        if wordEnd > after, wordEnds, unitWords.contains(bytes[after..<wordEnd].map(lowercased)) { return true }
        if after + 1 < bytes.count, after > end, bytes[after] == "(", isLetter(bytes[after + 1]) { return true }
        // Backwards: "maxBytes (N)" or "limit of N" / "limit is N".
        var before = start
        if before > 0, bytes[before - 1] == "(", end < bytes.count, bytes[end] == ")" {
            before -= 1
            while before > 0, bytes[before - 1] == " " { before -= 1 }
            var wordStart = before
            while wordStart > 0, isAlphanumeric(bytes[wordStart - 1]) || bytes[wordStart - 1] == "." { wordStart -= 1 }
            let key = bytes[wordStart..<before]
            return key.contains(".") || key.dropFirst().contains { $0 >= "A" && $0 <= "Z" }
        }
        for phrase in limitPhrases where before >= phrase.count && bytes[(before - phrase.count)..<before].map(lowercased) == phrase {
            return true
        }
        return false
    }

    private static let unitWords: Set<[Unicode.Scalar]> = Set(["bytes", "kb", "mb", "gb", "pixels", "px", "ms", "milliseconds",
                                                      "seconds", "rows", "pages", "characters", "chars", "samples",
                                                      "frames", "hz", "messages", "items", "entries", "lines", "cells"].map { Array($0.unicodeScalars) })
    private static let limitPhrases: [[Unicode.Scalar]] = ["limit of ", "limit is ", "limit: "].map { Array($0.unicodeScalars) }

    /// Digits right after `open` (a "(") and then ")".
    private static func closesDigitGroup(_ bytes: [Unicode.Scalar], after open: Int) -> Bool {
        var j = open + 1
        while j < bytes.count, isDigit(bytes[j]) { j += 1 }
        return j > open + 1 && j < bytes.count && bytes[j] == ")"
    }

    /// "2026-11-25", "25.11.2026", "1-12-2026": digit groups of a date, joined by one kind of
    /// "-" or ".", are no phone number.
    private static func isDate(_ run: ArraySlice<Unicode.Scalar>) -> Bool {
        var groups: [Int] = []
        var separator: Unicode.Scalar?
        var count = 0
        for b in run {
            if isDigit(b) { count += 1; continue }
            guard b == "-" || b == ".", separator == nil || separator == b else { return false }
            separator = b
            groups.append(count)
            count = 0
        }
        groups.append(count)
        guard groups.count == 3 else { return false }
        return (groups[0] == 4 && groups[1] <= 2 && groups[2] <= 2) || (groups[0] <= 2 && groups[1] <= 2 && groups[2] == 4)
    }

    /// A decimal digit as people type phone numbers: ASCII, Arabic-Indic (U+0660…0669), Extended
    /// Arabic-Indic (Persian, U+06F0…06F9) and full-width (U+FF10…FF19); the language stage
    /// reads the same digits.
    @inline(__always) private static func digitValue(_ b: Unicode.Scalar) -> UInt32? {
        switch b.value {
        case 0x30...0x39: b.value - 0x30
        case 0x660...0x669: b.value - 0x660
        case 0x6F0...0x6F9: b.value - 0x6F0
        case 0xFF10...0xFF19: b.value - 0xFF10
        default: nil
        }
    }
    @inline(__always) private static func isDigit(_ b: Unicode.Scalar) -> Bool { digitValue(b) != nil }
    @inline(__always) private static func isPlus(_ b: Unicode.Scalar) -> Bool { b == "+" || b == "\u{FF0B}" }
    @inline(__always) private static func isDigitOrPlus(_ b: Unicode.Scalar) -> Bool { isDigit(b) || isPlus(b) }
    @inline(__always) private static func isLetter(_ b: Unicode.Scalar) -> Bool { (b >= "a" && b <= "z") || (b >= "A" && b <= "Z") }
    @inline(__always) private static func lowercased(_ b: Unicode.Scalar) -> Unicode.Scalar { b >= "A" && b <= "Z" ? Unicode.Scalar(b.value | 0x20)! : b }
    @inline(__always) private static func isAlphanumeric(_ b: Unicode.Scalar) -> Bool { isDigit(b) || isLetter(b) }
    /// Phone punctuation, also as phones and WhatsApp write it: no-break, narrow no-break,
    /// thin and other fixed-width spaces, no-break hyphens and dashes, and invisible marks
    /// (zero-width spaces and joiners, direction marks and isolates) that right-to-left text
    /// puts around and inside numbers.
    @inline(__always) private static func isSeparator(_ b: Unicode.Scalar) -> Bool {
        switch b.value {
        case 0x20, 0x2D, 0x2E, 0x28, 0x29: true                   // space - . ( )
        case 0xA0, 0x2000...0x200F, 0x202F, 0x205F, 0x3000: true  // spaces, zero-width, LRM/RLM
        case 0x2010...0x2013, 0x2212, 0xFF0D, 0xFF0E: true        // hyphens, dashes, minus, full-width - .
        case 0x061C, 0x202A...0x202E, 0x2060, 0x2066...0x2069, 0xFEFF: true  // bidi marks, word joiner, BOM
        default: false
        }
    }
    @inline(__always) private static func isLocalPart(_ b: Unicode.Scalar) -> Bool {
        isAlphanumeric(b) || b == "." || b == "_" || b == "%"
            || b == "+" || b == "-"
    }
}
