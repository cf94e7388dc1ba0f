import ArgumentParser

/// The `fengchao` command: `serve` runs the bot; more tools join as subcommands.
@main
struct Fengchao: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fengchao",
        abstract: "fengchao: turns community group chat into a task board.",
        discussion: """
            Without a configuration file, `fengchao serve` listens on 127.0.0.1:8080, keeps its data in
            ./fengchao-data and uses the built-in demo community (config/community.yaml).
            """,
        subcommands: [
            ServeCommand.self, ParseCommand.self, TrainCommand.self, BenchCommand.self, FuzzCommand.self,
            HashPasswordCommand.self, JobsCommand.self,
        ],
        defaultSubcommand: ServeCommand.self
    )
}
