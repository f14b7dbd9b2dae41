import FuzzSupport
import ParleyCore

/// Engine.ingestWebhook: Cloud API webhook bodies and their X-Hub-Signature-256 header.
/// The first byte picks the mode, the rest is the body:
///   0: the engine has an app secret and the harness signs the body correctly (the body
///      must get past verification and into CloudAPIWebhook);
///   1: the body starts with a header line (up to the first newline) used as the
///      signature as is — header parsing and verification of forged or mangled headers;
///   2: no app secret configured (verification off).
let secret = "fuzz-app-secret"
let signed = Fuzz.Engines(appSecret: secret)
let unsigned = Fuzz.Engines()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let mode = data[0] % 3
    var body = Fuzz.buffer(data + 1, size - 1)
    var header: String?
    switch mode {
    case 0:
        header = "sha256=" + Fuzz.hex(WebhookSignature.hmacSHA256(key: secret, data: body))
    case 1:
        let newline = body.firstIndex(of: 0x0A) ?? body.count
        header = newline == 0 ? nil : String(decoding: body[0..<newline], as: UTF8.self)
        body = newline < body.count ? UnsafeRawBufferPointer(rebasing: body[(newline + 1)...]) : UnsafeRawBufferPointer(start: nil, count: 0)
        // Straight to the verifier as well, for every header shape.
        do { try WebhookSignature.verify(body: body, header: header, appSecret: secret) } catch { Fuzz.check(error, "verify") }
    default:
        header = nil
    }
    let engine = mode == 2 ? unsigned.next() : signed.next()
    do {
        let result = try engine.ingestWebhook(body: body, signature: header)
        Fuzz.checkRoundTrip(result, "ingestWebhook")
        if mode == 1 {
            // Accepted with a header from the input: it must be the body's real signature.
            let expected = "sha256=" + Fuzz.hex(WebhookSignature.hmacSHA256(key: secret, data: body))
            let given = header?.lowercased().filter { !$0.isWhitespace } ?? ""
            if given != expected { fatalError("a webhook with a wrong signature was accepted: \(header ?? "nil")") }
        }
    } catch {
        Fuzz.check(error, "ingestWebhook")
        if mode == 0 && error.kind == .badSignature { fatalError("a correctly signed body was refused: \(error)") }
    }
    return 0
}
