public import ArxivFormats
import Foundation
import Logging

extension ArxivClient {
    /// Fetches papers by id from the arXiv API (`id_list`), ``Configuration/batchSize`` ids per
    /// request with `max_results` equal to the batch's size.
    ///
    /// Duplicate ids are asked for once. A versioned id (`2104.12255v1`) returns that version; an
    /// unversioned one the latest. Ids arXiv does not know are absent from the result (and logged),
    /// as the API omits them without an error; ids it cannot parse make it answer with its error
    /// feed, which becomes ``ArxivClientError/apiError(url:message:)`` naming the id.
    ///
    /// - Returns: the papers in the order the API lists them, batch after batch.
    public func fetch(ids: [ArxivID]) async throws -> [Paper] {
        var seen = Set<ArxivID>()
        let unique = ids.filter { seen.insert($0).inserted }
        var papers: [Paper] = []
        for start in stride(from: 0, to: unique.count, by: configuration.batchSize) {
            let batch = Array(unique[start..<min(start + configuration.batchSize, unique.count)])
            papers += try await fetchBatch(batch)
        }
        return papers
    }

    private func fetchBatch(_ batch: [ArxivID]) async throws -> [Paper] {
        let url = configuration.apiBaseURL.appendingQuery([
            ("id_list", batch.map(\.description).joined(separator: ",")),
            ("start", "0"),
            ("max_results", String(batch.count)),
        ])
        let reply = try await send(url)
        // The API answers a malformed id with HTTP 400 and an Atom error feed worth reading.
        guard (200..<300).contains(reply.status) || reply.status == 400 else {
            throw ArxivClientError.httpStatus(url: url, status: reply.status, retries: 0)
        }
        let page: FeedPage
        do {
            page = try AtomParser.parse(reply.body, file: url.absoluteString)
        } catch .apiError(_, let message) {
            throw ArxivClientError.apiError(url: url, message: message)
        } catch {
            if reply.status == 400 { throw ArxivClientError.httpStatus(url: url, status: 400, retries: 0) }
            throw ArxivClientError.malformedResponse(url: url, reason: error.description)
        }
        guard (200..<300).contains(reply.status) else {
            throw ArxivClientError.httpStatus(url: url, status: reply.status, retries: 0)
        }
        report(page.issues)
        let found = Set(page.papers.map(\.id.base))
        let missing = batch.filter { !found.contains($0.base) }
        if !missing.isEmpty {
            log?.notice("arXiv has no paper for \(missing.map(\.description).joined(separator: ", "))")
        }
        return page.papers
    }

    /// Logs the records a parser skipped; the rest of the page is still used.
    func report(_ issues: [ParseIssue]) {
        for issue in issues { log?.warning("skipped: \(issue)") }
    }
}
