/// One labelled training or test message.
public struct IntentExample: Sendable, Equatable {
    public var text: String
    public var intent: String

    public init(text: String, intent: String) {
        self.text = text
        self.intent = intent
    }
}

/// Reads labelled examples from the two usual interchange formats.
public enum IntentData {
    /// JSONL lines {"text": ..., "intent": ...} or TSV "text<TAB>intent" with an optional header line (detected). Errors are .invalidArgument naming the 1-based line.
    ///
    /// The format is decided by the first non-blank line: `{` starts JSONL, anything else TSV.
    /// Blank lines are skipped; CRLF line ends are accepted. In TSV the intent is the text
    /// after the last tab, and a first line such as `text<TAB>intent` (or `utterance`/`label`)
    /// is a header. Text and intent are trimmed and must not be empty.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(ParleyError) -> [IntentExample] {
        let buffer = bytes.bindMemory(to: UInt8.self)
        if let offset = UTF8Validation.firstInvalidOffset(buffer) {
            var line = 1
            for i in 0..<offset where buffer[i] == 0x0A { line += 1 }
            throw ParleyError(.invalidUTF8, "line \(line): not valid UTF-8 (byte offset \(offset))")
        }
        var examples: [IntentExample] = []
        var format: Format?
        var lineNumber = 0
        var start = 0
        let count = buffer.count
        while start <= count {
            var end = start
            while end < count, buffer[end] != 0x0A { end += 1 }
            lineNumber += 1
            var lineEnd = end
            if lineEnd > start, buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let line = UnsafeBufferPointer(rebasing: buffer[start..<lineEnd])
            start = end + 1
            guard !isBlank(line) else { continue }
            if format == nil {
                format = firstNonBlank(line) == UInt8(ascii: "{") ? .jsonl : .tsv
                if format == .tsv, isHeader(line) { continue }
            }
            switch format! {
            case .jsonl: examples.append(try parseJSONLine(line, number: lineNumber))
            case .tsv: examples.append(try parseTSVLine(line, number: lineNumber))
            }
        }
        return examples
    }

    /// Convenience over `parse(_:)` for in-memory text (the embedded corpus, tests).
    public static func parse(_ text: String) throws(ParleyError) -> [IntentExample] {
        var text = text
        return try text.withUTF8 { buffer in
            Result { () throws(ParleyError) in try parse(UnsafeRawBufferPointer(buffer)) }
        }.get()
    }

    private enum Format { case jsonl, tsv }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    private static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.allSatisfy(isSpace)
    }

    private static func firstNonBlank(_ line: UnsafeBufferPointer<UInt8>) -> UInt8? {
        line.first { !isSpace($0) }
    }

    private static func trimmed(_ line: UnsafeBufferPointer<UInt8>) -> String {
        var lo = line.startIndex, hi = line.endIndex
        while lo < hi, isSpace(line[lo]) { lo += 1 }
        while hi > lo, isSpace(line[hi - 1]) { hi -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: line[lo..<hi]), as: UTF8.self)
    }

    private static let headerTexts: Set<String> = ["text", "utterance", "sentence", "message", "query", "example"]
    private static let headerIntents: Set<String> = ["intent", "label", "category", "class", "intent_name"]

    private static func isHeader(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let tab = line.lastIndex(of: 0x09) else { return false }
        let text = trimmed(UnsafeBufferPointer(rebasing: line[line.startIndex..<tab])).lowercased()
        let intent = trimmed(UnsafeBufferPointer(rebasing: line[(tab + 1)...])).lowercased()
        return headerTexts.contains(text) && headerIntents.contains(intent)
    }

    private static func parseTSVLine(_ line: UnsafeBufferPointer<UInt8>, number: Int) throws(ParleyError) -> IntentExample {
        guard let tab = line.lastIndex(of: 0x09) else {
            throw ParleyError(.invalidArgument, "line \(number): expected \"text<TAB>intent\" (no tab found)")
        }
        let text = trimmed(UnsafeBufferPointer(rebasing: line[line.startIndex..<tab]))
        let intent = trimmed(UnsafeBufferPointer(rebasing: line[(tab + 1)...]))
        return try example(text: text, intent: intent, number: number)
    }

    private static func parseJSONLine(_ line: UnsafeBufferPointer<UInt8>, number: Int) throws(ParleyError) -> IntentExample {
        let value: JSONValue
        do {
            value = try JSONParser.parse(line)
        } catch {
            throw ParleyError(.invalidArgument, "line \(number): \(error)")
        }
        guard case .object(let object) = value else {
            throw ParleyError(.invalidArgument, "line \(number): expected a JSON object, got \(value.typeName)")
        }
        guard let text = object["text"]?.stringValue else {
            throw ParleyError(.invalidArgument, "line \(number): \"text\" must be a string")
        }
        guard let intent = object["intent"]?.stringValue else {
            throw ParleyError(.invalidArgument, "line \(number): \"intent\" must be a string")
        }
        return try example(text: trimmedString(text), intent: trimmedString(intent), number: number)
    }

    private static func trimmedString(_ s: String) -> String {
        var s = s
        return s.withUTF8 { trimmed($0) }
    }

    private static func example(text: String, intent: String, number: Int) throws(ParleyError) -> IntentExample {
        if text.isEmpty { throw ParleyError(.invalidArgument, "line \(number): empty text") }
        if intent.isEmpty { throw ParleyError(.invalidArgument, "line \(number): empty intent") }
        return IntentExample(text: text, intent: intent)
    }
}
