/// Masks phone numbers and email addresses in text Parley writes about itself: error messages
/// (every `ParleyError`, so `parley_last_error()`, the CLI and error entries in JSON) and log
/// lines. Tenants' numbers are personal data; a log shipped to a support desk must not carry
/// them. Lexical on purpose (no libphonenumber call): it runs on every error, and it must also
/// catch numbers that are not valid for any region (test numbers, typos).
///
/// - `+250 788 123 456` → `+250*******56`: a run of digits and phone punctuation with a leading
///   "+" and 7+ digits, or 8+ digits without one, keeps its first three digits (when it has 10+)
///   and its last two. Runs touching letters (hashes, ids) are left alone, and so are bare
///   10- and 13-digit runs starting with "1" (Unix times in seconds and milliseconds; a phone
///   number of that shape carries a "+" or an "@"). Plain runs of more than 15 digits (longer
///   than any E.164 number) and plain numbers in a message stating a range ("between 1 and
///   315360000, got 315360001") are left too: a host must be able to read its limits.
/// - `jane.doe@example.com` → `j***@example.com`; `250788123456@c.us` → `250*******56@c.us`.
public enum LogMask {
    public static func mask(_ text: String) -> String {
        var utf8 = Array(text.utf8)
        guard needsMasking(utf8) else { return text }
        maskEmails(&utf8)
        maskDigitRuns(&utf8)
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Cheap pre-check: fewer than seven digits and no "@" hold nothing to mask.
    private static func needsMasking(_ bytes: [UInt8]) -> Bool {
        var digits = 0
        for b in bytes {
            if b == UInt8(ascii: "@") { return true }
            if isDigit(b) { digits += 1; if digits >= 7 { return true } }
        }
        return false
    }

    /// The local part of every `local@domain` keeps its first character; a local part of
    /// digits only (a WhatsApp JID) is left to the digit-run rule, which keeps more shape.
    private static func maskEmails(_ bytes: inout [UInt8]) {
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "@") else { i += 1; continue }
            var start = i
            while start > 0, isLocalPart(bytes[start - 1]) { start -= 1 }
            let local = start..<i
            let hasDomain = i + 1 < bytes.count && isAlphanumeric(bytes[i + 1])
            if !local.isEmpty, hasDomain, !bytes[local].allSatisfy(isDigitOrPlus) {
                let replacement = [bytes[start]] + Array("***".utf8)
                bytes.replaceSubrange(local, with: replacement)
                i = start + replacement.count + 1
            } else {
                i += 1
            }
        }
    }

    private static func maskDigitRuns(_ bytes: inout [UInt8]) {
        // "… must be between 1 and 315360000, got 315360001": a range Parley states and the
        // value it was given are quantities, which the host needs to read.
        let statesRange = bytes.firstRange(of: Array("between ".utf8)) != nil && bytes.firstRange(of: Array(" and ".utf8)) != nil
        var i = 0
        while i < bytes.count {
            let startsRun = isDigit(bytes[i]) || (bytes[i] == UInt8(ascii: "+") && i + 1 < bytes.count && isDigit(bytes[i + 1]))
            guard startsRun, i == 0 || !isAlphanumeric(bytes[i - 1]) else { i += 1; continue }
            // The run: digits, and phone punctuation between digits.
            var end = i + 1
            var lastDigit = isDigit(bytes[i]) ? i : -1
            while end < bytes.count {
                let b = bytes[end]
                if isDigit(b) { lastDigit = end; end += 1; continue }
                // "(" only opens an area code closed by ")": "600000 (10 minutes)" is two numbers.
                if b == UInt8(ascii: "("), !closesDigitGroup(bytes, after: end) { break }
                if isSeparator(b), end + 1 < bytes.count, isDigit(bytes[end + 1]) || bytes[end + 1] == UInt8(ascii: "(") || isSeparator(bytes[end + 1]) {
                    end += 1; continue
                }
                break
            }
            end = lastDigit + 1
            guard end > i else { i += 1; continue }
            let touchesLetter = end < bytes.count && isLetter(bytes[end])
            let digitPositions = (i..<end).filter { isDigit(bytes[$0]) }
            let plus = bytes[i] == UInt8(ascii: "+")
            let jid = end < bytes.count && bytes[end] == UInt8(ascii: "@")
            let plain = digitPositions.count == end - i
            let looksLikeTime = plain && !jid && bytes[i] == UInt8(ascii: "1") && (digitPositions.count == 10 || digitPositions.count == 13)
            // E.164 numbers have at most 15 digits: a longer plain run is some other number.
            let isPhone = plus || jid ? digitPositions.count >= 7
                : digitPositions.count >= 8 && !looksLikeTime && !isDate(bytes[i..<end])
                    && !(plain && (statesRange || digitPositions.count > 15 || isQuantity(bytes, i, end)))
            if isPhone, !touchesLetter {
                let kept = digitPositions.count >= 10 ? 3 : 0
                for (n, position) in digitPositions.enumerated() where n >= kept && n < digitPositions.count - 2 {
                    bytes[position] = UInt8(ascii: "*")
                }
                // Separators go too: "+250 788 123 456" and "+250788123456" mask alike.
                var compacted: [UInt8] = []
                compacted.reserveCapacity(end - i)
                for position in i..<end where isDigit(bytes[position]) || bytes[position] == UInt8(ascii: "*") || bytes[position] == UInt8(ascii: "+") {
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
    private static func isQuantity(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        var after = end
        while after < bytes.count, bytes[after] == UInt8(ascii: " ") { after += 1 }
        var wordEnd = after
        while wordEnd < bytes.count, isLetter(bytes[wordEnd]) { wordEnd += 1 }
        let wordEnds = wordEnd == bytes.count || bytes[wordEnd] != UInt8(ascii: "'")
        if wordEnd > after, wordEnds, unitWords.contains(Array(bytes[after..<wordEnd]).map { $0 | 0x20 }) { return true }
        if after + 1 < bytes.count, after > end, bytes[after] == UInt8(ascii: "("), isLetter(bytes[after + 1]) { return true }
        // Backwards: "maxBytes (N)" or "limit of N" / "limit is N".
        var before = start
        if before > 0, bytes[before - 1] == UInt8(ascii: "("), end < bytes.count, bytes[end] == UInt8(ascii: ")") {
            before -= 1
            while before > 0, bytes[before - 1] == UInt8(ascii: " ") { before -= 1 }
            var wordStart = before
            while wordStart > 0, isAlphanumeric(bytes[wordStart - 1]) || bytes[wordStart - 1] == UInt8(ascii: ".") { wordStart -= 1 }
            let key = bytes[wordStart..<before]
            return key.contains(UInt8(ascii: ".")) || key.dropFirst().contains { $0 >= 0x41 && $0 <= 0x5A }
        }
        for phrase in limitPhrases where before >= phrase.count && Array(bytes[(before - phrase.count)..<before]).map({ $0 | 0x20 }) == phrase {
            return true
        }
        return false
    }

    private static let unitWords: Set<[UInt8]> = Set(["bytes", "kb", "mb", "gb", "pixels", "px", "ms", "milliseconds",
                                                      "seconds", "rows", "pages", "characters", "chars", "samples",
                                                      "frames", "hz", "messages", "items", "entries", "lines", "cells"].map { Array($0.utf8) })
    private static let limitPhrases: [[UInt8]] = ["limit of ", "limit is ", "limit: "].map { Array($0.utf8) }

    /// Digits right after `open` (a "(") and then ")".
    private static func closesDigitGroup(_ bytes: [UInt8], after open: Int) -> Bool {
        var j = open + 1
        while j < bytes.count, isDigit(bytes[j]) { j += 1 }
        return j > open + 1 && j < bytes.count && bytes[j] == UInt8(ascii: ")")
    }

    /// "2026-11-25", "25.11.2026", "1-12-2026": digit groups of a date, joined by one kind of
    /// "-" or ".", are no phone number.
    private static func isDate(_ run: ArraySlice<UInt8>) -> Bool {
        var groups: [Int] = []
        var separator: UInt8?
        var count = 0
        for b in run {
            if isDigit(b) { count += 1; continue }
            guard b == UInt8(ascii: "-") || b == UInt8(ascii: "."), separator == nil || separator == b else { return false }
            separator = b
            groups.append(count)
            count = 0
        }
        groups.append(count)
        guard groups.count == 3 else { return false }
        return (groups[0] == 4 && groups[1] <= 2 && groups[2] <= 2) || (groups[0] <= 2 && groups[1] <= 2 && groups[2] == 4)
    }

    @inline(__always) private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) private static func isDigitOrPlus(_ b: UInt8) -> Bool { isDigit(b) || b == UInt8(ascii: "+") }
    @inline(__always) private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) private static func isAlphanumeric(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) }
    @inline(__always) private static func isSeparator(_ b: UInt8) -> Bool {
        b == UInt8(ascii: " ") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "(") || b == UInt8(ascii: ")")
    }
    @inline(__always) private static func isLocalPart(_ b: UInt8) -> Bool {
        isAlphanumeric(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "%")
            || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
    }
}
