#if canImport(Glibc)
import Glibc
#endif

/// An export as WhatsApp writes it: the chat's `.txt` alone (its attachments, when unzipped
/// beside it, are found in the same directory), or the `.zip` with the `.txt` and the media
/// files. A zip is read with `ZipArchive` and its caps (a bomb is refused before it inflates);
/// a zip cut short is a `.corrupt` error that names the file.
struct ExportSource {
    /// An archive larger than this is refused (it is read whole).
    static let maxArchiveBytes = 1 << 30
    /// What all the entries read from one archive may inflate to.
    static let maxUncompressedBytes = 2 << 30
    /// Past this ratio (for entries over 1 MB) an entry is a decompression bomb; chat text
    /// compresses about 4:1, photos not at all.
    static let maxCompressionRatio = 100

    let path: String
    /// The .txt's name (inside the zip for a zip).
    let textName: String
    let isZip: Bool
    private var archive: ZipArchive?
    /// A zip's entries by their base name (attachments are named without directories).
    private var entriesByName: [String: String] = [:]
    private var text: [UInt8]?
    private let directory: String

    static func open(_ path: String) throws(ParleyError) -> ExportSource {
        guard !path.isEmpty else { throw ParleyError(.invalidArgument, "the export path is empty") }
        let probe = try ExportByteSource(path: path)
        var head = [UInt8](repeating: 0, count: 4)
        let count = head.withUnsafeMutableBytes { probe.read(into: $0) }
        let looksZip = count == 4 && head[0] == 0x50 && head[1] == 0x4B && (head[2] == 3 || head[2] == 5 || head[2] == 7)
        let named = path.lowercased().hasSuffix(".zip")
        if !looksZip && !named { return ExportSource(path: path, textName: baseName(path)) }
        guard looksZip else { throw ParleyError(.corrupt, "\(path) is not a ZIP archive (it does not start with a ZIP header)") }
        guard probe.total <= Int64(maxArchiveBytes) else {
            throw ParleyError(.tooLarge, "\(path) is \(probe.total) bytes; archives over \(maxArchiveBytes) bytes are not imported (unzip it and import the .txt)")
        }
        var bytes = [UInt8](repeating: 0, count: Int(probe.total))
        probe.rewind()
        let read = bytes.withUnsafeMutableBytes { probe.read(into: $0) }
        if read < bytes.count { bytes.removeLast(bytes.count - read) }
        return try ExportSource(path: path, zip: bytes)
    }

    private init(path: String, textName: String) {
        self.path = path
        self.textName = textName
        isZip = false
        directory = Self.directoryName(path)
    }

    private init(path: String, zip bytes: [UInt8]) throws(ParleyError) {
        self.path = path
        isZip = true
        directory = Self.directoryName(path)
        var zip: ZipArchive
        do {
            zip = try ZipArchive(bytes, maxUncompressedBytes: Self.maxUncompressedBytes, maxRatio: Self.maxCompressionRatio)
        } catch {
            throw Self.zipError(error, path)
        }
        // The chat: iOS "_chat.txt", Android "WhatsApp Chat with X.txt"; else the only .txt.
        let texts = zip.entries.keys.filter { $0.lowercased().hasSuffix(".txt") && !Self.baseName($0).hasPrefix("._") }.sorted()
        let chosen = texts.first { Self.baseName($0) == "_chat.txt" }
            ?? texts.first { Self.baseName($0).lowercased().hasPrefix("whatsapp") }
            ?? (texts.count == 1 ? texts[0] : nil)
        guard let chosen else {
            throw ParleyError(.invalidArgument, texts.isEmpty
                ? "\(path) holds no .txt: it is not a WhatsApp chat export"
                : "\(path) holds \(texts.count) .txt files and none is named like a chat (\"_chat.txt\", \"WhatsApp Chat …\"): \(texts.prefix(5).joined(separator: ", "))")
        }
        textName = Self.baseName(chosen)
        for name in zip.entries.keys where name != chosen && !name.hasSuffix("/") {
            entriesByName[Self.baseName(name)] = name
        }
        do {
            text = try zip.read(chosen)
        } catch {
            throw Self.zipError(error, path)
        }
        archive = zip
    }

