import ArxivFormats
import Recommender

/// A shortlist as one HTML page that reads the same in a browser and in a mail client: every style is
/// inline (mail clients drop `<style>` and external sheets), no `<details>` (most clients show it
/// open or not at all), no script, no image, nothing loaded from outside. The page's `lang` is the day's
/// (``ShortlistWording``: a Chinese day is `zh`), an item in another language carries its own; `$…$` LaTeX
/// is made readable (``ReadableLaTeX``). Each paper links to arXiv's abstract and PDF, and to its rating
/// page when `arxrec serve`'s address is known. Every text is ``Swift/String/htmlEscaped``; every link is
/// built from an arXiv id or the checked serve address.
struct ShortlistHTMLPage {
    let shortlist: Shortlist
    var serve: ServeLinks? = nil

    /// The inline styles, one per kind of element.
    private enum Style {
        static let body = "margin:0;padding:16px;background:#ffffff;color:#222222;font-family:Helvetica,Arial,sans-serif;font-size:15px;line-height:1.45"
        static let frame = "max-width:760px;margin:0 auto"
        static let heading = "font-size:22px;margin:0 0 4px 0;color:#222222"
        static let summary = "margin:0 0 16px 0;color:#555555;font-size:14px"
        static let list = "margin:0;padding:0 0 0 24px"
        static let item = "margin:0 0 20px 0"
        static let title = "font-weight:bold;color:#1a4f9c;text-decoration:none"
        static let id = "color:#777777;font-size:13px"
        static let meta = "color:#555555;font-size:14px"
        static let links = "font-size:14px"
        static let link = "color:#1a4f9c"
        static let why = "color:#2d6a2d;font-size:14px"
        static let abstract = "margin:6px 0 0 0;font-size:15px"
    }

    func html() -> String {
        let wording = ShortlistWording(shortlist)
        let items = shortlist.items.map { item(for: $0, wording: wording) }.joined()
        let profile = shortlist.profile
        return """
        <!DOCTYPE html>
        <html lang="\(wording.language)"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>arxrec shortlist \(escape(shortlist.date)) · \(escape(profile))</title>
        </head><body style="\(Style.body)"><div style="\(Style.frame)">
        <h1 style="\(Style.heading)">\(escape(wording.pageHeading(date: shortlist.date)))</h1>
        <p style="\(Style.summary)">\(escape(wording.summary(profile: profile, shown: shortlist.items.count, candidates: shortlist.candidates))) · model \(escape(shortlist.model))</p>
        <ol style="\(Style.list)">
        \(items)</ol>
        \(shortlist.steering?.note.map { "<p style=\"\(Style.meta)\" lang=\"en\">\(escape($0))</p>" } ?? "")
        </div></body></html>

        """
    }

    private func item(for item: ShortlistItem, wording: ShortlistWording) -> String {
        let id = ShortlistRenderer.arxivID(of: item)
        let abs = id?.absURL ?? ""
        var links = ["<a href=\"\(escape(abs))\" style=\"\(Style.link)\">arXiv</a>"]
        if let id { links.append("<a href=\"\(escape(id.pdfURL))\" style=\"\(Style.link)\">PDF</a>") }
        if let serve {
            links.append("<a href=\"\(escape(serve.ratingPage(id: item.id, profile: shortlist.profile)))\" style=\"\(Style.link)\">\(escape(wording.rateLabel))</a>")
        }
        // The reasons are English sentences; the item's texts are in its own language.
        let itemLanguage = item.scoredLanguage == wording.language ? "" : " lang=\"\(escape(item.scoredLanguage))\""
        let reasonLanguage = wording.isChinese ? " lang=\"en\"" : ""
        return """
        <li style="\(Style.item)"\(itemLanguage)><a href="\(escape(abs))" style="\(Style.title)">\(escape(ReadableLaTeX.text(item.title)))</a> <span style="\(Style.id)">\(escape(item.id))</span>
        <div style="\(Style.meta)">\(escape(AuthorNames.line(item.authors))) · score \(String(twoDecimals: item.score))</div>
        <div style="\(Style.links)">\(links.joined(separator: " · "))</div>
        <div style="\(Style.why)"\(reasonLanguage)>\(escape(item.reasonText))</div>
        <p style="\(Style.abstract)">\(escape(ReadableLaTeX.text(item.abstract)))</p></li>

        """
    }

    private func escape(_ text: String) -> String { text.htmlEscaped }
}
