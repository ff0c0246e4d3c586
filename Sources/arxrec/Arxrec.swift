import ArgumentParser
import LinearAlgebra

/// The `arxrec` command: an arXiv paper recommender that turns the daily flood into a short list.
@main
struct Arxrec: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "arxrec",
        abstract: "Rank today's arXiv papers against what you like.",
        discussion: """
        arxrec keeps a local library of arXiv papers (SQLite + a memory-mapped vector file in \
        $ARXREC_HOME, else $XDG_DATA_HOME/arxrec), learns a profile from the papers you like and dislike, \
        and prints a daily shortlist, similar papers and search results.

        Exit status: 0 done · 1 error · 2 done but some records skipped · 64 usage · 65 bad input data · \
        69 arXiv (or sendmail) unavailable · 75 arXiv busy, retry later · 78 bad config.

        Examples:
          arxrec ingest ~/digests/2025-12-23.md
          arxrec rate 2512.19693 like
          arxrec shortlist --input ~/digests/2025-12-23.md --top 10
          arxrec similar 2512.19693
          arxrec daily
          arxrec serve
        """,
        version: version,
        subcommands: [
            IngestCommand.self, StatsCommand.self, ReindexCommand.self, FetchCommand.self, HarvestCommand.self,
            RateCommand.self, RatingsCommand.self, ImportLikesCommand.self, ProfileCommand.self,
            ShortlistCommand.self, SimilarCommand.self, SearchCommand.self, ServeCommand.self, DailyCommand.self, ModelCommand.self,
            EvaluateCommand.self, ExportCommand.self,
        ]
    )

    /// ArgumentParser's `main`, ending through ``ErrorReport`` so every failure is one line and the
    /// README's exit status.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                BLASThreads.useCallingThreadOnly()
                try await asyncCommand.run()
            } else {
                if !(command is any UsesParallelBLAS) { BLASThreads.useCallingThreadOnly() }
                try command.run()
            }
        } catch {
            ErrorReport.exit(error)
        }
    }
}

/// A command (synchronous, as `model fit` and `evaluate` are) whose work is large BLAS products (fitting a model's SVD, an evaluation's similarity blocks),
/// which OpenBLAS's threads speed up; every other command runs BLAS on one thread (``BLASThreads``: its
/// worker's spinning after each small call took the second core from the command's own threads).
protocol UsesParallelBLAS {}
