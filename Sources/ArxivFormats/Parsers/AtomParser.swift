public import Foundation

/// Reads arXiv API responses (`export.arxiv.org/api/query`, Atom 1.0) and the Atom flavour of the
/// daily listings (`rss.arxiv.org/atom/<cat>`).
///
/// Mapping: entry `<id>` (`http://arxiv.org/abs/2104.12255v1`, or `oai:arXiv.org:…` in listings) →
/// ``Paper/id`` with its version; `<published>`/`<updated>` → dates; `arxiv:primary_category` first,
/// then the other `<category term>`s without duplicates; `<author><name>` in order. The API reports
/// errors (e.g. a malformed id) as a feed whose single entry has an `…/api/errors#…` id: that becomes
/// ``FeedParseError/apiError(file:message:)`` with the API's own message.
public enum AtomParser: FeedParser {
    static let atomNamespace = "http://www.w3.org/2005/Atom"

    /// Streams the entries to `paper`/`issue`; returns the feed-level facts (no papers).
    public static func parse(
        _ data: Data, file: String, paper: (Paper) -> Void, issue: (ParseIssue) -> Void
    ) throws(FeedParseError) -> FeedPage {
        var totalResults: Int?
        try XMLRecordStream(recordName: "entry", file: file).parse(data) { root throws(FeedParseError) in
            guard root.name == "feed" else {
                throw .unexpectedDocument(file: file, expected: "an Atom <feed>", found: "<\(root.name)>")
            }
        } outside: { element in
            if element.name == "totalResults", let value = Int(element.text.trimmed) { totalResults = value }
        } record: { entry throws(FeedParseError) in
            let rawID = entry.text(of: "id") ?? ""
            if rawID.contains("arxiv.org/api/errors") {
                let message = entry.text(of: "summary")?.collapsingWhitespace ?? rawID
                throw .apiError(file: file, message: message)
            }
            switch makePaper(entry) {
            case .success(let value): paper(value)
            case .failure(let error): issue(ParseIssue(file: file, line: entry.line, message: error.message))
            }
        }
        return FeedPage(totalResults: totalResults)
    }

    static func makePaper(_ entry: MarkupElement) -> Result<Paper, RecordError> {
        guard let rawID = entry.text(of: "id") else { return .failure("entry has no <id>") }
        guard let id = try? ArxivID(parsing: ListingText.stripOAIPrefix(rawID)) else {
            return .failure("entry id '\(rawID.excerpt)' is not an arXiv id")
        }
        var categories: [String] = []
        if let primary = entry.child("primary_category")?.attributes["term"] { categories.append(primary) }
        categories += entry.children("category").compactMap { $0.attributes["term"] }
        var authors = entry.children("author").compactMap { $0.text(of: "name") }
        // Listing feeds name authors in one `dc:creator` instead of `<author>` elements.
        if authors.isEmpty {
            authors = entry.children("creator").flatMap { AuthorList.split($0.text) }
        }
        let paper = Paper(
            id: id, title: entry.text(of: "title") ?? "",
            abstract: ListingText.abstract(fromDescription: entry.text(of: "summary") ?? ""),
            authors: authors, categories: categories,
            published: entry.text(of: "published").flatMap(ArxivDate.iso8601),
            updated: entry.text(of: "updated").flatMap(ArxivDate.iso8601),
            language: "en", source: .atom)
        guard !paper.title.isEmpty else { return .failure("entry \(id) has no title") }
        return .success(paper)
    }
}

/// Why one record was skipped; becomes a ``ParseIssue`` message.
struct RecordError: Error, ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    let message: String
    init(_ message: String) { self.message = message }
    init(stringLiteral value: String) { message = value }
    init(stringInterpolation: DefaultStringInterpolation) { message = String(stringInterpolation: stringInterpolation) }
}
