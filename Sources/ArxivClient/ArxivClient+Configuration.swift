public import Foundation

extension ArxivClient {
    /// Where arxrec fetches from and how politely.
    ///
    /// The defaults follow arXiv's API terms of use: one request every three seconds from one
    /// client, a User-Agent that says who is asking, and patience when the server says it is busy.
    /// Tests point the base URLs at a server on 127.0.0.1 and shorten the intervals.
    public struct Configuration: Sendable {
        /// The arXiv API query endpoint (Atom), e.g. `https://export.arxiv.org/api/query`.
        public var apiBaseURL: URL
        /// The RSS listing base; a category's listing is `<rssBaseURL><category>`.
        public var rssBaseURL: URL
        /// The OAI-PMH endpoint.
        public var oaiBaseURL: URL
        /// Sent with every request; arXiv asks automated clients to identify themselves.
        public var userAgent: String
        /// Minimum time between the starts of consecutive requests, across every call of one client.
        public var minimumInterval: Duration
        /// How long one request may take before it counts as timed out.
        public var timeout: Duration
        /// Retries after a 503, 429, other 5xx, a timeout or a dropped connection; 0 disables retrying.
        public var maxRetries: Int
        /// Ids per API request (`id_list`); arXiv serves at most 2,000 results per call.
        public var batchSize: Int
        /// The first backoff delay when the server gives no `Retry-After`; doubled on each retry.
        public var initialBackoff: Duration
        /// The longest backoff delay.
        public var maxBackoff: Duration
        /// The longest `Retry-After` the client honours by waiting; longer requests fail at once with
        /// an error saying when to retry, rather than leaving the user staring at a silent terminal.
        public var maxRetryAfter: Duration

        public static let defaultAPIBaseURL = URL(string: "https://export.arxiv.org/api/query")!
        public static let defaultRSSBaseURL = URL(string: "https://rss.arxiv.org/rss/")!
        public static let defaultOAIBaseURL = URL(string: "https://oaipmh.arxiv.org/oai")!

        /// `arxrec/<version> (arXiv paper recommender[; mailto:<contact>])`: the program and its version, as
        /// arXiv asks of API clients, plus a contact address when the user gives one (`ARXREC_CONTACT`).
        public static func userAgent(version: String, contact: String? = nil) -> String {
            var comment = "arXiv paper recommender"
            if let contact, !contact.isEmpty { comment += "; mailto:\(contact)" }
            return "arxrec/\(version) (\(comment))"
        }

        public init(
            apiBaseURL: URL = defaultAPIBaseURL,
            rssBaseURL: URL = defaultRSSBaseURL,
            oaiBaseURL: URL = defaultOAIBaseURL,
            userAgent: String = userAgent(version: "0.1.0"),
            minimumInterval: Duration = .seconds(3),
            timeout: Duration = .seconds(30),
            maxRetries: Int = 4,
            batchSize: Int = 100,
            initialBackoff: Duration = .seconds(5),
            maxBackoff: Duration = .seconds(120),
            maxRetryAfter: Duration = .seconds(300)
        ) {
            self.apiBaseURL = apiBaseURL
            self.rssBaseURL = rssBaseURL
            self.oaiBaseURL = oaiBaseURL
            self.userAgent = userAgent
            self.minimumInterval = minimumInterval
            self.timeout = timeout
            self.maxRetries = max(0, maxRetries)
            self.batchSize = max(1, batchSize)
            self.initialBackoff = initialBackoff
            self.maxBackoff = maxBackoff
            self.maxRetryAfter = maxRetryAfter
        }

        /// The backoff before retry number `retry` (0-based): `initialBackoff × 2^retry`, capped.
        func backoff(beforeRetry retry: Int) -> Duration {
            let factor = 1 << min(retry, 20)
            return min(initialBackoff * factor, maxBackoff)
        }
    }
}

extension Duration {
    /// The duration in seconds as a `TimeInterval` (for `URLRequest`, logs and messages).
    var timeInterval: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
