import ArgumentParser
import ArxivFormats
import Library

struct RatingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ratings",
        abstract: "List a profile's ratings, or export its likes as BibTeX.",
        discussion: """
        --format json lists every rating with the paper's title, authors, categories, first-version date \
        and arXiv URL. --format bibtex writes the liked papers as citable @misc entries (eprint, \
        archivePrefix, primaryClass, url, authors, year; keys like vaswani2017-1706.03762, unique and the \
        same on every export), which `arxrec import-likes` reads back.

        Examples:
          arxrec ratings
          arxrec ratings --profile vision --format json
          arxrec ratings --format bibtex > likes.bib
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, bibtex }

    @OptionGroup(title: "Library") var library: LibraryOptions
    @OptionGroup var profileOption: ProfileOption

    @Option(name: .long, help: "Output format.")
    var format: Format = .table

    struct Row: Encodable {
        let id: String
        let version: String?
        let rating: String
        let ratedAt: String
        let title: String?
        let authors: [String]
        let categories: [String]
        /// The first version's day, `YYYY-MM-DD`.
        let published: String?
        let url: String
    }

    struct Listing: Encodable {
        let profile: String
        let ratings: [Row]
    }

    func run() throws {
        let model = try library.loadModel()
        let store = try library.openLibrary(model: model, access: .readOnlyWhereUnwritable)
        let ratings = try store.ratings(profile: profileOption.profile)
        let papers = Dictionary(try store.papers(ratings.map(\.id)).map { ($0.id.base, $0) }, uniquingKeysWith: { a, _ in a })
        switch format {
        case .bibtex:
            let liked = ratings.filter { $0.value == .like }.compactMap { papers[$0.id.base] }.sorted { $0.id < $1.id }
            print(liked.map { BibTeXEntry(paper: $0).text }.joined(separator: "\n"), terminator: "")
        case .json:
            let rows = ratings.map { rating in
                let paper = papers[rating.id.base]
                return Row(
                    id: rating.id.base, version: paper?.id.versionString, rating: rating.value == .like ? "like" : "dislike",
                    ratedAt: ISO8601.string(rating.ratedAt), title: paper?.title, authors: paper?.authors ?? [],
                    categories: paper?.categories ?? [], published: paper?.published.map(ISO8601.day),
                    url: rating.id.unversioned.absURL)
            }
            print(try JSONOutput.string(Listing(profile: profileOption.profile, ratings: rows)))
        case .table:
            guard !ratings.isEmpty else {
                print("Profile \(profileOption.profile) has no ratings yet: rate papers with `arxrec rate ID like`.")
                return
            }
            let terminal = Terminal.current
            print(TextTable(
                headers: ["id", "rating", "rated", "title"],
                rows: ratings.map {
                    [$0.id.base, $0.value == .like ? "like" : "dislike", String(ISO8601.string($0.ratedAt).prefix(10)),
                     papers[$0.id.base]?.title ?? ""]
                },
                flexibleColumn: 3
            ).render(width: terminal.lineWidth, bold: terminal.bold))
        }
    }
}
