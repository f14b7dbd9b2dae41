import ArgumentParser
import ParleyCore

/// `parley dlq list|show|retry|resolve|purge|run|fail`: a store's dead-letter queue, as the C
/// API's parley_dlq_* functions return it. `run` is what a cron job calls.
struct DeadLetterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dlq",
        abstract: "Inspect and manage failed and dead messages; run the retries that are due.",
        subcommands: [List.self, Show.self, Retry.self, Resolve.self, Purge.self, Run.self, Fail.self]
    )

    /// The options every subcommand takes.
    struct StoreOptions: ParsableArguments {
        @Option(name: .long, help: "Engine configuration JSON file naming the store (store.path) and \"retries\".")
        var config: String?

        /// Opens the engine, runs `body`, prints its JSON on one line, closes the engine.
        func run(_ body: (Engine) throws -> JSONValue) throws {
            let engine = try openEngine(configPath: config)
            defer { engine.close() }
            print(JSONWriter.string(try body(engine)))
        }
    }

    /// A message named by its chat and id.
    struct MessageKey: ParsableArguments {
        @Argument(help: "The message's chat (a context's message.chat).")
        var chat: String
        @Argument(help: "The message's id (a context's message.id).")
        var id: String
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Failed and dead messages, oldest first (JSON).")
        @OptionGroup var store: StoreOptions
        @Option(name: .long, help: "failed or dead (default: both).")
        var state: String?
        @Option(name: .long, help: "Only this chat's messages.")
        var chat: String?
        @Option(name: .long, help: "At most this many messages (1-1000).")
        var limit = 100

        func run() throws {
            var query = JSONObject()
            if let state { query.append("state", .string(state)) }
            if let chat { query.append("chat", .string(chat)) }
            query.append("limit", .int(Int64(limit)))
            try store.run { engine in try engine.deadLetters(query: .object(query)) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One message with its state, attempts and errors (JSON).")
        @OptionGroup var store: StoreOptions
        @OptionGroup var key: MessageKey

        func run() throws {
            try store.run { engine in try engine.deadLetter(chat: key.chat, id: key.id) }
        }
    }

    struct Retry: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Process a failed or dead message again now; prints its fresh context (JSON).")
        @OptionGroup var store: StoreOptions
        @OptionGroup var key: MessageKey

        func run() throws {
            try store.run { engine in try engine.retryDeadLetter(chat: key.chat, id: key.id) }
        }
    }

    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark a failed or dead message resolved (dealt with by hand).")
        @OptionGroup var store: StoreOptions
        @OptionGroup var key: MessageKey

        func run() throws {
            try store.run { engine in
                try engine.resolveDeadLetter(chat: key.chat, id: key.id)
                return try engine.deadLetter(chat: key.chat, id: key.id)
            }
        }
    }

    struct Purge: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete dead and resolved messages; prints how many (JSON).")
        @OptionGroup var store: StoreOptions
        @Option(name: .long, help: "dead or resolved (default: both).")
        var state: String?
        @Option(name: .long, help: "Only this chat's messages.")
        var chat: String?

        func run() throws {
            var query = JSONObject()
            if let state { query.append("state", .string(state)) }
            if let chat { query.append("chat", .string(chat)) }
            try store.run { engine in try engine.purgeDeadLetters(query: .object(query)) }
        }
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Process again every failed message that is due; prints the fresh contexts (JSON), 256 per line until none is left.")
        @OptionGroup var store: StoreOptions
        @Option(name: .long, help: "The time, Unix milliseconds (default: now).")
        var now: Int64?

        func run() throws {
            let engine = try openEngine(configPath: store.config)
            defer { engine.close() }
            while true {
                let result = try engine.runDueRetries(now: now)
                print(JSONWriter.string(result))
                guard result["more"] == true else { break }
            }
        }
    }

    struct Fail: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report that handling a processed message failed (what parley_message_fail does); prints its new state (JSON).")
        @OptionGroup var store: StoreOptions
        @OptionGroup var key: MessageKey
        @Option(name: .long, help: "The error: a JSON object {\"status\", \"message\", ...} or plain text.")
        var error: String?
        @Option(name: .long, help: "The time, Unix milliseconds (default: now).")
        var now: Int64?

        func run() throws {
            var parsed: JSONValue?
            if let error {
                parsed = error.first == "{" ? try JSONParser.parse(error) : .string(error)
            }
            try store.run { engine in try engine.failMessage(chat: key.chat, id: key.id, error: parsed, now: now) }
        }
    }
}