    /// The chat's text, streamed.
    func textStream() throws(ParleyError) -> ExportTextStream {
        if let text { return ExportTextStream(ExportByteSource(memory: text)) }
        return ExportTextStream(try ExportByteSource(path: path))
    }

    /// The bytes of an attached file, nil when the export does not hold it (a .txt alone, an
    /// export "without media"). A zip entry that cannot be read (corrupt, a bomb) throws.
    mutating func attachment(_ fileName: String, maxBytes: Int) throws(ParleyError) -> [UInt8]? {
        guard ExportMarker.isFileName(fileName) else { return nil }
        if archive != nil {
            guard let entry = entriesByName[fileName] else { return nil }
            if let size = archive?.entries[entry]?.uncompressedSize, size > maxBytes {
                throw ParleyError(.tooLarge, "\(fileName) has \(size) bytes, over media.maxBytes (\(maxBytes))")
            }
            do {
                return try archive!.read(entry)
            } catch {
                throw ParleyError(error.kind == .badMedia ? .corrupt : error.kind, "\(path): \(error)")
            }
        }
        // Beside the .txt (an export unzipped by hand).
        let candidate = directory + "/" + fileName
        var info = stat()
        guard stat(candidate, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        guard Int(info.st_size) <= maxBytes else {
            throw ParleyError(.tooLarge, "\(fileName) has \(info.st_size) bytes, over media.maxBytes (\(maxBytes))")
        }
        guard let file = fopen(candidate, "rb") else { return nil }
        defer { fclose(file) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        let read = bytes.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        if read < bytes.count { bytes.removeLast(bytes.count - read) }
        return bytes
    }

    /// The chat's name from the export's file name: "WhatsApp Chat with Kacyiru Heights
    /// Tenants.txt" (Android), "WhatsApp Chat - Kacyiru Heights Tenants.zip" (iOS) and their
    /// translations; else the file's name without its extension.
    var chatName: String {
        if let name = Self.chatName(fromFileName: textName) { return name }
        if let name = Self.chatName(fromFileName: Self.baseName(path)) { return name }
        var base = Self.baseName(path)
        for ext in [".zip", ".txt"] where base.lowercased().hasSuffix(ext) { base.removeLast(ext.count) }
        return base.isEmpty ? "whatsapp-export" : base
    }

    static let chatPrefixes = ["WhatsApp Chat with ", "WhatsApp Chat - ", "WhatsApp Chat – ", "WhatsApp Chat mit ",
                               "Chat de WhatsApp con ", "Discussion WhatsApp avec ", "Conversa do WhatsApp com ",
                               "WhatsApp-Chat mit ", "Chat WhatsApp con "]

    static func chatName(fromFileName file: String) -> String? {
        var base = baseName(file)
        for ext in [".zip", ".txt"] where base.lowercased().hasSuffix(ext) { base.removeLast(ext.count) }
        // "WhatsApp Chat with X (1)": a second download of the same export.
        if base.hasSuffix(")"), let open = base.lastIndex(of: "("), base[base.index(after: open)..<base.index(before: base.endIndex)].allSatisfy(\.isNumber) {
            base = String(base[..<open]).trimmingSpaces
        }
        for prefix in chatPrefixes where base.hasPrefix(prefix) {
            let name = String(base.dropFirst(prefix.count)).trimmingSpaces
            return name.isEmpty ? nil : name
        }
        return nil
    }

    static func baseName(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
    }

    static func directoryName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// ZipArchive's "bad media" is, for an export, a corrupt file: named, with the reason.
    private static func zipError(_ error: ParleyError, _ path: String) -> ParleyError {
        ParleyError(error.kind == .badMedia ? .corrupt : error.kind, "\(path): \(error)")
    }
}
