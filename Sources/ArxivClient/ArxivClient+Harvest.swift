public import ArxivFormats
import Foundation
import Logging

extension ArxivClient {
    /// Harvests a set with OAI-PMH `ListRecords`, following resumption tokens to the last page.
    ///
    /// The first request names `metadataPrefix`, `set`, `from` and `until`; each later one only the
    /// `resumptionToken`, as the protocol requires. arXiv's endpoint paces harvesters with
    /// `503 Retry-After`, which the client honours like any other request. A range with no records
    /// (`noRecordsMatch`) harvests nothing without an error.
    ///
    /// - Parameters:
    ///   - set: an arXiv OAI set, e.g. `cs` or `physics:hep-th`.
    ///   - from: the first datestamp, `YYYY-MM-DD`.
    ///   - until: the last datestamp, `YYYY-MM-DD`, or `nil` for today.
    ///   - prefix: `arXiv` or `arXivRaw` (the formats ``OAIPMHParser`` reads).
    ///   - page: receives each page's papers as soon as it is parsed (so a long harvest can be
    ///     stored page by page); an error it throws stops the harvest.
    /// - Returns: the number of papers harvested.
    public func harvest(
        set: String, from: String, until: String?, prefix: String = "arXiv", page: ([Paper]) throws -> Void
    ) async throws -> Int {
        try Self.validateHarvest(set: set, from: from, until: until, prefix: prefix)
        var query: [(name: String, value: String)] = [
            ("verb", "ListRecords"), ("metadataPrefix", prefix), ("set", set), ("from", from),
        ]
        if let until { query.append(("until", until)) }
        var url = configuration.oaiBaseURL.appendingQuery(query)
        var tokensSeen = Set<String>()
        var count = 0
        while true {
            let body = try await get(url)
            let parsed: FeedPage
            do {
                parsed = try OAIPMHParser.parse(body, file: url.absoluteString)
            } catch .oaiError(_, let code, let message) {
                throw ArxivClientError.oaiError(url: url, code: code, message: message)
            } catch {
                throw ArxivClientError.malformedResponse(url: url, reason: error.description)
            }
            report(parsed.issues)
            try page(parsed.papers)
            count += parsed.papers.count
            log?.info("harvested \(count)\(parsed.totalResults.map { " of \($0)" } ?? "") records of set \(set)")
            guard let token = parsed.resumptionToken else { return count }
            guard tokensSeen.insert(token).inserted else {
                throw ArxivClientError.malformedResponse(
                    url: url, reason: "the resumption token '\(token)' repeats, the harvest would never end")
            }
            url = configuration.oaiBaseURL.appendingQuery([("verb", "ListRecords"), ("resumptionToken", token)])
        }
    }

    private static func validateHarvest(set: String, from: String, until: String?, prefix: String) throws {
        guard !set.isEmpty, !set.contains(where: \.isWhitespace) else {
            throw ArxivClientError.invalidArgument("'\(set)' is not an OAI-PMH set: expected e.g. cs or physics:hep-th")
        }
        for date in [from] + (until.map { [$0] } ?? []) where !isDay(date) {
            throw ArxivClientError.invalidArgument("'\(date)' is not a date: expected YYYY-MM-DD, e.g. 2025-12-23")
        }
        guard ["arXiv", "arXivRaw"].contains(prefix) else {
            throw ArxivClientError.invalidArgument("'\(prefix)' is not a supported metadata prefix: use arXiv or arXivRaw")
        }
    }

    /// `YYYY-MM-DD` with a plausible month and day (OAI-PMH day granularity).
    private static func isDay(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
