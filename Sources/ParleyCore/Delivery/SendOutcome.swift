/// What the host's send API said, in the outbox's terms, and the recipient forms it accepts.
///
/// Codes: Meta's Cloud API error codes (developers.facebook.com, "WhatsApp Business Platform:
/// Error codes"); Baileys' `rate-overlimit` (a Boom error with `data: 429`, seen in its
/// issue tracker); whatsapp-web.js `MessageAck` (-1 error, 0 pending, 1 server, 2 device,
/// 3 read, 4 played) and Baileys `WebMessageInfo.Status` (0 error, 1 pending, 2 server ack,
/// 3 delivery ack, 4 read, 5 played).
enum SendFailure: Equatable {
    /// Throughput or pair rate exceeded: throttle, offer again; not the send's own failure.
    /// `pair`: the limit was this recipient's (131056).
    case rateLimited(pair: Bool)
    /// The send can never succeed as it is (bad recipient, parameters, template, re-engagement
    /// needed): failed at once, not counted against the send API's breaker.
    case permanent
    /// Anything else (server errors, timeouts, unknown): retried with backoff, counted by the breaker.
    case transient

    /// Cloud API rate limits: 4 (app calls), 80007 (WABA), 130429 (throughput), 131048 (spam
    /// rate), 131056 (pair rate), 133016 (registration rate).
    static let rateLimitCodes: Set<Int64> = [4, 80007, 130429, 131048, 131056, 133016]
    /// Cloud API errors that retrying does not fix.
    static let permanentCodes: Set<Int64> = [
        100, 131008, 131009, 131021, 131026, 131045, 131047, 131049, 131050, 131051, 131052, 131053, 470,
    ]

    /// Reads a send error: a number, `{"code"}`, `{"error": {"code", ...}}` (Cloud),
    /// `{"error": "rate-overlimit"}` or `{"message": "rate-overlimit", "data": 429}` (Baileys),
    /// an HTTP status under "status"/"statusCode", or anything else (transient).
    static func classify(_ error: JSONValue?) -> SendFailure {
        guard let error else { return .transient }
        var codes: [Int64] = []
        var texts: [String] = []
        collect(error, depth: 0, codes: &codes, texts: &texts)
        for text in texts {
            let lower = text.lowercased()
            if lower.contains("rate-overlimit") || lower.contains("rate limit") || lower.contains("too many") { return .rateLimited(pair: lower.contains("pair")) }
        }
        if codes.contains(131056) { return .rateLimited(pair: true) }
        if codes.contains(where: { rateLimitCodes.contains($0) || $0 == 429 }) { return .rateLimited(pair: false) }
        if codes.contains(where: { permanentCodes.contains($0) || (132_000..<133_000).contains($0) }) { return .permanent }
        return .transient
    }

    private static func collect(_ value: JSONValue, depth: Int, codes: inout [Int64], texts: inout [String]) {
        guard depth < 4 else { return }
        switch value {
        case .int, .double:
            if let code = value.int64Value { codes.append(code) }
        case .string(let text):
            if let code = Int64(text) { codes.append(code) } else { texts.append(text) }
        case .object(let object):
            for key in ["code", "error_subcode", "status", "statusCode", "data"] {
                if let member = object[key], member.objectValue == nil { collect(member, depth: depth + 1, codes: &codes, texts: &texts) }
            }
            for key in ["message", "title"] { if let text = object[key]?.stringValue { texts.append(text) } }
            for key in ["error", "output", "errors"] { if let member = object[key] { collect(member, depth: depth + 1, codes: &codes, texts: &texts) } }
        case .array(let items):
            for item in items.prefix(4) { collect(item, depth: depth + 1, codes: &codes, texts: &texts) }
        case .null, .bool:
            break
        }
    }
}

/// A send's state. Delivery states only move forward: sent < delivered < read; failed is terminal.
enum OutboxState: String, CaseIterable {
    case queued, leased, sent, delivered, read, failed

    var rank: Int {
        switch self {
        case .queued, .leased: return 0
        case .sent: return 1
        case .delivered: return 2
        case .read: return 3
        case .failed: return 4
        }
    }

    var isTerminal: Bool { self == .read || self == .failed }

    /// Whether a delivery status `next` moves a send in this state forward.
    func advances(to next: OutboxState) -> Bool {
        guard !isTerminal else { return false }
        return next.rank > rank
    }
}

