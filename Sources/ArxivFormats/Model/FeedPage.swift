import Foundation

/// What one document of a feed format yields: its papers, the records that were skipped, and the
/// paging facts a client needs to ask for the next page.
public struct FeedPage: Sendable {
    /// The papers, in document order.
    public var papers: [Paper]
    /// Records that were skipped, each with its reason.
    public var issues: [ParseIssue]
    /// The size of the whole result set: Atom `opensearch:totalResults`, OAI-PMH `completeListSize`.
    public var totalResults: Int?
    /// The OAI-PMH resumption token; `nil` (an empty token) means this was the last page.
    public var resumptionToken: String?
    /// The listing day, `YYYY-MM-DD`: the digest's heading date, the RSS channel's `pubDate`.
    public var listingDate: String?

    public init(
        papers: [Paper] = [], issues: [ParseIssue] = [], totalResults: Int? = nil,
        resumptionToken: String? = nil, listingDate: String? = nil
    ) {
        self.papers = papers
        self.issues = issues
        self.totalResults = totalResults
        self.resumptionToken = resumptionToken
        self.listingDate = listingDate
    }
}
