public import Foundation

/// Reads arXiv's daily listing feeds, `rss.arxiv.org/rss/<cat>` (RSS 2.0, since January 2024), and
/// tolerates the older RDF/RSS 1.0 listings (items are matched by local name).
///
/// Per arXiv's RSS specification an item carries `title`, `link` (abs page), `description`
/// (`arXiv:2512.19693v1 Announce Type: new \nAbstract: …`), `guid` (`oai:arXiv.org:2512.19693v1`),
/// one `category` per category, `pubDate`, `arxiv:announce_type` (new, cross, replace,
/// replace-cross), `dc:rights` and `dc:creator` (all authors, comma separated).
///
/// Mapping: id with version from the description header, else `guid`, else `link`; for `new` and
/// `cross` items ``Paper/published`` is the announcement (`pubDate`, else the channel's); for
/// replacements the first-version date is unknown, so the announcement is ``Paper/updated`` and
/// `published` stays `nil`. ``FeedPage/listingDate`` is the channel `pubDate`'s day as written.
public enum RSSParser: FeedParser {
    /// Streams the items to `paper`/`issue`; returns the channel-level facts (no papers).
    public static func parse(
        _ data: Data, file: String, paper: (Paper) -> Void, issue: (ParseIssue) -> Void
    ) throws(FeedParseError) -> FeedPage {
        var channelDate: String?
        var listingDate: String?
        try XMLRecordStream(recordName: "item", file: file).parse(data) { root throws(FeedParseError) in
            guard root.name == "rss" || root.name == "RDF" else {
                throw .unexpectedDocument(file: file, expected: "an RSS <rss> or <rdf:RDF> document", found: "<\(root.name)>")
            }
        } outside: { element in
            // Channel `pubDate` (RSS 2.0) or `dc:date` (RSS 1.0) is the announcement day.
            if (element.name == "pubDate" || element.name == "date"), channelDate == nil {
                let text = element.text.trimmed
                channelDate = text
                listingDate = ArxivDate.rfc2822Day(text) ?? ArxivDate.dayComponents(text).map(ArxivDate.dayString)
            }
        } record: { item in
            switch makePaper(item, channelDate: channelDate) {
            case .success(let value): paper(value)
            case .failure(let error): issue(ParseIssue(file: file, line: item.line, message: error.message))
            }
        }
        return FeedPage(listingDate: listingDate)
    }

    static func makePaper(_ item: MarkupElement, channelDate: String?) -> Result<Paper, RecordError> {
        let description = item.text(of: "description") ?? ""
        let candidates = [
            ListingText.id(fromDescription: description),
            item.text(of: "guid").flatMap { try? ArxivID(parsing: ListingText.stripOAIPrefix($0)) },
            item.text(of: "link").flatMap { try? ArxivID(parsing: $0) },
            item.attributes["about"].flatMap { try? ArxivID(parsing: $0) },
        ]
        guard let id = candidates.compactMap({ $0 }).first else {
            let link = item.text(of: "link") ?? item.text(of: "guid") ?? "none"
            return .failure("item has no arXiv id in its description, guid or link (\(link.excerpt))")
        }
        let announceType = item.text(of: "announce_type") ?? ListingText.announceType(fromDescription: description)
        let isReplacement = announceType?.hasPrefix("replace") == true
        let dateText = item.text(of: "pubDate") ?? item.text(of: "date") ?? channelDate
        let announced = dateText.flatMap { ArxivDate.rfc2822($0) ?? ArxivDate.iso8601($0) }

        var categories: [String] = []
        if let primary = item.child("primary_category")?.attributes["term"] { categories.append(primary) }
        categories += item.children("category").map(\.text)
        let paper = Paper(
            id: id, title: item.text(of: "title") ?? "",
            abstract: ListingText.abstract(fromDescription: description),
            authors: item.children("creator").flatMap { AuthorList.split($0.text) }, categories: categories,
            published: isReplacement ? nil : announced,
            updated: isReplacement ? announced : nil,
            language: "en", source: .rss)
        guard !paper.title.isEmpty else { return .failure("item \(id) has no title") }
        return .success(paper)
    }
}
