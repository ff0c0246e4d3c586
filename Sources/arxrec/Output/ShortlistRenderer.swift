import ArxivFormats
import Foundation
import Recommender

/// Renders a shortlist as a terminal table, digest-style markdown, JSON, a mail-safe HTML page or an Atom feed.
struct ShortlistRenderer {
    let shortlist: Shortlist
    /// Where `arxrec serve` runs, for links to the rating pages (HTML and Atom); `nil`: no such links.
    var serve: ServeLinks? = nil

    func render(_ format: OutputFormat, terminal: Terminal = .current) throws -> String {
        switch format {
        case .table: return table(terminal: terminal)
        case .json: return try JSONOutput.string(shortlist)
        case .markdown: return markdown()
        case .html: return html()
        case .atom: return atom()
        }
    }

    func table(terminal: Terminal) -> String {
        guard !shortlist.items.isEmpty else {
            if let steering = shortlist.steering, steering.thin {
                return "Nothing above the bar today (\(shortlist.date), profile \(shortlist.profile)): \(steering.summary(candidates: shortlist.candidates))."
            }
            return "No candidates for \(shortlist.date) (profile \(shortlist.profile))."
        }
        let rows = shortlist.items.map { item in
            [String(item.rank), item.id, String(twoDecimals: item.score), item.title + (item.scoredOnTranslation ? " [\(item.scoredLanguage)]" : "")]
        }
        var lines = [
            terminal.bold("Shortlist \(shortlist.date) · profile \(shortlist.profile) · \(shortlist.items.count) of \(shortlist.candidates) candidates"),
            TextTable(headers: ["#", "id", "score", "title"], rows: rows, flexibleColumn: 3)
                .render(width: terminal.lineWidth, bold: terminal.bold),
            "",
        ]
        for item in shortlist.items {
            // A reason is the point of the list: on a terminal it wraps under itself, never loses its end.
            let reason = "\(item.rank). \(item.id): \(item.reasonText)"
            lines += reason.wrapped(toWidth: terminal.lineWidth.map { max(40, $0) }, indent: 4).map(terminal.dim)
        }
        if let note = shortlist.steering?.note { lines.append(note) }
        return lines.joined(separator: "\n")
    }

    /// A table in the day's language (``ShortlistWording``): on a Chinese day the digest's own layout
    /// (`# arxiv DATE`, then `| 标题 | 作者 | PDF链接 |  摘要 |`), so it can be published — and re-read by
    /// `arxrec ingest` — exactly like a digest; on an English day the same table with English headers. The
    /// authors are ``AuthorNames/line(_:)``; the reasons follow the table. Every text is
    /// ``Swift/String/markdownEscaped``; the PDF link is built from the paper's id.
    func markdown() -> String {
        let wording = ShortlistWording(shortlist)
        var lines = ["# arxiv \(shortlist.date.markdownEscaped)", "", wording.markdownTableHeader, "|------|------|--------|------|"]
        for item in shortlist.items {
            let pdf = Self.arxivID(of: item).map { "[PDF](\($0.pdfURL))" } ?? ""
            lines.append("| \(item.title.markdownEscaped) | \(AuthorNames.line(item.authors).markdownEscaped) | \(pdf) | \(item.abstract.markdownEscaped) |")
        }
        lines += ["", "## \(wording.reasonsHeading(profile: shortlist.profile).markdownEscaped)", ""]
        for item in shortlist.items {
            lines.append("\(item.rank). **\(item.id.markdownEscaped)** (score \(String(twoDecimals: item.score))): \(item.reasonText.markdownEscaped)")
        }
        if let note = shortlist.steering?.note { lines += ["", note] }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The item's arXiv id with its version, the only source of a link in published output; `nil` for an
    /// id that does not parse (never the case for a shortlist the recommender made).
    static func arxivID(of item: ShortlistItem) -> ArxivID? {
        try? ArxivID(parsing: item.id + (item.version ?? ""))
    }

    /// The mail-safe page (``ShortlistHTMLPage``).
    func html() -> String { ShortlistHTMLPage(shortlist: shortlist, serve: serve).html() }

    /// A feed of this one shortlist (``ShortlistFeed``); `daily` writes one over several days.
    func atom() -> String { ShortlistFeed(profile: shortlist.profile, shortlists: [shortlist], serve: serve).document() }
}
