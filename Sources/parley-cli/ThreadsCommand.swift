import ArgumentParser
import ParleyCore

/// `parley threads list|get`: the conversation threads of a store, as the C API returns them.
struct ThreadsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "threads",
        abstract: "List conversation threads of a store, or show one with its messages.",
        subcommands: [List.self, Get.self, Messages.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Threads, most recently active first (JSON).")

        @Option(name: .long, help: "Engine configuration JSON file naming the store (store.path).")
        var config: String?
        @Option(name: .long, help: "Only this chat's threads.")
        var chat: String?
        @Option(name: .long, help: "open or closed.")
        var state: String?
        @Option(name: .long, help: "At most this many threads (1-1000).")
        var limit = 100

        func run() throws {
            let engine = try openEngine(configPath: config)
            defer { engine.close() }
            var query = JSONObject()
            if let chat { query.append("chat", .string(chat)) }
            if let state { query.append("state", .string(state)) }
            query.append("limit", .int(Int64(limit)))
            print(JSONWriter.string(try engine.threads(query: .object(query))))
        }
    }

    struct Get: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One thread with the contexts of its messages (JSON).")

        @Option(name: .long, help: "Engine configuration JSON file naming the store (store.path).")
        var config: String?
        @Argument(help: "The thread id (a context's thread.id).")
        var id: String

        func run() throws {
            let engine = try openEngine(configPath: config)
            defer { engine.close() }
            print(JSONWriter.string(try engine.thread(id: id)))
        }
    }

    struct Messages: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A page of a thread's messages, oldest first (JSON with nextOffset while more follow).")

        @Option(name: .long, help: "Engine configuration JSON file naming the store (store.path).")
        var config: String?
        @Option(name: .long, help: "Skip this many messages.")
        var offset = 0
        @Option(name: .long, help: "At most this many messages (1-1000).")
        var limit = Engine.threadPage
        @Argument(help: "The thread id (a context's thread.id).")
        var id: String

        func run() throws {
            let engine = try openEngine(configPath: config)
            defer { engine.close() }
            let query: JSONValue = ["offset": .int(Int64(offset)), "limit": .int(Int64(limit))]
            print(JSONWriter.string(try engine.threadMessages(id: id, query: query)))
        }
    }
}
