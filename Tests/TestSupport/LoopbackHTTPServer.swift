public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real HTTP/1.1 server on 127.0.0.1 for testing network clients without mocking the URL session.
///
/// It binds an ephemeral port (port 0, read back with `getsockname`), accepts connections on one
/// background thread and answers each request with `Connection: close`, so every request arrives on
/// its own connection and its arrival time is the moment it was accepted. Answers come from routes
/// (path plus an optional query) that can be scripted as a sequence: the n-th request to a route gets
/// the n-th response, and the last response repeats. A ``Response/noAnswer`` response keeps the
/// connection open without a byte until ``stop()``, which is how a test provokes a client timeout.
///
/// Every request is recorded (arrival, method, path, query, headers) so a test can check what the
/// client actually sent and how far apart its requests came. ``stop()`` (also run on deinit) ends
/// the thread and closes every socket it opened.
public final class LoopbackHTTPServer: @unchecked Sendable {
    /// What the server answers to one request.
    public struct Response: Sendable {
        public var status: Int
        public var headers: [(name: String, value: String)]
        public var body: Data
        /// Whether to hold the connection open and never answer (until the server stops).
        public var neverAnswers: Bool

        public init(status: Int, headers: [(name: String, value: String)] = [], body: Data = Data()) {
            self.status = status
            self.headers = headers
            self.body = body
            self.neverAnswers = false
        }

        /// `200 OK` with the given body and content type.
        public static func ok(_ body: Data, contentType: String = "application/xml; charset=utf-8") -> Response {
            Response(status: 200, headers: [("Content-Type", contentType)], body: body)
        }

        /// A response with the given status and a short plain-text body.
        public static func status(_ status: Int, headers: [(name: String, value: String)] = [], text: String = "")
            -> Response
        {
            Response(status: status, headers: [("Content-Type", "text/plain")] + headers, body: Data(text.utf8))
        }

        /// Accepts the request and never answers: the client has to time out.
        public static var noAnswer: Response {
            var response = Response(status: 0)
            response.neverAnswers = true
            return response
        }
    }

    /// One request as the server received it.
    public struct Request: Sendable {
        /// When the connection was accepted.
        public var arrival: ContinuousClock.Instant
        public var method: String
        /// The path, percent-decoded, e.g. `/api/query`.
        public var path: String
        /// The raw query string after `?`, or `nil`.
        public var query: String?
        /// Header values by lower-cased name.
        public var headers: [String: String]

        public var userAgent: String? { headers["user-agent"] }

        /// The query's parameters, percent-decoded (`+` is left as is); later duplicates win.
        public var queryItems: [String: String] { LoopbackHTTPServeLoop.decodeQuery(query) }
    }

    /// Why the server could not start.
    public struct StartError: Error, CustomStringConvertible {
        public var call: String
        public var errno: Int32
        public var description: String { "loopback HTTP server: \(call) failed: \(String(cString: strerror(errno)))" }
    }

    /// The port the server listens on.
    public let port: UInt16
    private let loop: LoopbackHTTPServeLoop

    /// Binds 127.0.0.1 on an ephemeral port and starts serving on a background thread.
    public init() throws {
        loop = try LoopbackHTTPServeLoop()
        port = loop.port
        let loop = self.loop
        let thread = Thread { loop.run() }
        thread.name = "LoopbackHTTPServer:\(port)"
        thread.start()
    }

    /// The serving thread holds only the loop, not the server, so dropping the server stops it.
    deinit { loop.stop() }

    /// `http://127.0.0.1:<port>`.
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// `http://127.0.0.1:<port><path>`, e.g. `url("/rss/")`.
    public func url(_ path: String) -> URL { URL(string: "http://127.0.0.1:\(port)\(path)")! }

    /// Answers requests to `path` whose query has exactly the parameters `query` (any order, decoded)
    /// — or any query when `query` is `nil` — with `responses` in turn, repeating the last one.
    /// Routes with a query are tried before routes without one; unrouted requests get 404.
    public func route(_ path: String, query: [String: String]? = nil, _ responses: Response...) {
        precondition(!responses.isEmpty, "a route needs at least one response")
        loop.add(LoopbackHTTPServeLoop.Route(path: path, query: query, responses: responses))
    }

    /// Every request received so far, in arrival order.
    public var requests: [Request] { loop.requests }

    /// Stops accepting, closes held and listening sockets and waits for the serving thread to end.
    /// Safe to call more than once.
    public func stop() { loop.stop() }

    /// A TCP port on 127.0.0.1 that nothing listens on (bound, read back, then closed), for testing
    /// how a client reports a refused connection.
    public static func closedPort() throws -> UInt16 {
        let (fd, port) = try LoopbackHTTPServeLoop.bindLoopback()
        close(fd)
        return port
    }
}
