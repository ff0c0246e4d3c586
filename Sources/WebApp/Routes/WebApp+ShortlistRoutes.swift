import ArxivFormats
import Hummingbird
import Library
import Recommender

extension WebApp {
    /// `GET /?profile=&date=&top=`: the shortlist of a day (the newest day in the library by default, as
    /// `arxrec shortlist` does), ranked by exactly the Recommender code the CLI uses.
    func addShortlistRoutes(to router: Router<WebRequestContext>) {
        router.get(RouterPath(stringLiteral: Paths.shortlist)) { request, context in
            let query = PageQuery(request, context: context)
            let profile = try query.profile()
            let day = try query.day()
            let top = try query.top(standard: configuration.top)
            let content = try await Blocking.run { [recommender] in
                try Self.shortlistContent(recommender: recommender, profile: profile, day: day, top: top)
            }
            let page = ShortlistPage(
                content: content, profile: profile, top: top, session: context.session,
                undo: await history.last(profile: profile),
                address: Paths.shortlist(profile: profile, day: day, top: top == configuration.top ? nil : top))
            return PageResponse.html(page.html)
        }
    }

    static func shortlistContent(recommender: Recommender, profile: String, day requested: String?, top: Int) throws
        -> ShortlistPage.Content
    {
        let library = recommender.library
        var content = ShortlistPage.Content()
        content.profiles = try library.profiles().map(\.name)
        content.days = try library.listingDays()
        guard let day = requested ?? content.days.last else { return content }
        content.day = day
        let candidates = try library.papers(listedOn: day)
        content.candidateCount = candidates.count
        content.ratings = Dictionary(
            try library.ratings(profile: profile).map { ($0.id.base, $0.value) }, uniquingKeysWith: { _, last in last })
        content.rated = candidates.filter { content.ratings[$0.id.base] != nil }
        guard !candidates.isEmpty else { return content }
        let shortlist: Shortlist
        do {
            shortlist = try recommender.shortlist(for: profile, candidates: candidates, date: day, top: top)
        } catch RecommenderError.noRatings {
            content.unranked = Array(candidates.prefix(top))
            return content
        }
        content.unratedCount = shortlist.candidates
        let byID = Dictionary(candidates.map { ($0.id.base, $0) }, uniquingKeysWith: { first, _ in first })
        content.ranked = shortlist.items.compactMap { item in byID[item.id].map { ShortlistPage.Ranked(paper: $0, item: item) } }
        let liked = try library.papers(try shortlist.items.compactMap { $0.reason.nearest }.map { try ArxivID(parsing: $0.id) })
        content.likedTitles = Dictionary(liked.map { ($0.id.base, $0.title) }, uniquingKeysWith: { first, _ in first })
        return content
    }
}
