import Hummingbird
import Library
import Recommender

extension WebApp {
    /// `GET /search?q=`: the library's papers nearest to free text (the `search` command's code).
    func addSearchRoutes(to router: Router<WebRequestContext>) {
        router.get(RouterPath(stringLiteral: Paths.search)) { request, context in
            let query = PageQuery(request, context: context)
            let profile = try query.profile()
            let text = query.text("q")
            let content = try await Blocking.run { [recommender] in
                try Self.searchContent(recommender: recommender, text: text, profile: profile)
            }
            var page = PaperListPage(
                content: content, profile: profile, session: context.session, undo: await history.last(profile: profile),
                address: Paths.search(text, profile: profile))
            page.searchText = text
            return PageResponse.html(page.searchHTML)
        }
    }

    static func searchContent(recommender: Recommender, text: String, profile: String) throws -> PaperListPage.Content {
        guard !text.isEmpty else {
            var content = PaperListPage.Content()
            content.profiles = try recommender.library.profiles().map(\.name)
            return content
        }
        do {
            return try foundContent(
                library: recommender.library, items: try recommender.search(text, k: foundCount).items, profile: profile)
        } catch let error as RecommenderError {
            var content = PaperListPage.Content()
            content.profiles = try recommender.library.profiles().map(\.name)
            content.note = error.description
            return content
        }
    }
}
