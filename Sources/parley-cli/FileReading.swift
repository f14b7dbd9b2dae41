#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// A whole file's bytes, or nil when it cannot be opened.
func readFileBytes(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    return readAll(file)
}

/// Standard input to its end.
func readStandardInput() -> [UInt8]? {
    readAll(stdin)
}

/// A whole UTF-8 text file, or nil when it cannot be read or is not UTF-8.
func readWholeFile(_ path: String) -> String? {
    readFileBytes(path).flatMap { String(validating: $0, as: UTF8.self) }
}

private func readAll(_ file: UnsafeMutablePointer<FILE>) -> [UInt8] {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&chunk, 1, chunk.count, file)
        if n <= 0 { break }
        bytes.append(contentsOf: chunk[0..<n])
    }
    return bytes
}
