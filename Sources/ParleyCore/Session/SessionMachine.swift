/// The WhatsApp client's connection as Parley sees it, fed by the host's client events
/// (whatsapp-web.js or Baileys) and answering each with advice.
///
/// Event names and codes checked against the libraries' sources:
/// - whatsapp-web.js `src/util/Constants.js` (`Events`): `qr`, `authenticated`, `auth_failure`,
///   `ready`, `loading_screen`, `disconnected`, `change_state`; `WAState`: CONFLICT, CONNECTED,
///   DEPRECATED_VERSION, OPENING, PAIRING, PROXYBLOCK, SMB_TOS_BLOCK, TIMEOUT, TOS_BLOCK,
///   UNLAUNCHED, UNPAIRED, UNPAIRED_IDLE. `Client.js` emits `disconnected` with "LOGOUT",
///   "NAVIGATION", "Max qrcode retries reached", or any WAState outside CONNECTED, OPENING,
///   PAIRING and TIMEOUT.
/// - Baileys `src/Types/index.ts` (`DisconnectReason`): connectionClosed 428, connectionLost
///   and timedOut 408, connectionReplaced 440, loggedOut 401, badSession 500, restartRequired
///   515, multideviceMismatch 411, forbidden 403, unavailableService 503 (newer releases add
///   sessionInvalidated 516); `connection.update` carries `connection`: "connecting" | "open" |
///   "close", `qr`, `isNewLogin`, and `lastDisconnect.error.output.statusCode`.
public enum SessionState: String, Sendable, CaseIterable {
    case initializing, qr, authenticated, ready, disconnected, reconnecting, failed
    case loggedOut = "logged_out"

    /// The states each state may move to (itself always allowed: a repeated event).
    static let legal: [SessionState: Set<SessionState>] = [
        .initializing: [.qr, .authenticated, .ready, .disconnected, .failed, .loggedOut],
        .qr: [.initializing, .authenticated, .ready, .disconnected, .failed, .loggedOut],
        .authenticated: [.ready, .disconnected, .reconnecting, .failed, .loggedOut],
        // A page reload of whatsapp-web.js authenticates again while ready.
        .ready: [.authenticated, .disconnected, .reconnecting, .failed, .loggedOut],
        .disconnected: [.initializing, .reconnecting, .qr, .authenticated, .ready, .failed, .loggedOut],
        .reconnecting: [.initializing, .qr, .authenticated, .ready, .disconnected, .failed, .loggedOut],
        .failed: [.initializing, .reconnecting, .qr, .loggedOut],
        .loggedOut: [.initializing, .qr, .failed],
    ]

    func canMove(to next: SessionState) -> Bool {
        next == self || Self.legal[self]?.contains(next) == true
    }
}

/// What the host should do now.
public struct SessionAdvice: Sendable, Equatable {
    public enum Action: String, Sendable {
        case none, wait, reconnect, repair, stop
    }
    public var action: Action
    public var delayMs: Int64?
    public var reason: String

    var json: JSONValue {
        var object = JSONObject()
        object.append("action", .string(action.rawValue))
        if let delayMs { object.append("delayMs", .int(delayMs)) }
        object.append("reason", .string(reason))
        return .object(object)
    }
}

/// One host event, normalized: the state it leads to and how to advise on it.
struct SessionSignal: Equatable {
    /// What a disconnect calls for.
    enum Remedy: Equatable {
        /// Reconnect after the backoff delay; counts as a failure.
        case backoff
        /// Reconnect at once (Baileys' restartRequired after pairing); not a failure.
        case restartNow
        /// Scan a new QR code (logged out, bad session).
        case repair
        /// Do not reconnect (another client took over; banned; outdated client).
        case stop
    }

    var event: String
    /// nil: no state change (a progress event such as loading_screen).
    var target: SessionState?
    var remedy: Remedy?
    /// Human-readable cause ("loggedOut (401)", "CONFLICT").
    var reason: String?
    var code: Int64?
    var qr: Bool = false

    /// Reads `{"event": ..., ...}` in whatsapp-web.js or Baileys shape.
    static func parse(_ object: JSONObject) throws(ParleyError) -> SessionSignal {
        let name = object["event"]?.stringValue
        if let name, name != "connection.update" {
            return try webJS(name, object)
        }
        // Baileys: the update's fields at top level, or under "update".
        var update = object
        if let nested = object["update"]?.objectValue { update = nested }
        guard update["connection"] != nil || update["qr"] != nil || update["isNewLogin"] != nil
                || update["receivedPendingNotifications"] != nil || update["isOnline"] != nil else {
            if object["event"] == nil {
                throw ParleyError(.invalidArgument, "the session event has no \"event\" (a whatsapp-web.js event name or \"connection.update\")")
            }
            throw ParleyError(.invalidArgument, "the connection.update event has none of connection, qr, isNewLogin, receivedPendingNotifications, isOnline")
        }
        return try baileys(update)
    }

