import ArxivFormats
import Library
import Recommender

/// A profile: what it pulls up and pushes down, its ratings with titles (each can be cleared), undo, reset,
/// and every profile with a form to start another.
struct ProfilePage {
    struct Content: Sendable {
        var summary: ProfileSummary
        var listings: [ProfileListing]
    }

    let content: Content
    let session: String
    let undo: RatingHistory.Change?
    let address: PageURL

    private var profile: String { content.summary.profile }

    var html: HTML {
        let summary = content.summary
        let main: HTML = """
            <h1>Profile <span class="name">\(profile)</span></h1>
            \(UndoBar(change: undo, profile: profile, session: session, back: address).html)
            <p class="summary">\(summary.likes.count) liked, \(summary.dislikes.count) disliked · ranking rule <b>\(summary.model)</b>\(summary.weakNegatives > 0 ? " against \(summary.weakNegatives) unrated papers of the library" : "")</p>
            <section class="terms">
            <h2>Pulls up</h2>
            \(terms(summary.positiveTerms))
            <h2>Pushes down</h2>
            \(terms(summary.negativeTerms))
            </section>
            \(ratings("Liked", summary.likes, rating: .like))
            \(ratings("Disliked", summary.dislikes, rating: .dislike))
            \(resetForm)
            \(profiles)
            """
        return Layout(title: "Profile \(profile)", profile: profile, profiles: content.listings.map(\.name), section: .profile)
            .page(main)
    }

    private func terms(_ terms: [String]) -> HTML {
        guard !terms.isEmpty else { return "<p class=\"empty\">–</p>" }
        return "<p class=\"terms\">\(HTML.joined(terms.map { term -> HTML in "<span class=\"term\">\(term)</span>" }, separator: " "))</p>"
    }

    private func ratings(_ heading: String, _ papers: [ProfileSummary.RatedPaper], rating: Rating) -> HTML {
        guard !papers.isEmpty else {
            return rating == .like
                ? "<h2>\(heading)</h2><p class=\"empty\">No likes yet: like papers on the <a href=\"\(Paths.shortlist(profile: profile))\">shortlist</a> or find them with the search box.</p>"
                : ""
        }
        let items = papers.map { paper -> HTML in
            """
            <li class="rated-paper"><a href="\(Paths.paper(paper.id, profile: profile))">\(ReadableLaTeX.text(paper.title.isEmpty ? paper.id : paper.title))</a> <span class="id">\(paper.id)</span>
            \(RatingForm(id: paper.id, profile: profile, rating: rating, session: session, back: address).html)</li>
            """
        }
        return "<section class=\"ratings\"><h2>\(heading) (\(papers.count))</h2><ul>\(items)</ul></section>"
    }

    private var resetForm: HTML {
        guard !content.summary.likes.isEmpty || !content.summary.dislikes.isEmpty else { return "" }
        return """
            <section class="danger">
            <h2>Start again</h2>
            <form method="post" action="\(PageURL(Paths.reset))">
            <input type="hidden" name="\(RequestGuard.tokenField)" value="\(session)">
            <input type="hidden" name="profile" value="\(profile)">
            <label><input type="checkbox" name="confirm" value="yes" required> Forget all \(content.summary.likes.count + content.summary.dislikes.count) ratings of this profile</label>
            <button type="submit" class="reset">Reset profile</button>
            </form>
            </section>
            """
    }

    private var profiles: HTML {
        let rows = content.listings.map { listing -> HTML in
            let current: HTML = listing.name == profile ? " aria-current=\"page\"" : ""
            return "<li><a href=\"\(Paths.shortlist(profile: listing.name))\"\(current)>\(listing.name)</a> <span class=\"counts\">\(listing.likes) liked, \(listing.dislikes) disliked</span></li>"
        }
        return """
            <section class="profiles">
            <h2>Profiles</h2>
            <ul>\(rows)</ul>
            <form method="post" action="\(PageURL(Paths.createProfile))">
            <input type="hidden" name="\(RequestGuard.tokenField)" value="\(session)">
            <label>New profile <input type="text" name="name" required maxlength="64" placeholder="e.g. vision" autocomplete="off"></label>
            <button type="submit">Create</button>
            </form>
            </section>
            """
    }
}
