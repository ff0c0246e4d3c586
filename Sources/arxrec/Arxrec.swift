import ArgumentParser

/// The `arxrec` command: an arXiv paper recommender that turns the daily flood into a short list.
@main
struct Arxrec: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "arxrec",
        abstract: "Rank today's arXiv papers against what you like.",
        discussion: """
        arxrec keeps a local library of arXiv papers, learns a profile from the papers you like and \
        dislike, and prints a daily shortlist, similar papers and search results.

        Examples:
          arxrec ingest ~/digests/2025-12-23.md
          arxrec rate 2512.19693 like
          arxrec shortlist --input ~/digests/2025-12-23.md --top 10
          arxrec similar 2512.19693
        """,
        version: version,
        subcommands: [ModelCommand.self]
    )
}
