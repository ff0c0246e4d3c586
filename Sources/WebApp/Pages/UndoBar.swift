import ArxivFormats
import Library

/// "You liked ‘…’ · Undo": the last change the page made for the profile, and the form that reverts it.
struct UndoBar {
    let change: RatingHistory.Change?
    let profile: String
    let session: String
    let back: PageURL

    var html: HTML {
        guard let change else { return "" }
        let what: HTML
        switch change {
        case .rating(_, let title, _, let after):
            let verb = after == .like ? "liked" : after == .dislike ? "disliked" : "cleared your rating of"
            what = "You \(verb) <q>\(ReadableLaTeX.text(title))</q>."
        case .reset(let removed):
            what = "You reset the profile (\(removed.count) rating\(removed.count == 1 ? "" : "s") removed)."
        }
        return """
            <form class="undo" method="post" action="\(PageURL(Paths.undo))">
            <input type="hidden" name="\(RequestGuard.tokenField)" value="\(session)">
            <input type="hidden" name="profile" value="\(profile)">
            <input type="hidden" name="back" value="\(back)">
            <span>\(what)</span><button type="submit">Undo</button>
            </form>
            """
    }
}
