/// A person's message read from an export, before it becomes a `Message`.
struct ExportedMessage: Sendable {
    /// The line it starts on (1-based).
    var line: Int
    var layout: ExportLayout
    /// Seconds since 1970-01-01T00:00 in the export's local time.
    var localSeconds: Int
    var sender: String
    /// The words, over every line, without markers.
    var text: String
    var marker: ExportMarker?
    var edited = false
    /// The text went past the limit and was cut.
    var truncated = false
}

/// A system line: joins, the encryption notice, number and group changes.
struct ExportedEvent: Sendable {
    var line: Int
    var localSeconds: Int
    var kind: ExportSystemEvent.Kind
    var text: String
}

enum ExportItem: Sendable {
    case message(ExportedMessage)
    case system(ExportedEvent)
}

/// Turns an export's lines into messages and system events: a line that starts with a date and
/// time (under the file's date order) starts one; any other line continues the one before
/// (multi-line messages) or, before the first, is reported with its line number.
struct ExportParser {
    /// What a first pass over the file found: the layout and which date order its dates prove.
    struct Scan: Sendable {
        var layout: ExportLayout?
        var evidence: ExportDateOrder?
        var headerLines = 0
    }

    private(set) var stream: ExportTextStream
    let order: ExportDateOrder
    let maxTextBytes: Int
    private var message: ExportedMessage?
    private var messageBytes = 0
    private var event: ExportedEvent?
    private(set) var layoutCounts: [ExportLayout: Int] = [:]
    /// Lines before the first message or event, in no known format: the first 20.
    private(set) var unparsed: [(line: Int, text: String)] = []
    private(set) var unparsedCount = 0
    static let unparsedKept = 20

    init(stream: ExportTextStream, order: ExportDateOrder, maxTextBytes: Int) {
        self.stream = stream
        self.order = order
        self.maxTextBytes = maxTextBytes
    }

    /// Reads the lines until a value over 12 settles the date order (or to the end, when none
    /// does: then the whole file was ambiguous); the layout is the first prefix's. A line that
    /// contradicts the order found later is no valid date under it and reads as a continuation.
    static func scan(_ stream: inout ExportTextStream) -> Scan {
        var scan = Scan()
        while let line = stream.next() {
            guard let header = line.withUnsafeBufferPointer({ ExportHeader.parse($0) }) else { continue }
            scan.headerLines += 1
            if scan.layout == nil { scan.layout = header.layout }
            if let evidence = header.orderEvidence {
                scan.evidence = evidence
                break
            }
        }
        return scan
    }

    /// The next message or system event, nil at the end.
    mutating func next() -> ExportItem? {
        while let raw = stream.next() {
            let number = stream.lineNumber
            let order = self.order
            let started: ExportItem?? = raw.withUnsafeBufferPointer { buffer -> ExportItem?? in
                guard let header = ExportHeader.parse(buffer), let local = header.localSeconds(order) else { return .none }
                layoutCounts[header.layout, default: 0] += 1
                let finished = takePending()
                start(ExportBody.parse(buffer, from: header.bodyStart), header.layout, local, line: number)
                return .some(finished)
            }
            if let started {
                if let finished = started { return finished }
                continue
            }
            let text = raw.withUnsafeBufferPointer { ExportMarks.stripped($0, 0..<$0.count) }
            if message != nil {
                appendToMessage(text)
            } else if event != nil {
                if event!.text.utf8.count < 4096 { event!.text += "\n" + text }
            } else {
                unparsedCount += 1
                if unparsed.count < Self.unparsedKept { unparsed.append((number, String(text.prefix(200)))) }
            }
        }
        return takePending()
    }

    /// The layout most lines were in.
    var layout: ExportLayout? {
        layoutCounts.max { $0.value < $1.value || ($0.value == $1.value && $0.key == .ios) }?.key
    }

    private mutating func start(_ body: ExportBody, _ layout: ExportLayout, _ local: Int, line: Int) {
        switch body.content {
        case .system(let kind, let text):
            event = ExportedEvent(line: line, localSeconds: local, kind: kind, text: text)
        case .message(let sender, let text):
            var started = ExportedMessage(line: line, layout: layout, localSeconds: local, sender: sender, text: "")
            started.marker = ExportMarker.classify(text)
            messageBytes = 0
            message = started
            switch started.marker {
            case .attached(_, let words)?: appendToMessage(words, first: true)
            case .omitted?, .deleted?: break
            case nil: appendToMessage(text, first: true)
            }
        }
    }

    private mutating func appendToMessage(_ text: String, first: Bool = false) {
        guard var current = message else { return }
        let added = text.utf8.count + (first || current.text.isEmpty ? 0 : 1)
        if messageBytes + added > maxTextBytes {
            current.truncated = true
        } else if first || current.text.isEmpty {
            // An attachment's caption starts on the line after it.
            if !(first && text.isEmpty) { current.text = text }
            messageBytes += added
        } else {
            current.text += "\n" + text
            messageBytes += added
        }
        message = current
    }

    private mutating func takePending() -> ExportItem? {
        if let finished = event {
            event = nil
            return .system(finished)
        }
        guard var finished = message else { return nil }
        message = nil
        if ExportMarker.removeEdited(&finished.text) { finished.edited = true }
        // Trailing empty lines are not part of the words.
        while finished.text.hasSuffix("\n") { finished.text.removeLast() }
        return .message(finished)
    }
}
