import ArxivFormats
import Hummingbird
import Library
import Recommender

extension WebApp {
    /// `POST /rate` (`id`, `verdict` = like | dislike | clear, `profile`, `back`) stores the rating at once
    /// and sends the browser back (303), where the list is ranked again; `POST /undo` reverts the page's
    /// last change for the profile. Only a paper already in the library can be rated: nothing is fetched.
    func addRatingRoutes(to router: Router<WebRequestContext>) {
        router.post(RouterPath(stringLiteral: Paths.rate)) { request, context in
            let query = PageQuery(request, context: context)
            let profile = try query.profile()
            let id = try query.arxivID()
            let verdict: Rating?
            switch query.fields["verdict"] {
            case "like": verdict = .like
            case "dislike": verdict = .dislike
            case "clear": verdict = nil
            default: throw WebError.badRequest("verdict must be like, dislike or clear")
            }
            let change = try await Blocking.run { [recommender] in
                try Self.rate(id, verdict, profile: profile, library: recommender.library)
            }
            if let change { await history.record(change, profile: profile) }
            return PageResponse.seeOther(query.localPath(fallback: Paths.shortlist(profile: profile)))
        }

        router.post(RouterPath(stringLiteral: Paths.undo)) { request, context in
            let query = PageQuery(request, context: context)
            let profile = try query.profile()
            if let change = await history.popLast(profile: profile) {
                do {
                    try await Blocking.run { [recommender] in try Self.revert(change, profile: profile, library: recommender.library) }
                } catch {
                    await history.record(change, profile: profile)
                    throw error
                }
            }
            return PageResponse.seeOther(query.localPath(fallback: Paths.shortlist(profile: profile)))
        }
    }

    /// Stores `verdict` (`nil` clears) and returns what changed, for undo (`nil` when nothing did).
    static func rate(_ id: ArxivID, _ verdict: Rating?, profile: String, library: Library) throws -> RatingHistory.Change? {
        guard let paper = try library.paper(id) else {
            throw WebError.notFound("\(id.base) is not in the library, so it cannot be rated here: `arxrec rate \(id.base) like` fetches it")
        }
        let before = try library.rating(of: paper.id, profile: profile)
        if let verdict {
            try library.rate(paper.id, verdict, profile: profile)
        } else {
            try library.clearRating(paper.id, profile: profile)
        }
        guard before != verdict else { return nil }
        return .rating(id: paper.id.unversioned, title: paper.title, before: before, after: verdict)
    }

    /// Puts back the state before `change`.
    static func revert(_ change: RatingHistory.Change, profile: String, library: Library) throws {
        switch change {
        case .rating(let id, _, let before, _):
            if let before {
                try library.rate(id, before, profile: profile)
            } else {
                try library.clearRating(id, profile: profile)
            }
        case .reset(let removed):
            try library.restoreRatings(removed, profile: profile)
        }
    }
}
