import ArgumentParser

/// How a command prints its result.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, json, markdown, html
}

/// `--format` for commands that print a table or JSON.
struct TableOrJSONOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Option(name: .long, help: "Output format.")
    var format: Format = .table
}
