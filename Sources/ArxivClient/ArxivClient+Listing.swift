public import ArxivFormats
import Foundation

extension ArxivClient {
    /// Fetches a category's RSS listing of the latest announcement day, `<rssBaseURL><category>`,
    /// e.g. `https://rss.arxiv.org/rss/cs.CV` (several categories join with `+`: `cs.CV+cs.AI`).
    ///
    /// The listing holds new submissions, cross-lists and replacements of that day; its
    /// ``FeedPage/listingDate`` is the announcement day. On days without an announcement
    /// (weekends, holidays) arXiv serves an empty channel, so the page has no papers.
    public func listing(category: String) async throws -> FeedPage {
        let category = category.trimmingCharacters(in: .whitespaces)
        guard !category.isEmpty,
              category.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || ".-+".unicodeScalars.contains($0)) })
        else {
            throw ArxivClientError.invalidArgument(
                "'\(category)' is not an arXiv category: expected e.g. cs.CV, math.AG or cs.CV+cs.AI")
        }
        let url = configuration.rssBaseURL.appendingPathComponent(category)
        let body = try await get(url)
        let page: FeedPage
        do {
            page = try RSSParser.parse(body, file: url.absoluteString)
        } catch {
            throw ArxivClientError.malformedResponse(url: url, reason: error.description)
        }
        report(page.issues)
        return page
    }
}

extension ArxivClient {
    /// The papers of `category` announced on a past `day` (`YYYY-MM-DD`), which RSS no longer serves:
    /// an OAI-PMH harvest of the category's archive (`cs` for `cs.CV`) for that datestamp, kept to the
    /// records listed in `category`.
    public func announcements(category: String, on day: String) async throws -> [Paper] {
        let archive = String(category.prefix { $0 != "." })
        var papers: [Paper] = []
        _ = try await harvest(set: archive, from: day, until: day) { page in
            papers += page.filter { $0.categories.contains(category) }
        }
        return papers
    }
}
