import ArgumentParser
import Library
import Recommender

struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Show what a profile has learned; list, rename, delete or reset profiles.",
        subcommands: [Show.self, List.self, Rename.self, Delete.self, Reset.self],
        defaultSubcommand: Show.self
    )

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a profile's ratings, model and strongest terms.",
            discussion: """
            The strongest terms are the n-grams of the rated papers with the largest positive (and \
            negative) weight in the learned profile: what pulls a paper up or pushes it down.

            Examples:
              arxrec profile show
              arxrec profile show --profile vision --format json
            """
        )

        @OptionGroup(title: "Library") var library: LibraryOptions
        @OptionGroup var profileOption: ProfileOption
        @OptionGroup var output: TableOrJSONOptions

        func run() throws {
            let recommender = try library.openRecommender(access: .readOnlyWhereUnwritable)
            let summary = try recommender.describeProfile(named: profileOption.profile)
            switch output.format {
            case .json:
                print(try JSONOutput.string(summary))
            case .table:
                let terminal = Terminal.current
                var lines = [
                    terminal.bold("Profile \(summary.profile)"),
                    "ratings      \(summary.likes.count) likes, \(summary.dislikes.count) dislikes",
                    "model        \(summary.model) (\(summary.weakNegatives) weak negatives)",
                    "pulls up     " + (summary.positiveTerms.isEmpty ? "–" : summary.positiveTerms.joined(separator: ", ")),
                    "pushes down  " + (summary.negativeTerms.isEmpty ? "–" : summary.negativeTerms.joined(separator: ", ")),
                ]
                if !summary.likes.isEmpty { lines.append("liked") }
                lines += summary.likes.map { "  \($0.id)  \($0.title)".truncated(toWidth: terminal.lineWidth) }
                if !summary.dislikes.isEmpty { lines.append("disliked") }
                lines += summary.dislikes.map { "  \($0.id)  \($0.title)".truncated(toWidth: terminal.lineWidth) }
                if summary.likes.isEmpty && summary.dislikes.isEmpty {
                    lines.append("No ratings yet: `arxrec rate ID like` or `arxrec import-likes FILE`.")
                }
                print(lines.joined(separator: "\n"))
            }
        }
    }
}
