import Testing
@testable import ParleyCore
#if canImport(Glibc)
import Glibc
#endif

@Suite struct DateTimeTests {
    @Test func dump() throws {
        guard let spec = getenv("DT_DUMP") else { return }
        let parts = String(cString: spec).split(separator: "|").map(String.init)
        var options = DateTimeOptions()
        options.timeZone = parts[0]
        let extractor = try DateTimeExtractor(options: options)
        let reference = Int64(parts[1])!
        for text in parts.dropFirst(2) {
            let entities = extractor.extract(from: text, reference: reference)
            print("## \(text)")
            for e in entities { print("   \(e.type) [\(e.start),\(e.end)) '\(e.text)' \(JSONWriter.string(e.value)) \(e.confidence)") }
        }
    }
}