/// One delivery status in any of the shapes hosts get.
struct DeliveryUpdate {
    let messageID: String
    let state: OutboxState
    /// Milliseconds since the epoch, when the status says.
    let at: Int64?
    let error: JSONValue?

    /// Accepts a Cloud API status object (`{"id", "status", "timestamp", "errors"?}`, also as
    /// Parley's webhook answer lists it), `{"messageId", "status", "timestamp"?}`, a
    /// whatsapp-web.js ack (`{"id": {"_serialized"} | "...", "ack": -1...4}`) or a Baileys
    /// update (`{"key": {"id"}, "update": {"status": 0...5}}`). nil for a status that carries
    /// no progress (pending, deleted, warning).
    static func parse(_ value: JSONValue) throws(ParleyError) -> DeliveryUpdate? {
        guard case .object(let object) = value else {
            throw ParleyError(.invalidArgument, "a delivery status must be a JSON object, got \(value.typeName)")
        }
        let id = object["messageId"]?.stringValue ?? object["id"]?.stringValue ?? object["id"]?["_serialized"]?.stringValue
            ?? object["key"]?["id"]?.stringValue
        guard let id, !id.isEmpty else {
            throw ParleyError(.invalidArgument, "a delivery status needs the message's id (\"id\", \"messageId\", id._serialized or key.id)")
        }
        var state: OutboxState?
        if let name = object["status"]?.stringValue {
            switch name.lowercased() {
            case "sent", "server_ack", "serverack": state = .sent
            case "delivered", "delivery_ack", "deliveryack": state = .delivered
            case "read", "played": state = .read
            case "failed", "error", "undelivered": state = .failed
            case "pending", "deleted", "warning", "accepted", "queued": return nil
            default: throw ParleyError(.invalidArgument, "unknown delivery status \"\(name)\" (sent, delivered, read, failed)")
            }
        } else if let ack = object["ack"]?.int64Value {
            switch ack {
            case -1: state = .failed
            case 0: return nil
            case 1: state = .sent
            case 2: state = .delivered
            case 3, 4: state = .read
            default: throw ParleyError(.invalidArgument, "a whatsapp-web.js ack must be -1 to 4, got \(ack)")
            }
        } else if let status = object["update"]?["status"] ?? object["status"], let code = status.int64Value {
            switch code {
            case 0: state = .failed
            case 1: return nil
            case 2: state = .sent
            case 3: state = .delivered
            case 4, 5: state = .read
            default: throw ParleyError(.invalidArgument, "a Baileys message status must be 0 to 5, got \(code)")
            }
        }
        guard let state else {
            throw ParleyError(.invalidArgument, "a delivery status needs \"status\" (sent, delivered, read, failed), \"ack\" or update.status")
        }
        var at: Int64?
        if let stamp = object["timestamp"] ?? object["messageTimestamp"] {
            let number = stamp.int64Value ?? stamp.stringValue.flatMap { Int64($0) }
            // Cloud API and WhatsApp clients give seconds; a host may give milliseconds.
            at = number.map { $0 < 100_000_000_000 ? $0 * 1000 : $0 }
        }
        return DeliveryUpdate(messageID: id, state: state, at: at, error: object["errors"] ?? object["error"])
    }
}

/// Recipients: "250788123456@c.us", "+250 788 123 456", "250788123456:12@s.whatsapp.net" and the
/// Cloud API's wa_id "250788123456" are one recipient, its digits.
enum Recipient {
    static func normalize(_ to: String) throws(ParleyError) -> String {
        var digits = ""
        digits.reserveCapacity(20)
        var sawAt = false
        for scalar in to.unicodeScalars {
            if sawAt { continue }
            switch scalar {
            case "0"..."9": digits.unicodeScalars.append(scalar)
            case "@", ":": sawAt = true
            case "+", " ", "-", "(", ")", ".", "\u{00A0}": continue
            default:
                throw ParleyError(.invalidArgument, "the recipient \"to\" must be a phone number or a WhatsApp id (digits, then @c.us, @s.whatsapp.net, ...)")
            }
        }
        guard (5...24).contains(digits.utf8.count) else {
            throw ParleyError(.invalidArgument, "the recipient \"to\" must have 5 to 24 digits, got \(digits.utf8.count)")
        }
        return digits
    }

    /// How the journal may name the recipient's own chat and the recipient as its sender.
    static func journalForms(_ digits: String) -> [String] {
        [digits, "+" + digits, digits + "@c.us", digits + "@s.whatsapp.net"]
    }
}
