import ArxivFormats
import Library
import Recommender

/// One paper as every list shows it: title (a link to its page with similar papers), authors, categories,
/// day, the reason it was ranked, the abstract, arXiv's abs and PDF links, and the like / dislike / clear
/// form, which posts to ``Paths/rate`` and comes back to `back`.
struct PaperCard {
    /// Why a shortlist ranked the paper.
    struct Reason {
        /// The liked paper it is nearest to: id, title, cosine.
        var nearest: (id: String, title: String, similarity: Float)?
        var terms: [String]
        /// Scored on a translation (no English metadata).
        var scoredOnTranslation: Bool
    }

    let paper: StoredPaper
    var rank: Int?
    /// The profile's current rating of the paper.
    var rating: Rating?
    var reason: Reason?
    /// A similarity to show instead of a reason (search, similar).
    var similarity: Float?
    var abstractOpen = true
    let profile: String
    let session: String
    /// Where the rating form returns to.
    let back: PageURL

    static let authorsShown = 8

    var html: HTML {
        let id = paper.id.base
        let state: HTML = rating == .like ? " liked" : rating == .dislike ? " disliked" : ""
        let rankLabel: HTML = rank.map { rank -> HTML in "<span class=\"rank\">\(rank)</span> " } ?? ""
        return """
            <article class="paper\(state)" id="paper-\(id)" data-id="\(id)">
            <h2 class="title">\(rankLabel)<a href="\(Paths.paper(id, profile: profile))">\(ReadableLaTeX.text(paper.title))</a>\(languageTag)</h2>
            \(translatedTitle)<p class="meta">\(authors) · <span class="categories">\(paper.categories.joined(separator: ", "))</span>\(day)</p>
            \(reasonLine)\(abstract)
            <div class="actions">
            \(RatingForm(id: id, profile: profile, rating: rating, session: session, back: back).html)
            <span class="links"><a href="\(Paths.paper(id, profile: profile))">Similar</a> <a href="https://arxiv.org/abs/\(paper.id.description)" rel="noopener noreferrer">abs</a> <a href="https://arxiv.org/pdf/\(paper.id.description)" rel="noopener noreferrer">PDF</a></span>
            </div>
            </article>
            """
    }

    /// Open, or closed behind its first lines (a phone shows a whole card at a time that way).
    private var abstract: HTML {
        let text = ReadableLaTeX.text(paper.abstract)
        guard !abstractOpen else {
            return "<details class=\"abstract\" open><summary>Abstract</summary><p>\(text)</p></details>"
        }
        return """
            <details class="abstract"><summary><span class="label">Abstract</span> <span class="preview">\(Self.preview(text))</span></summary><p>\(text)</p></details>
            """
    }

    /// Characters of the abstract shown before it is opened.
    static let previewLength = 200

    /// The first ``previewLength`` characters, cut at a space, with an ellipsis when something was cut.
    static func preview(_ text: String) -> String {
        guard text.count > previewLength else { return text }
        let head = text.prefix(previewLength)
        let cut = head.lastIndex(of: " ").map { head[..<$0] } ?? head
        return cut + "…"
    }

    private var languageTag: HTML {
        paper.language == "en" ? "" : " <span class=\"tag\" title=\"known only through the digest's translation\">\(paper.language)</span>"
    }

    private var translatedTitle: HTML {
        guard let translated = paper.translatedTitle, !translated.isEmpty, translated != paper.title else { return "" }
        return "<p class=\"translation\" lang=\"\(paper.translationLanguage ?? "zh")\">\(ReadableLaTeX.text(translated))</p>\n"
    }

    private var authors: HTML {
        let shown = paper.authors.prefix(Self.authorsShown).joined(separator: ", ")
        let more = paper.authors.count > Self.authorsShown ? " et al. (\(paper.authors.count))" : ""
        return "<span class=\"authors\">\(shown + more)</span>"
    }

    private var day: HTML { paper.listedOn.map { day -> HTML in " · <time datetime=\"\(day)\">\(day)</time>" } ?? "" }

    private var reasonLine: HTML {
        if let similarity {
            return "<p class=\"why\">similarity \(String(twoDecimals: similarity))</p>\n"
        }
        guard let reason else { return "" }
        var parts: [HTML] = []
        if let nearest = reason.nearest, nearest.similarity > 0 {
            parts.append("close to <a href=\"\(Paths.paper(nearest.id, profile: profile))\">\(ReadableLaTeX.text(nearest.title))</a>, which you liked (\(String(twoDecimals: nearest.similarity)))")
        }
        if !reason.terms.isEmpty {
            let terms = reason.terms.map { term -> HTML in "<span class=\"term\">\(term)</span>" }
            parts.append("matched \(HTML.joined(terms, separator: " "))")
        }
        if reason.scoredOnTranslation { parts.append("scored on the translation: no English metadata") }
        guard !parts.isEmpty else { return "<p class=\"why\">no overlap with your ratings</p>\n" }
        return "<p class=\"why\">\(HTML.joined(parts, separator: "; "))</p>\n"
    }
}

/// Like / dislike / clear for one paper: one plain POST form (works without JavaScript), three submit
/// buttons; the pressed state shows the current rating.
struct RatingForm {
    let id: String
    let profile: String
    let rating: Rating?
    let session: String
    let back: PageURL

    var html: HTML {
        """
        <form class="rate" method="post" action="\(PageURL(Paths.rate))">
        <input type="hidden" name="\(RequestGuard.tokenField)" value="\(session)">
        <input type="hidden" name="profile" value="\(profile)">
        <input type="hidden" name="id" value="\(id)">
        <input type="hidden" name="back" value="\(back)">
        <button type="submit" name="verdict" value="like" class="like" aria-pressed="\(rating == .like ? "true" : "false")">Like</button>
        <button type="submit" name="verdict" value="dislike" class="dislike" aria-pressed="\(rating == .dislike ? "true" : "false")">Dislike</button>
        <button type="submit" name="verdict" value="clear" class="clear"\(rating == nil ? " disabled" : "")>Clear</button>
        </form>
        """
    }
}
