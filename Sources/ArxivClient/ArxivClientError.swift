public import Foundation

/// Why a fetch from arXiv failed. Each message is one line that names the request and says what
/// to do; ``isOffline`` lets the CLI say "offline" instead of blaming arXiv.
public enum ArxivClientError: Error, Sendable, CustomStringConvertible {
    /// The host could not be reached at all (refused, DNS failure, no network).
    case offline(url: URL, reason: String)
    /// No answer within the configured timeout, on every attempt.
    case timeout(url: URL, seconds: Double, attempts: Int)
    /// An HTTP status the client does not retry, or a retryable one after all retries.
    case httpStatus(url: URL, status: Int, retries: Int)
    /// The server asked to come back later than the client is willing to wait.
    case retryAfterTooLong(url: URL, status: Int, seconds: Double, limit: Double)
    /// The arXiv API answered with its error feed, e.g. "incorrect id format for abc".
    case apiError(url: URL, message: String)
    /// The OAI-PMH endpoint answered with an `<error code=…>`.
    case oaiError(url: URL, code: String, message: String)
    /// The body is not the feed it should be.
    case malformedResponse(url: URL, reason: String)
    /// The connection failed mid-way or in an unexpected manner.
    case transport(url: URL, reason: String)
    /// An argument that cannot form a valid request (category, date, …).
    case invalidArgument(String)

    /// Whether the failure means the network or host is unreachable, not that arXiv refused.
    public var isOffline: Bool {
        if case .offline = self { return true }
        return false
    }

    /// The request's URL, when the failure concerns one.
    public var url: URL? {
        switch self {
        case .offline(let url, _), .timeout(let url, _, _), .httpStatus(let url, _, _),
            .retryAfterTooLong(let url, _, _, _), .apiError(let url, _), .oaiError(let url, _, _),
            .malformedResponse(let url, _), .transport(let url, _):
            return url
        case .invalidArgument:
            return nil
        }
    }

    public var description: String {
        switch self {
        case .offline(let url, let reason):
            return "GET \(url): cannot reach \(url.host ?? "the host") (\(reason)) — check the network connection and retry"
        case .timeout(let url, let seconds, let attempts):
            let tries = attempts == 1 ? "" : " on each of \(attempts) attempts"
            return "GET \(url): no answer within \(Self.format(seconds)) s\(tries) — arXiv is slow or unreachable, retry later"
        case .httpStatus(let url, let status, let retries):
            let after = retries > 0 ? " after \(retries) \(retries == 1 ? "retry" : "retries")" : ""
            return "GET \(url): HTTP \(status)\(after) — \(Self.advice(status))"
        case .retryAfterTooLong(let url, let status, let seconds, let limit):
            return "GET \(url): HTTP \(status) with Retry-After \(Self.format(seconds)) s, longer than the "
                + "\(Self.format(limit)) s arxrec waits — arXiv is busy, retry in \(Self.minutes(seconds))"
        case .apiError(let url, let message):
            return "GET \(url): arXiv API error: \(message) — check the ids (e.g. 2512.19693 or hep-th/9901001)"
        case .oaiError(let url, let code, let message):
            let detail = message.isEmpty ? "" : ": \(message)"
            return "GET \(url): OAI-PMH error \(code)\(detail) — check the set, dates and metadata prefix"
        case .malformedResponse(let url, let reason):
            return "GET \(url): unreadable response: \(reason) — retry later, or report it if it persists"
        case .transport(let url, let reason):
            return "GET \(url): \(reason) — retry later"
        case .invalidArgument(let message):
            return message
        }
    }

    private static func advice(_ status: Int) -> String {
        switch status {
        case 404: return "not found; check the category, set or base URL"
        case 400: return "arXiv rejected the request; check its arguments"
        case 429, 503: return "arXiv is busy, retry later"
        case 500...599: return "arXiv has a server error, retry later"
        case 401, 403: return "arXiv refused access; check the User-Agent and request rate"
        default: return "unexpected answer from arXiv"
        }
    }

    /// Seconds as "30" or "2.5"; `%.1f` (which never traps) for a value no Int holds exactly.
    private static func format(_ seconds: Double) -> String {
        guard let whole = Int(exactly: seconds) else { return String(format: "%.1f", seconds) }
        return String(whole)
    }

    /// A wait as "45 s" or "7 min", rounded up; `%.0f` beyond what an Int holds.
    private static func minutes(_ seconds: Double) -> String {
        let (value, unit) = seconds < 120 ? (seconds.rounded(.up), "s") : ((seconds / 60).rounded(.up), "min")
        guard let whole = Int(exactly: value) else { return String(format: "%.0f", value) + " " + unit }
        return "\(whole) \(unit)"
    }
}
