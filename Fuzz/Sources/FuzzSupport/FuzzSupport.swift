import ParleyCore
#if canImport(Glibc)
import Glibc
#endif

/// Helpers shared by the fuzz targets. A harness traps (fatalError) only when Parley breaks
/// one of its own promises; a thrown ParleyError is the expected answer to bad input.
public enum Fuzz {
    /// The input as a raw buffer; `UnsafeRawBufferPointer(start: nil, count: 0)` for empty input.
    public static func buffer(_ data: UnsafePointer<UInt8>, _ size: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: size == 0 ? nil : UnsafeRawPointer(data), count: size)
    }

    /// `withUnsafeBytes` with the typed error kept (the stdlib's rethrows loses the type).
    public static func withBytes<T>(_ bytes: [UInt8], _ body: (UnsafeRawBufferPointer) throws(ParleyError) -> T) throws(ParleyError) -> T {
        try bytes.withUnsafeBytes { raw in Result { () throws(ParleyError) in try body(raw) } }.get()
    }

    /// An engine with an in-memory store.
    public static func engine(appSecret: String? = nil) -> Engine {
        var configuration = Configuration()
        configuration.webhookAppSecret = appSecret
        do {
            return try Engine(configuration: configuration)
        } catch {
            fatalError("cannot open an in-memory engine: \(error)")
        }
    }

    /// Engines for the message and webhook targets: one engine serves `reuse` inputs (default
    /// 1000), then a fresh one starts, so the journal stays small. Opening an engine per input
    /// costs ~25x the throughput; set FUZZ_FRESH_ENGINE=1 to get it anyway, when checking
    /// whether a crash depends on what earlier inputs left in the store.
    public final class Engines: @unchecked Sendable {
        let appSecret: String?
        let reuse: Int
        var current: Engine?
        var uses = 0

        public init(appSecret: String? = nil) {
            self.appSecret = appSecret
            reuse = getenv("FUZZ_FRESH_ENGINE").map { String(cString: $0) == "1" ? 1 : 1000 } ?? 1000
        }

        public func next() -> Engine {
            if uses % reuse == 0 {
                current?.close()
                current = Fuzz.engine(appSecret: appSecret)
            }
            uses += 1
            return current!
        }
    }

    /// A thrown error must carry a message a host can show.
    public static func check(_ error: ParleyError, _ what: String) {
        if error.message.isEmpty { fatalError("\(what): \(error.kind) error without a message") }
    }

    /// The context JSON Parley hands a host must itself be valid JSON that parses back to
    /// the same value.
    public static func checkRoundTrip(_ value: JSONValue, _ what: String) {
        let text = JSONWriter.serialize(value)
        let again: JSONValue
        do {
            again = try JSONParser.parse(text)
        } catch {
            fatalError("\(what): serialized JSON does not parse: \(error) -- \(String(decoding: text, as: UTF8.self))")
        }
        if again != value {
            fatalError("\(what): JSON changes through serialize + parse: \(String(decoding: text, as: UTF8.self)) -> \(JSONWriter.string(again))")
        }
    }

    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0xF)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// CRC-32 (IEEE, reflected), as the intent model file stores it: lets the model target
    /// seal a mutated payload so the fuzzer gets past the checksum into the parser.
    public static func crc32<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }
}
