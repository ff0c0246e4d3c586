import ArgumentParser
import Foundation
import Library

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print how many papers, vectors and ratings the library holds.",
        discussion: """
        JSON output has at least {"papers":N,"vectors":N,"ratings":N,"model":"<id>"}.

        Examples:
          arxrec stats
          arxrec stats --format json | jq .papers
        """
    )

    @OptionGroup(title: "Library") var library: LibraryOptions
    @OptionGroup var output: TableOrJSONOptions

    func run() throws {
        let model = try library.loadModel()
        let stats = try library.openLibrary(model: model, access: .readOnlyWhereUnwritable).stats()
        switch output.format {
        case .json:
            print(try JSONOutput.string(stats))
        case .table:
            print("""
            library   \(library.resolvedDataDirectory.path)
            papers    \(stats.papers)
            vectors   \(stats.vectors)
            ratings   \(stats.ratings)
            profiles  \(stats.profiles)
            model     \(stats.model)
            """)
        }
    }
}
