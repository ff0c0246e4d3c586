import ArgumentParser

/// `--top N` of `similar` and `search`: one name for "how many papers to list" across every command
/// (`shortlist`, `serve` and `config.json` say `top` too). `--k`, the name these two commands had, is
/// kept hidden so old scripts still work.
struct NeighbourCountOptions: ParsableArguments {
    @Option(name: .long, help: CountRange.neighbours.help("How many papers to list"))
    var top = 10

    @Option(name: .customLong("k"), help: ArgumentHelp("The old name of --top.", visibility: .hidden))
    var k: Int?

    /// The count asked for, by either name.
    var count: Int { k ?? top }

    func validate() throws {
        try CountRange.neighbours.validate(count, option: k == nil ? "--top" : "--k")
    }
}

/// `--format table|json` of commands that print a summary (`daily`), which used to say `--output`:
/// that spelling is kept hidden so old scripts still work.
struct SummaryFormatOptions: ParsableArguments {
    @Option(name: .long, help: "Output format.")
    var format: TableOrJSONOptions.Format?

    @Option(name: .customLong("output"), help: ArgumentHelp("The old name of --format.", visibility: .hidden))
    var output: TableOrJSONOptions.Format?

    var chosen: TableOrJSONOptions.Format { format ?? output ?? .table }

    func validate() throws {
        if format != nil && output != nil { throw ValidationError("give --format only (--output is its old name)") }
    }
}
