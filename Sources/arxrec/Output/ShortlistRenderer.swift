import ArxivFormats
import Foundation
import Recommender

/// Renders a shortlist as a terminal table, digest-style markdown, JSON or a self-contained HTML page.
struct ShortlistRenderer {
    let shortlist: Shortlist

    func render(_ format: OutputFormat, terminal: Terminal = .current) throws -> String {
        switch format {
        case .table: return table(terminal: terminal)
        case .json: return try JSONOutput.string(shortlist)
        case .markdown: return markdown()
        case .html: return html()
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

    /// The digest's own layout (`# arxiv DATE`, then `| 标题 | 作者 | PDF链接 |  摘要 |`), so the shortlist
    /// can be published — and re-read by `arxrec ingest` — exactly like a digest; the reasons follow the table.
    /// Every text is ``Swift/String/markdownEscaped``; the PDF link is built from the paper's id.
    func markdown() -> String {
        var lines = ["# arxiv \(shortlist.date.markdownEscaped)", "", "| 标题 | 作者 | PDF链接 |  摘要 |", "|------|------|--------|------|"]
        for item in shortlist.items {
            let pdf = Self.arxivID(of: item).map { "[PDF](https://arxiv.org/pdf/\($0))" } ?? ""
            lines.append("| \(item.title.markdownEscaped) | \((item.authors.first ?? "").markdownEscaped) | \(pdf) | \(item.abstract.markdownEscaped) |")
        }
        lines += ["", "## Why these papers (profile \(shortlist.profile.markdownEscaped))", ""]
        for item in shortlist.items {
            lines.append("\(item.rank). **\(item.id.markdownEscaped)** (score \(String(twoDecimals: item.score))): \(item.reasonText.markdownEscaped)")
        }
        if let note = shortlist.steering?.note { lines += ["", note] }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The item's arXiv id with its version, the only source of a link in published output; `nil` for an
    /// id that does not parse (never the case for a shortlist the recommender made).
    private static func arxivID(of item: ShortlistItem) -> ArxivID? {
        try? ArxivID(parsing: item.id + (item.version ?? ""))
    }

    func html() -> String {
        var body = ""
        for item in shortlist.items {
            body += """
            <li><a href="\((Self.arxivID(of: item)?.absURL ?? "").htmlEscaped)">\(escape(item.title))</a> <span class="id">\(escape(item.id))</span>
            <div class="meta">\(escape(item.authors.prefix(3).joined(separator: ", ")))\(item.authors.count > 3 ? " et al." : "") · score \(String(twoDecimals: item.score))</div>
            <div class="why">\(escape(item.reasonText))</div>
            <details><summary>Abstract</summary><p>\(escape(item.abstract))</p></details></li>

            """
        }
        return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <title>arxrec shortlist \(escape(shortlist.date)) · \(escape(shortlist.profile))</title>
        <style>
        body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#222}
        li{margin-bottom:1.1rem} a{font-weight:600;text-decoration:none;color:#1a4f9c} .id{color:#777;font-size:.85em}
        .meta{color:#555;font-size:.9em} .why{color:#2d6a2d;font-size:.9em}
        </style></head><body>
        <h1>Shortlist for \(escape(shortlist.date))</h1>
        <p>Profile <b>\(escape(shortlist.profile))</b> · \(shortlist.items.count) of \(shortlist.candidates) candidates · model \(escape(shortlist.model))</p>
        <ol>
        \(body)</ol>
        \(shortlist.steering?.note.map { "<p>\(escape($0))</p>" } ?? "")
        </body></html>

        """
    }

    private func escape(_ text: String) -> String { text.htmlEscaped }
}
