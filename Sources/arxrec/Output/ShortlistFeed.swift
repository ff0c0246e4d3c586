import ArxivFormats
import Foundation
import Recommender

/// A profile's shortlists as one Atom 1.0 feed (RFC 4287), to subscribe to in a feed reader: `daily`
/// rewrites `shortlists/<profile>.atom` with the last ``days`` days, `shortlist --format atom` prints
/// one day's.
///
/// Every id is a `tag:` URI that names the profile, the day and the paper, so an entry keeps its id when
/// the feed is rewritten and a paper shortlisted on two days is two entries. Times are the day's midnight
/// UTC, so a rerun for the same days writes the same bytes. Each entry links to arXiv's abstract
/// (`alternate`) and PDF (`related`), and to the paper's rating page when `arxrec serve`'s address is known.
/// Texts are ``ReadableLaTeX`` then ``Swift/String/xmlEscaped``: no markup, no character XML forbids.
struct ShortlistFeed {
    /// How many days of shortlists a feed written by `daily` holds: a reader polling weekly misses none.
    static let days = 7

    let profile: String
    /// Newest first in the document, whatever the order here.
    let shortlists: [Shortlist]
    var serve: ServeLinks? = nil

    /// The file `daily` writes for a profile, in `shortlists/`.
    static func fileName(profile: String) -> String { "\(profile).atom" }

    /// The part of every id this feed makes: `tag:arxrec,2025:shortlist/<profile>`.
    private var tag: String { "tag:arxrec,2025:shortlist/\(profile)" }

    func document() -> String {
        let ordered = shortlists.sorted { $0.date > $1.date }
        let newest = ordered.first.map { Self.timestamp($0.date) } ?? Self.timestamp(nil)
        let language = ordered.first.map(ShortlistWording.language(of:)) ?? "en"
        var lines = [
            #"<?xml version="1.0" encoding="utf-8"?>"#,
            #"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\#(language.xmlEscaped)">"#,
            "<id>\(tag.xmlEscaped)</id>",
            "<title>arxrec shortlist · profile \(profile.xmlEscaped)</title>",
            "<subtitle>The papers arxrec ranked highest for profile \(profile.xmlEscaped), day by day.</subtitle>",
            "<updated>\(newest)</updated>",
            "<author><name>arxrec</name></author>",
            "<generator>arxrec</generator>",
        ]
        if let serve, let day = ordered.first?.date {
            lines.append(#"<link rel="alternate" type="text/html" href="\#(serve.shortlistPage(day: day, profile: profile).xmlEscaped)"/>"#)
        }
        for shortlist in ordered {
            lines += shortlist.items.flatMap { entry($0, day: shortlist.date) }
        }
        lines.append("</feed>")
        return lines.joined(separator: "\n") + "\n"
    }

    private func entry(_ item: ShortlistItem, day: String) -> [String] {
        var lines = [
            #"<entry xml:lang="\#(item.scoredLanguage.xmlEscaped)">"#,
            "<id>\("\(tag)/\(day)/\(item.id)".xmlEscaped)</id>",
            "<title type=\"text\">\(ReadableLaTeX.text(item.title).xmlEscaped)</title>",
            "<updated>\(Self.timestamp(day))</updated>",
        ]
        let (names, truncated) = AuthorNames.listed(item.authors)
        lines += names.map { "<author><name>\($0.xmlEscaped)</name></author>" }
        if truncated { lines.append("<author><name>et al.</name></author>") }
        if let id = ShortlistRenderer.arxivID(of: item) {
            lines.append(#"<link rel="alternate" type="text/html" href="\#(id.absURL.xmlEscaped)"/>"#)
            lines.append(#"<link rel="related" type="application/pdf" title="PDF" href="\#(id.pdfURL.xmlEscaped)"/>"#)
        }
        if let serve {
            let page = serve.ratingPage(id: item.id, profile: profile)
            lines.append(#"<link rel="related" type="text/html" title="Rate" href="\#(page.xmlEscaped)"/>"#)
        }
        let summary = "#\(item.rank) · score \(String(twoDecimals: item.score)) · \(item.reasonText)\n\n\(ReadableLaTeX.text(item.abstract))"
        lines.append("<summary type=\"text\">\(summary.xmlEscaped)</summary>")
        lines.append("</entry>")
        return lines
    }

    /// The day's midnight UTC in RFC 3339; the epoch for a day that does not parse (never one a
    /// shortlist carries).
    static func timestamp(_ day: String?) -> String {
        "\(day.flatMap(Day.init) ?? Day(Date(timeIntervalSince1970: 0)))T00:00:00Z"
    }
}
