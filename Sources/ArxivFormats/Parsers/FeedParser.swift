public import Foundation

/// A parser of one whole document (a digest, an Atom/RSS feed, an OAI-PMH page) that streams its records.
///
/// Each format implements only the streaming entry point; collecting the records into a ``FeedPage`` is
/// shared here, so every format reports papers and skipped records the same way.
public protocol FeedParser {
    /// Streams the document's records to `paper`, malformed ones to `issue`; returns the document-level
    /// facts (total results, resumption token, listing date) with no papers.
    static func parse(
        _ data: Data, file: String, paper: (Paper) -> Void, issue: (ParseIssue) -> Void
    ) throws(FeedParseError) -> FeedPage
}

extension FeedParser {
    /// The whole document: its papers, the records it skipped, and its document-level facts.
    public static func parse(_ data: Data, file: String) throws(FeedParseError) -> FeedPage {
        var papers: [Paper] = []
        var issues: [ParseIssue] = []
        var page = try parse(data, file: file) { papers.append($0) } issue: { issues.append($0) }
        page.papers = papers
        page.issues = issues
        return page
    }
}
