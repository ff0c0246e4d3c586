import Foundation
import ArgumentParser
import ArxivFormats
import Library
import Recommender

struct SimilarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract: "List the library papers nearest to a paper.",
        discussion: """
        Scans the whole library on the dense view (an 8-bit first pass, then BLAS), takes \
        \(SimilarReRank.standard.summary), and prints the best k, the query excluded. The sparse cosine \
        counts shared words and phrases. The similarity shown is that score divided by \
        \(SimilarReRank.standard.similarityDivisor): the weighted mean of the two cosines. A Chinese query \
        with the bilingual model re-scores the dense top \(CrossLanguageReRank.standardDepth) on the topical \
        view instead. A paper that is \
        not in the library is fetched from arXiv first; when that cannot be done (--offline, arXiv \
        unreachable) the exit status is 69, as for `fetch`.

        Examples:
          arxrec similar 2512.19693
          arxrec similar https://arxiv.org/abs/2512.19693v1 --top 20 --format json
        """
    )

    @OptionGroup(title: "Library") var library: LibraryOptions
    @OptionGroup(title: "Network") var network: NetworkOptions
    @OptionGroup var output: TableOrJSONOptions

    @Argument(help: "The paper's arXiv id or URL.") var id: String

    @OptionGroup var count: NeighbourCountOptions

    func validate() throws {
        _ = try ArxivIDArgument.parse(id)
    }

    func run() async throws {
        let arxivID = try ArxivIDArgument.parse(id)
        // Only a paper fetched from arXiv is written; a library paper is only read.
        let recommender = try library.openRecommender(access: .readOnlyWhereUnwritable)
        _ = try await PaperResolver(library: recommender.library, client: network.client()).resolve(arxivID)
        let result = try recommender.similar(to: arxivID, k: count.count)
        print(try SimilarRenderer(result: result).render(output.format))
    }
}

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "List the library papers nearest to free text.",
        discussion: """
        Embeds the text with the library's model and ranks the library like `similar`. With the bilingual \
        model (the default since v6) the text may be Chinese: it finds papers in either language.

        Examples:
          arxrec search "gaussian splatting for autonomous driving simulation"
          arxrec search "检索增强生成"
          arxrec search "retrieval augmented generation" --top 20 --format json
        """
    )

    @OptionGroup(title: "Library") var library: LibraryOptions
    @OptionGroup var output: TableOrJSONOptions

    @Argument(help: "What to look for.") var text: String

    @OptionGroup var count: NeighbourCountOptions

    func validate() throws {
        if text.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("give some text to search for") }
    }

    func run() throws {
        let result = try library.openRecommender(access: .readOnlyWhereUnwritable).search(text, k: count.count)
        print(try SimilarRenderer(result: result).render(output.format))
    }
}

/// `similar`/`search` output: an aligned table, or `{"query":…, "items":[{"id":…, "title":…, "similarity":…}]}`.
struct SimilarRenderer {
    let result: SimilarResult

    func render(_ format: TableOrJSONOptions.Format, terminal: Terminal = .current) throws -> String {
        switch format {
        case .json:
            return try JSONOutput.string(result)
        case .table:
            var heading = terminal.bold(("Nearest to \(result.query)" + (result.title.map { ": \($0)" } ?? "")).truncated(toWidth: terminal.lineWidth.map { max(40, $0) }))
            if result.language != "en" && result.acrossLanguages {
                heading += "\n" + terminal.yellow("In '\(result.language)': compared with every paper, in any language, on the model's bilingual dense view.")
            } else if result.language != "en" {
                heading += "\n" + terminal.yellow("Known only in '\(result.language)': compared with the library's '\(result.language)' papers on shared n-grams; `arxrec fetch --ids \(result.query)` adds its English metadata.")
            }
            guard !result.items.isEmpty else { return heading + "\n(no other papers in the library)" }
            let table = TextTable(
                headers: ["#", "id", "similarity", "title"],
                rows: result.items.enumerated().map { [String($0.offset + 1), $0.element.id, String(twoDecimals: $0.element.similarity), $0.element.title] },
                flexibleColumn: 3
            )
            return heading + "\n" + table.render(width: terminal.lineWidth, bold: terminal.bold)
        }
    }
}
