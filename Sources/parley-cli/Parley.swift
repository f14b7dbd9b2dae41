import ArgumentParser
import ParleyCore

@main
struct ParleyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley",
        abstract: "Parley: an embeddable conversation engine for WhatsApp bots.",
        subcommands: [
            ProcessCommand.self, ImportCommand.self, WebhookCommand.self, ThreadsCommand.self, MaintainCommand.self, TrainCommand.self, IntentCommand.self, SentimentCommand.self,
            DocumentCommand.self, OCRCommand.self, TranscribeCommand.self, GalleryCommand.self,
            BenchCommand.self, MetricsCommand.self, DeadLetterCommand.self, ReportCommand.self, VersionCommand.self,
        ]
    )
}

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print Parley's version.")

    func run() {
        print(ParleyVersion.string)
    }
}
