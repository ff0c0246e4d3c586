import ArgumentParser
import ArxivFormats
import Library

struct RatingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ratings",
        abstract: "List a profile's ratings.",
        discussion: """
        Examples:
          arxrec ratings
          arxrec ratings --profile vision --format json
        """
    )

    @OptionGroup(title: "Library") var library: LibraryOptions
    @OptionGroup var profileOption: ProfileOption
    @OptionGroup var output: TableOrJSONOptions

    struct Row: Encodable {
        let id: String
        let rating: String
        let ratedAt: String
        let title: String?
    }

    struct Listing: Encodable {
        let profile: String
        let ratings: [Row]
    }

    func run() throws {
        let model = try library.loadModel()
        let store = try library.openLibrary(model: model, access: .readOnlyWhereUnwritable)
        let ratings = try store.ratings(profile: profileOption.profile)
        let titles = Dictionary(try store.papers(ratings.map(\.id)).map { ($0.id.base, $0.title) }, uniquingKeysWith: { a, _ in a })
        let rows = ratings.map {
            Row(id: $0.id.base, rating: $0.value == .like ? "like" : "dislike",
                ratedAt: ISO8601.string($0.ratedAt), title: titles[$0.id.base])
        }
        switch output.format {
        case .json:
            print(try JSONOutput.string(Listing(profile: profileOption.profile, ratings: rows)))
        case .table:
            guard !rows.isEmpty else {
                print("Profile \(profileOption.profile) has no ratings yet: rate papers with `arxrec rate ID like`.")
                return
            }
            let terminal = Terminal.current
            print(TextTable(
                headers: ["id", "rating", "rated", "title"],
                rows: rows.map { [$0.id, $0.rating, String($0.ratedAt.prefix(10)), $0.title ?? ""] },
                flexibleColumn: 3
            ).render(width: terminal.width, bold: terminal.bold))
        }
    }
}
