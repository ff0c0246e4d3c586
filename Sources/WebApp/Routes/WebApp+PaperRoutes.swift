import ArxivFormats
import Hummingbird
import Library
import Recommender

extension WebApp {
    /// Papers shown beside a paper or a search.
    static let foundCount = 20

    /// `GET /paper?id=`: one paper of the library and the papers most similar to it (the `similar` command's
    /// code). The id is validated as an arXiv id; a paper not in the library is a 404 — never a fetch.
    func addPaperRoutes(to router: Router<WebRequestContext>) {
        router.get(RouterPath(stringLiteral: Paths.paper)) { request, context in
            let query = PageQuery(request, context: context)
            let profile = try query.profile()
            let id = try query.arxivID()
            let content = try await Blocking.run { [recommender] in
                try Self.paperContent(recommender: recommender, id: id, profile: profile)
            }
            let page = PaperListPage(
                content: content, profile: profile, session: context.session, undo: await history.last(profile: profile),
                address: Paths.paper(id.base, profile: profile))
            return PageResponse.html(page.paperHTML)
        }
    }

    static func paperContent(recommender: Recommender, id: ArxivID, profile: String) throws -> PaperListPage.Content {
        let library = recommender.library
        guard let paper = try library.paper(id) else {
            throw WebError.notFound("\(id.base) is not in the library: `arxrec fetch --ids \(id.base)` or `arxrec ingest FILE` adds it")
        }
        let similar = try recommender.similar(to: paper.id, k: foundCount)
        var content = try foundContent(library: library, items: similar.items, profile: profile)
        content.subject = paper
        if similar.language != "en" {
            content.note = "This paper is known only in \(similar.language): it is compared with the library's \(similar.language) papers only."
        }
        return content
    }

    /// The papers of `items` with the profile's ratings, in the order of `items`.
    static func foundContent(library: Library, items: [SimilarItem], profile: String) throws -> PaperListPage.Content {
        var content = PaperListPage.Content()
        content.profiles = try library.profiles().map(\.name)
        let papers = try library.papers(try items.map { try ArxivID(parsing: $0.id) })
        let byID = Dictionary(papers.map { ($0.id.base, $0) }, uniquingKeysWith: { first, _ in first })
        content.found = items.compactMap { item in byID[item.id].map { PaperListPage.Found(paper: $0, similarity: item.similarity) } }
        content.ratings = Dictionary(
            try library.ratings(profile: profile).map { ($0.id.base, $0.value) }, uniquingKeysWith: { _, last in last })
        return content
    }
}
