import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP answer, reduced to what the retry logic and the parsers need.
struct HTTPReply: Sendable {
    var status: Int
    /// The raw `Retry-After` header, if any.
    var retryAfter: String?
    var body: Data
}

/// Why a single GET produced no HTTP answer.
enum TransportFailure: Error {
    /// The host could not be reached: refused, unknown host, no network.
    case unreachable(String)
    /// No answer within the timeout.
    case timedOut
    /// The connection broke mid-way (worth a retry).
    case connectionLost(String)
    /// Anything else URLSession reports.
    case other(String)
}

/// A single GET through `URLSession`, without retries or pacing (``ArxivClient`` adds those).
///
/// One session per client, ephemeral (no cookies, no cache: every listing must be fresh), with the
/// configured timeout as both the idle and the whole-request limit. The session is invalidated
/// when the last copy of the client goes away.
struct HTTPTransport: Sendable {
    private final class SessionOwner: Sendable {
        let session: URLSession
        init(session: URLSession) { self.session = session }
        deinit { session.finishTasksAndInvalidate() }
    }

    private let owner: SessionOwner
    private let userAgent: String
    private let timeout: TimeInterval

    init(userAgent: String, timeout: Duration) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpShouldSetCookies = false
        configuration.timeoutIntervalForRequest = timeout.timeInterval
        configuration.timeoutIntervalForResource = timeout.timeInterval
        owner = SessionOwner(session: URLSession(configuration: configuration))
        self.userAgent = userAgent
        self.timeout = timeout.timeInterval
    }

    func get(_ url: URL) async throws -> HTTPReply {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = "GET"
        request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await owner.session.data(for: request)
        } catch let error as URLError {
            throw Self.classify(error)
        }
        guard let http = response as? HTTPURLResponse else {
            throw TransportFailure.other("the answer is not an HTTP response")
        }
        return HTTPReply(status: http.statusCode, retryAfter: http.value(forHTTPHeaderField: "Retry-After"), body: data)
    }

    private static func classify(_ error: URLError) -> any Error {
        let reason = error.localizedDescription
        switch error.code {
        case .timedOut:
            return TransportFailure.timedOut
        case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet,
            .internationalRoamingOff, .dataNotAllowed, .callIsActive:
            return TransportFailure.unreachable(reason)
        case .networkConnectionLost:
            return TransportFailure.connectionLost(reason)
        case .cancelled:
            return CancellationError()
        default:
            return TransportFailure.other(reason)
        }
    }
}
