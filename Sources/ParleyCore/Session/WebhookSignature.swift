import COpenSSL

/// Verifies Meta's `X-Hub-Signature-256` header: "sha256=" + hex HMAC-SHA256 of the raw body
/// keyed with the app secret. HMAC and the constant-time compare come from libcrypto.
public enum WebhookSignature {
    public static func verify(body: UnsafeRawBufferPointer, header: String?, appSecret: String) throws(ParleyError) {
        guard let header else {
            throw ParleyError(.badSignature, "the webhook has no X-Hub-Signature-256 header")
        }
        let trimmed = header.trimmingWhitespace()
        guard trimmed.lowercased().hasPrefix("sha256="), let expected = hexBytes(trimmed.dropFirst(7)), expected.count == 32 else {
            throw ParleyError(.badSignature, "X-Hub-Signature-256 must be \"sha256=\" followed by 64 hex digits")
        }
        let actual = hmacSHA256(key: appSecret, data: body)
        let equal = expected.withUnsafeBytes { e in actual.withUnsafeBytes { a in CRYPTO_memcmp(e.baseAddress, a.baseAddress, 32) == 0 } }
        guard equal else {
            throw ParleyError(.badSignature, "X-Hub-Signature-256 does not match the body (wrong app secret, or the body was altered)")
        }
    }

    public static func hmacSHA256(key: String, data: UnsafeRawBufferPointer) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let keyBytes = Array(key.utf8)
        keyBytes.withUnsafeBytes { k in
            _ = HMAC(EVP_sha256(), k.baseAddress, Int32(k.count), data.baseAddress?.assumingMemoryBound(to: UInt8.self),
                     data.count, &digest, &length)
        }
        return digest
    }

    private static func hexBytes(_ hex: Substring) -> [UInt8]? {
        guard hex.utf8.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hex.utf8.count / 2)
        var high: UInt8?
        for c in hex.utf8 {
            let nibble: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let h = high { bytes.append(h << 4 | nibble); high = nil } else { high = nibble }
        }
        return bytes
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
