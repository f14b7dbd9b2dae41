import ArgumentParser
import ParleyCore

/// `parley gallery list|show`: the media of a store's messages, as the C API returns them.
struct GalleryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gallery",
        abstract: "List the media of processed messages, or show one file with every message that carried it.",
        subcommands: [List.self, Show.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Media entries, newest first (JSON).")

        @Option(name: .long, help: "Engine configuration JSON file naming the store (store.path).")
        var config: String?
        @Option(name: .long, help: "Only this chat's media.")
        var chat: String?
        @Option(name: .long, help: "Only this thread's media (a context's thread.id).")
        var thread: String?
        @Option(name: .long, help: "Only this sender's media.")
        var sender: String?
        @Option(name: .long, help: "image, audio, document, video or other.")
        var kind: String?
        @Option(name: .long, help: "From this time on (Unix seconds).")
        var since: Int64?
        @Option(name: .long, help: "Up to this time (Unix seconds).")
        var until: Int64?
        @Option(name: .long, help: "Words of the extracted text or caption.")
        var text: String?
        @Option(name: .long, help: "At most this many entries (1-1000).")
        var limit = 100

        func run() throws {
            let engine = try openEngine(configPath: config)
            defer { engine.close() }
            var query = JSONObject()
            if let chat { query.append("chat", .string(chat)) }
            if let thread { query.append("thread", .string(thread)) }
            if let sender { query.append("sender", .string(sender)) }
            if let kind { query.append("kind", .string(kind)) }
            if let since { query.append("since", .int(since)) }
            if let until { query.append("until", .int(until)) }
            if let text { query.append("text", .string(text)) }
            query.append("limit", .int(Int64(limit)))
            print(JSONWriter.string(try engine.gallery(query: .object(query))))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One file by its SHA-256, with its reading and messages (JSON).")

        @Option(name: .long, help: "Engine configuration JSON file naming the store (store.path).")
        var config: String?
        @Argument(help: "The file's SHA-256 (hex, as in a context's media.sha256).")
        var sha256: String

        func run() throws {
            let engine = try openEngine(configPath: config)
            defer { engine.close() }
            print(JSONWriter.string(try engine.galleryItem(sha256: sha256)))
        }
    }
}
