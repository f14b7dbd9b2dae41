import FuzzSupport
import ParleyCore
#if canImport(Glibc)
import Glibc
#endif

/// WhatsApp chat exports as `parley import` reads them, on hostile files: the line grammar,
/// date-order detection, continuation lines, encodings (BOM, UTF-16, invalid bytes) and, for
/// input that starts like a ZIP, the archive reader with its bomb caps. Each input is written
/// to a file (the import reads paths) and imported into an in-memory engine: a clear error or
/// a summary, never a crash.
let engine = Fuzz.engine()
let directory: String = {
    var template = Array("/tmp/parley-fuzz-export-XXXXXX".utf8CString)
    return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let isZip = size >= 2 && data[0] == 0x50 && data[1] == 0x4B
    let path = directory + (isZip ? "/WhatsApp Chat with Fuzz.zip" : "/WhatsApp Chat with Fuzz.txt")
    guard let file = fopen(path, "wb") else { fatalError("cannot write \(path)") }
    if size > 0 { _ = fwrite(data, 1, size, file) }
    fclose(file)
    do {
        Fuzz.checkRoundTrip(try engine.importChat(path: path), "import")
    } catch {
        Fuzz.check(error, "import")
    }
    return 0
}