    static func webJS(_ name: String, _ object: JSONObject) throws(ParleyError) -> SessionSignal {
        switch name {
        case "qr": return SessionSignal(event: name, target: .qr, qr: true)
        case "authenticated": return SessionSignal(event: name, target: .authenticated)
        case "auth_failure":
            let message = object["message"]?.stringValue ?? object["reason"]?.stringValue
            return SessionSignal(event: name, target: .failed, remedy: .repair,
                                 reason: "authentication failed (the saved session could not be restored)" + (message.map { ": \(clip($0))" } ?? ""))
        case "ready": return SessionSignal(event: name, target: .ready)
        case "loading_screen": return SessionSignal(event: name, target: nil)
        case "start", "initializing": return SessionSignal(event: name, target: .initializing)
        case "reconnecting": return SessionSignal(event: name, target: .reconnecting)
        case "disconnected":
            let reason = object["reason"]?.stringValue ?? object["state"]?.stringValue ?? ""
            return webJSDisconnect(reason, event: name)
        case "change_state":
            guard let state = object["state"]?.stringValue ?? object["reason"]?.stringValue else {
                throw ParleyError(.invalidArgument, "a change_state event needs \"state\" (a WAState such as CONNECTED or CONFLICT)")
            }
            switch state {
            case "CONNECTED": return SessionSignal(event: name, target: nil, reason: state)
            case "OPENING", "PAIRING": return SessionSignal(event: name, target: nil, reason: state)
            case "TIMEOUT": return SessionSignal(event: name, target: nil, reason: state)
            default: return webJSDisconnect(state, event: name)
            }
        default:
            throw ParleyError(.unsupported, "unknown session event \"\(clip(name))\" (qr, authenticated, auth_failure, ready, loading_screen, disconnected, change_state, connection.update, start, reconnecting)")
        }
    }

    /// whatsapp-web.js: "LOGOUT", "NAVIGATION", a WAState outside the accepted ones, "Max qrcode retries reached".
    static func webJSDisconnect(_ reason: String, event: String) -> SessionSignal {
        switch reason {
        case "LOGOUT", "UNPAIRED", "UNPAIRED_IDLE":
            return SessionSignal(event: event, target: .loggedOut, remedy: .repair, reason: reason)
        case "CONFLICT":
            return SessionSignal(event: event, target: .disconnected, remedy: .stop, reason: reason)
        case "TOS_BLOCK", "SMB_TOS_BLOCK", "PROXYBLOCK", "DEPRECATED_VERSION":
            return SessionSignal(event: event, target: .failed, remedy: .stop, reason: reason)
        case "Max qrcode retries reached":
            return SessionSignal(event: event, target: .failed, remedy: .repair, reason: reason)
        default:
            // NAVIGATION, UNLAUNCHED, anything else: a dropped connection.
            return SessionSignal(event: event, target: .disconnected, remedy: .backoff, reason: reason.isEmpty ? "unknown" : clip(reason))
        }
    }

    static let baileysReasons: [Int64: (name: String, target: SessionState, remedy: Remedy)] = [
        401: ("loggedOut", .loggedOut, .repair),
        403: ("forbidden", .failed, .stop),
        408: ("connectionLost", .disconnected, .backoff),
        411: ("multideviceMismatch", .failed, .repair),
        428: ("connectionClosed", .disconnected, .backoff),
        440: ("connectionReplaced", .disconnected, .stop),
        500: ("badSession", .failed, .repair),
        503: ("unavailableService", .disconnected, .backoff),
        515: ("restartRequired", .disconnected, .restartNow),
        516: ("sessionInvalidated", .loggedOut, .repair),
    ]

    static func baileys(_ update: JSONObject) throws(ParleyError) -> SessionSignal {
        let event = "connection.update"
        if let connection = update["connection"]?.stringValue {
            switch connection {
            case "connecting": return SessionSignal(event: event, target: nil, reason: "connecting")
            case "open": return SessionSignal(event: event, target: .ready)
            case "close":
                let whole = JSONValue.object(update)
                let code = whole[path: "lastDisconnect", "error", "output", "statusCode"]?.int64Value
                    ?? whole[path: "lastDisconnect", "error", "output", "payload", "statusCode"]?.int64Value
                    ?? update["statusCode"]?.int64Value
                guard let code else {
                    return SessionSignal(event: event, target: .disconnected, remedy: .backoff, reason: "closed without a status code")
                }
                guard let known = baileysReasons[code] else {
                    return SessionSignal(event: event, target: .disconnected, remedy: .backoff, reason: "status \(code)", code: code)
                }
                return SessionSignal(event: event, target: known.target, remedy: known.remedy, reason: "\(known.name) (\(code))", code: code)
            default:
                throw ParleyError(.invalidArgument, "connection must be \"connecting\", \"open\" or \"close\", got \"\(clip(connection))\"")
            }
        }
        if update["qr"]?.stringValue != nil { return SessionSignal(event: event, target: .qr, qr: true) }
        if update["isNewLogin"]?.boolValue == true { return SessionSignal(event: event, target: .authenticated) }
        return SessionSignal(event: event, target: nil)
    }

    static func clip(_ s: String) -> String {
        s.utf8.count <= 80 ? s : String(decoding: s.utf8.prefix(80), as: UTF8.self) + "…"
    }
}

/// A small deterministic generator for the backoff's jitter (SplitMix64).
struct JitterSource {
    var state: UInt64
    mutating func next() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 53)
    }
}

extension SessionSettings.Backoff {
    /// The delay before reconnect attempt number `failures` (1-based), jittered by `unit` in [0, 1).
    func delay(failures: Int, unit: Double) -> Int64 {
        let exponent = Double(max(0, failures - 1))
        var base = Double(initialMs)
        var step = 0.0
        while step < exponent && base < Double(maxMs) {
            base *= multiplier
            step += 1
        }
        base = min(base, Double(maxMs))
        let factor = 1 + jitter * (2 * unit - 1)
        return Int64((base * factor).rounded())
    }
}
