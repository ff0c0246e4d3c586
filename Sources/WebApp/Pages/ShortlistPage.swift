import ArxivFormats
import Library
import Recommender

/// The day's shortlist for a profile: ranked cards, the day's papers already rated (so a click can be
/// cleared), and links to the days before and after.
struct ShortlistPage {
    /// What the library holds for the page, read in one go off the request's thread.
    struct Content: Sendable {
        var day: String?
        var days: [String] = []
        var candidateCount = 0
        /// The day's papers the profile has not rated: what was ranked.
        var unratedCount = 0
        /// The ranked items with their papers, best first.
        var ranked: [Ranked] = []
        /// The day's papers in id order when the profile has no rating to rank with.
        var unranked: [StoredPaper] = []
        /// The day's papers the profile rated.
        var rated: [StoredPaper] = []
        var ratings: [String: Rating] = [:]
        /// Titles of the liked papers that reasons name.
        var likedTitles: [String: String] = [:]
        var profiles: [String] = []
    }

    struct Ranked: Sendable {
        var paper: StoredPaper
        var item: ShortlistItem
    }

    let content: Content
    let profile: String
    let top: Int
    let session: String
    let undo: RatingHistory.Change?
    /// This page's own address, where its forms come back to.
    let address: PageURL

    var html: HTML {
        let title = content.day.map { "Shortlist \($0)" } ?? "Shortlist"
        return Layout(title: title, profile: profile, profiles: content.profiles, section: .shortlist).page(main)
    }

    private var main: HTML {
        guard let day = content.day else {
            return """
                <h1>Shortlist</h1>
                <p class="empty">The library has no papers yet: ingest a digest or listing (<code>arxrec ingest FILE</code>) or run <code>arxrec daily</code>, then reload.</p>
                """
        }
        let undoBar = UndoBar(change: undo, profile: profile, session: session, back: address).html
        return """
            <h1>Shortlist <span class="day">\(day)</span></h1>
            \(summary(day))
            \(dayNavigation(day))
            \(undoBar)
            \(list)
            \(ratedSection)
            """
    }

    private func summary(_ day: String) -> HTML {
        if content.candidateCount == 0 {
            return "<p class=\"summary empty\">No papers were announced on \(day) in the library.</p>"
        }
        if !content.unranked.isEmpty {
            return """
                <p class="summary">Profile <b>\(profile)</b> has no likes yet, so nothing is ranked: here are \(content.unranked.count) of the day's \(content.candidateCount) papers. Like a few (or <a href="\(Paths.search("", profile: profile))">search</a> for papers you know) and the list ranks itself.</p>
                """
        }
        return """
            <p class="summary">Profile <b>\(profile)</b> · \(content.ranked.count) of \(content.unratedCount) unrated papers, ranked by what you liked.</p>
            """
    }

    private func dayNavigation(_ day: String) -> HTML {
        let index = content.days.firstIndex(of: day)
        let earlier = index.flatMap { $0 > 0 ? content.days[$0 - 1] : nil } ?? content.days.last(where: { $0 < day })
        let later = index.flatMap { $0 + 1 < content.days.count ? content.days[$0 + 1] : nil } ?? content.days.first(where: { $0 > day })
        let previous: HTML = earlier.map { d -> HTML in "<a rel=\"prev\" href=\"\(Paths.shortlist(profile: profile, day: d))\">← \(d)</a>" } ?? ""
        let next: HTML = later.map { d -> HTML in "<a rel=\"next\" href=\"\(Paths.shortlist(profile: profile, day: d))\">\(d) →</a>" } ?? ""
        return """
            <nav class="days"><span class="earlier">\(previous)</span><span class="later">\(next)</span>
            <form method="get" action="\(PageURL(Paths.shortlist))">\(profileField)<input type="date" name="date" value="\(day)" aria-label="Day"><button type="submit">Go</button></form>
            </nav>
            """
    }

    private var profileField: HTML {
        profile == Library.defaultProfile ? "" : "<input type=\"hidden\" name=\"profile\" value=\"\(profile)\">"
    }

    private var list: HTML {
        if !content.unranked.isEmpty {
            let cards = content.unranked.map { paper in
                PaperCard(paper: paper, rating: nil, abstractOpen: false, profile: profile, session: session, back: address).html
            }
            return "<ol class=\"papers unranked\">\(cards.map { card -> HTML in "<li>\(card)</li>" })</ol>"
        }
        let cards = content.ranked.map { ranked -> HTML in
            let nearest = ranked.item.reason.nearest.map {
                (id: $0.id, title: content.likedTitles[$0.id] ?? $0.id, similarity: $0.similarity)
            }
            let reason = PaperCard.Reason(
                nearest: nearest, terms: ranked.item.reason.terms, scoredOnTranslation: ranked.item.scoredOnTranslation)
            let card = PaperCard(
                paper: ranked.paper, rank: ranked.item.rank, rating: content.ratings[ranked.paper.id.base], reason: reason,
                abstractOpen: false, profile: profile, session: session, back: address)
            return "<li>\(card.html)</li>"
        }
        guard !cards.isEmpty else {
            return content.candidateCount == 0 ? "" : "<p class=\"empty\">You have rated every paper of this day.</p>"
        }
        let more: HTML = content.ranked.count == top && top < PageQuery.maximumTop
            ? "<p class=\"more\"><a href=\"\(Paths.shortlist(profile: profile, day: content.day, top: min(top * 2, PageQuery.maximumTop)))\">Show more</a></p>"
            : ""
        return "<ol class=\"papers ranked\">\(cards)</ol>\(more)"
    }

    private var ratedSection: HTML {
        guard !content.rated.isEmpty else { return "" }
        let cards = content.rated.map { paper -> HTML in
            let card = PaperCard(
                paper: paper, rating: content.ratings[paper.id.base], abstractOpen: false, profile: profile,
                session: session, back: address)
            return "<li>\(card.html)</li>"
        }
        return """
            <section class="rated">
            <h2>Rated from this day</h2>
            <ul class="papers">\(cards)</ul>
            </section>
            """
    }
}
