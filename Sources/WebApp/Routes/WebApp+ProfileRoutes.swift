import Hummingbird
import Library
import Recommender

extension WebApp {
    /// `GET /profile`, `POST /profile/reset` (needs the `confirm` box), `POST /profiles` (create, then switch).
    func addProfileRoutes(to router: Router<WebRequestContext>) {
        router.get(RouterPath(stringLiteral: Paths.profile)) { request, context in
            let profile = try PageQuery(request, context: context).profile()
            let content = try await Blocking.run { [recommender] in
                ProfilePage.Content(
                    summary: try recommender.describeProfile(named: profile),
                    listings: try recommender.library.profileListings())
            }
            let page = ProfilePage(
                content: content, session: context.session, undo: await history.last(profile: profile),
                address: Paths.profilePage(profile))
            return PageResponse.html(page.html)
        }

        router.post(RouterPath(stringLiteral: Paths.reset)) { request, context in
            let query = PageQuery(request, context: context)
            let profile = try query.profile()
            guard query.fields["confirm"] == "yes" else {
                throw WebError.badRequest("Tick the box to confirm the reset: nothing was changed.")
            }
            let removed = try await Blocking.run { [recommender] in try recommender.library.resetProfile(profile) }
            if !removed.isEmpty { await history.record(.reset(removed: removed), profile: profile) }
            return PageResponse.seeOther(Paths.profilePage(profile).string)
        }

        router.post(RouterPath(stringLiteral: Paths.createProfile)) { request, context in
            let name = try PageQuery(request, context: context).profile("name")
            try await Blocking.run { [recommender] in try recommender.library.createProfile(name) }
            return PageResponse.seeOther(Paths.profilePage(name).string)
        }
    }
}
