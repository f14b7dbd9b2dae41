import Testing
@testable import ParleyCore

@Suite struct JSONTests {
    @Test func roundTripsNestedValues() throws {
        let text = #"{"a":1,"b":[true,false,null],"c":"x\"y\u00e9\ud83d\ude00","d":-1.5e3,"e":{}}"#
        let value = try JSONParser.parse(text)
        #expect(value["a"] == .int(1))
        #expect(value["c"]?.stringValue == "x\"yé😀")
        #expect(value["d"]?.doubleValue == -1500)
        let again = try JSONParser.parse(JSONWriter.string(value))
        #expect(again == value)
    }

    @Test func rejectsMalformedInput() {
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "01", "tru", "\"\u{01}\"", "{} x", "1.", "-"] {
            #expect(throws: ParleyError.self) { try JSONParser.parse(bad) }
            do { _ = try JSONParser.parse(bad) } catch { #expect(error.kind == .malformedJSON) }
        }
    }

    @Test func tellsInvalidUTF8Apart() {
        let bytes: [UInt8] = [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D]
        do { _ = try JSONParser.parse(bytes); Issue.record("accepted invalid UTF-8") } catch {
            #expect(error.kind == .invalidUTF8)
        }
        for bad: [UInt8] in [[0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            #expect(bad.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset($0) } == 0)
        }
    }

    @Test func limitsNestingDepth() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        do { _ = try JSONParser.parse(deep); Issue.record("accepted 10k nesting") } catch {
            #expect(error.kind == .malformedJSON)
        }
    }

    @Test func escapesControlCharactersOnOutput() {
        #expect(JSONWriter.string(.string("a\nb\u{01}\"\\")) == #""a\nb\u0001\"\\""#)
        #expect(JSONWriter.string(.double(0.97)) == "0.97")
        #expect(JSONWriter.string(.double(3)) == "3")
    }

    @Test(arguments: [Int64.min, -1_000_000_007, -10, -1, 0, 7, 10, 99, 100, 1_764_000_000_123, Int64.max])
    func writesIntegersAsTheirDecimalForm(value: Int64) {
        #expect(JSONWriter.string(.int(value)) == String(value))
        #expect(JSONWriter.string(.array([.int(value), .int(value)])) == "[\(value),\(value)]")
    }
}
