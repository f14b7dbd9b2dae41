@testable import ParleyCore
#if canImport(Glibc)
import Glibc
#endif

/// Files under Tests/Fixtures, shared with the C, Python and Node tests.
enum Fixtures {
    /// A fresh directory /tmp/parley-`name`-XXXXXX.
    static func temporaryDirectory(_ name: String) -> String {
        var template = Array("/tmp/parley-\(name)-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    /// The names in `directory` that contain `part`, sorted.
    static func files(in directory: String, containing part: String = "") -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let item = readdir(dir) {
            let name = withUnsafePointer(to: item.pointee.d_name) { $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) } }
            if part.isEmpty || name.contains(part) { names.append(name) }
        }
        return names.sorted()
    }

    static let root: String = {
        var path = #filePath
        for _ in 0..<2 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path + "/Fixtures"
    }()

    static func bytes(_ relativePath: String) -> [UInt8] {
        guard let file = fopen(root + "/" + relativePath, "rb") else { fatalError("missing fixture \(relativePath)") }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n == 0 { break }
            bytes.append(contentsOf: chunk[..<n])
        }
        return bytes
    }

    static func json(_ relativePath: String) -> JSONValue {
        do {
            return try JSONParser.parse(bytes(relativePath))
        } catch {
            fatalError("fixture \(relativePath): \(error)")
        }
    }

    /// Describes where `actual` differs from what `expected` names; keys `expected` leaves
    /// out are not compared. nil when they agree.
    static func mismatch(expected: JSONValue, actual: JSONValue?, path: String = "") -> String? {
        guard let actual else { return "\(path.isEmpty ? "value" : path) is missing" }
        switch (expected, actual) {
        case (.object(let e), .object):
            for member in e.members {
                if let problem = mismatch(expected: member.value, actual: actual[member.key], path: path + "." + member.key) { return problem }
            }
            return nil
        case (.array(let e), .array(let a)):
            guard e.count == a.count else { return "\(path) has \(a.count) items, expected \(e.count)" }
            for (i, item) in e.enumerated() {
                if let problem = mismatch(expected: item, actual: a[i], path: "\(path)[\(i)]") { return problem }
            }
            return nil
        default:
            return expected == actual ? nil : "\(path) is \(JSONWriter.string(actual)), expected \(JSONWriter.string(expected))"
        }
    }
}
