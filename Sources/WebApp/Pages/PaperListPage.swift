import ArxivFormats
import Library
import Recommender

/// A page of papers found for something — a paper's similar papers, a search's results — each a compact
/// card with its similarity and rating form; the paper itself on top when there is one.
struct PaperListPage {
    struct Content: Sendable {
        /// The paper whose neighbours these are (the paper page), or `nil` (search).
        var subject: StoredPaper?
        var found: [Found] = []
        /// The library has no text to compare (a Chinese-only paper is compared with Chinese papers only).
        var note: String?
        var ratings: [String: Rating] = [:]
        var profiles: [String] = []
    }

    struct Found: Sendable {
        var paper: StoredPaper
        var similarity: Float
    }

    let content: Content
    let profile: String
    let session: String
    let undo: RatingHistory.Change?
    let address: PageURL
    var searchText = ""

    /// The paper page: the paper, then what is like it.
    var paperHTML: HTML {
        guard let subject = content.subject else { return "" }
        let card = PaperCard(
            paper: subject, rating: content.ratings[subject.id.base], profile: profile, session: session, back: address)
        let main: HTML = """
            \(UndoBar(change: undo, profile: profile, session: session, back: address).html)
            \(card.html)
            <section class="similar">
            <h2>Similar papers in your library</h2>
            \(note)\(list)
            </section>
            """
        return Layout(title: ReadableLaTeX.text(subject.title), profile: profile, profiles: content.profiles, section: .paper)
            .page(main)
    }

    /// The search page: the box's text and what the library holds nearest to it.
    var searchHTML: HTML {
        let heading: HTML = searchText.isEmpty
            ? "<h1>Search</h1><p class=\"summary\">Type words from a title or abstract into the box above: the library's nearest papers come back, to like or to read.</p>"
            : "<h1>Search <q>\(searchText)</q></h1>"
        let main: HTML = """
            \(heading)
            \(UndoBar(change: undo, profile: profile, session: session, back: address).html)
            \(note)\(searchText.isEmpty ? "" : list)
            """
        var layout = Layout(title: searchText.isEmpty ? "Search" : "Search: \(searchText)", profile: profile,
                            profiles: content.profiles, section: .search)
        layout.searchText = searchText
        return layout.page(main)
    }

    private var note: HTML { content.note.map { note -> HTML in "<p class=\"note\">\(note)</p>" } ?? "" }

    private var list: HTML {
        guard !content.found.isEmpty else { return "<p class=\"empty\">Nothing found.</p>" }
        let cards = content.found.map { found -> HTML in
            let card = PaperCard(
                paper: found.paper, rating: content.ratings[found.paper.id.base], similarity: found.similarity,
                abstractOpen: false, profile: profile, session: session, back: address)
            return "<li>\(card.html)</li>"
        }
        return "<ol class=\"papers\">\(cards)</ol>"
    }
}
