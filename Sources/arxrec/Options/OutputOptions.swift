import ArgumentParser

/// How a command prints its result (`html` is the mail-safe page, `atom` an Atom 1.0 feed).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, json, markdown, html, atom
}

/// `--format` for commands that print a table or JSON.
struct TableOrJSONOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Option(name: .long, help: "Output format.")
    var format: Format = .table
}
