import FuzzSupport
import ParleyCore

/// The media parsers Parley wrote itself, on hostile files: CSV (encodings, delimiters,
/// quoting), XLSX (ZIP directory, inflate limits, XML), and audio containers (Ogg pages,
/// WAV headers) with Opus decoding and resampling; the transcription itself is a stand-in,
/// so the fuzzer spends its time in the parsers. PDFs are left out: they go to poppler,
/// which is not Parley's code.
let documents: DocumentService = {
    var settings = DocumentSettings()
    settings.maxUncompressedBytes = 4 << 20
    settings.timeoutMillis = 2_000
    do { return try DocumentService(settings: settings, instances: 1) } catch { fatalError("documents: \(error)") }
}()

let voice: VoiceService = {
    var settings = VoiceSettings()
    settings.engine = .host
    settings.maxSeconds = 5
    do {
        let service = try VoiceService(settings: settings, instances: 1)
        service.setHostTranscriber { _, pcm, _ throws(ParleyError) in (pcm.isEmpty ? "" : "samples", 0.5) }
        return service
    } catch {
        fatalError("voice: \(error)")
    }
}()

/// "%PDF-" where the document reader looks for it (in the first kilobyte): poppler's input.
func namesPDF(_ bytes: [UInt8]) -> Bool {
    let marker: [UInt8] = Array("%PDF".utf8)
    let head = Array(bytes.prefix(1024 + marker.count))
    guard head.count >= marker.count else { return head == Array(marker.prefix(head.count)) }
    return (0...(head.count - marker.count)).contains { Array(head[$0..<$0 + marker.count]) == marker }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let head = String(decoding: bytes.prefix(4), as: UTF8.self)
    do {
        if head == "OggS" || head == "RIFF" {
            let result = try voice.transcribe(bytes)
            Fuzz.checkRoundTrip(.object(result.json), "transcribe")
        } else if !namesPDF(bytes) {
            let result = try documents.parse(bytes)
            Fuzz.checkRoundTrip(.object(result.json), "parse document")
        }
    } catch {
        Fuzz.check(error, "media")
    }
    return 0
}
