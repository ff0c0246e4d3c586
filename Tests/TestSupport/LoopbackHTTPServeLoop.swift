import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The socket side of ``LoopbackHTTPServer``: the accept loop, request parsing, response writing.
///
/// One thread runs ``run()``; connections are handled one at a time (each answer is small), except
/// those scripted never to answer, which are parked until ``stop()`` closes them. State shared with
/// the test's thread (routes, recorded requests, the stop flag) is guarded by one lock.
final class LoopbackHTTPServeLoop: @unchecked Sendable {
    typealias Response = LoopbackHTTPServer.Response
    typealias Request = LoopbackHTTPServer.Request

    struct Route {
        var path: String
        var query: [String: String]?
        var responses: [Response]
        var served = 0
    }

    let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var routes: [Route] = []
    private var recorded: [Request] = []
    private var heldConnections: [Int32] = []
    private var stopRequested = false
    private let finished = DispatchSemaphore(value: 0)
    private var running = true

    /// Binds and listens; ``run()`` must then be started on a thread of its own.
    init() throws {
        let (fd, port) = try Self.bindLoopback()
        guard listen(fd, 64) == 0 else {
            let code = errno
            close(fd)
            throw LoopbackHTTPServer.StartError(call: "listen", errno: code)
        }
        listener = fd
        self.port = port
    }

    func add(_ route: Route) { lock.withLock { routes.append(route) } }

    var requests: [Request] { lock.withLock { recorded } }

    /// Asks ``run()`` to end and waits until it has closed every socket; later calls return at once.
    func stop() {
        let shouldWait: Bool = lock.withLock {
            defer { running = false }
            stopRequested = true
            return running
        }
        if shouldWait { finished.wait() }
    }

    // MARK: - Serving

    /// The accept loop; returns after ``stop()``.
    func run() {
        var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
        while !lock.withLock({ stopRequested }) {
            // Wake every 20 ms to notice stop(); accept only when a connection is pending.
            guard poll(&poller, 1, 20) > 0, poller.revents & Int16(POLLIN) != 0 else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            handle(connection, arrival: .now)
        }
        let held = lock.withLock { () -> [Int32] in
            defer { heldConnections = [] }
            return heldConnections
        }
        held.forEach { close($0) }
        close(listener)
        finished.signal()
    }

    private func handle(_ connection: Int32, arrival: ContinuousClock.Instant) {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let request = readRequest(connection, arrival: arrival) else {
            close(connection)
            return
        }
        let response = lock.withLock { () -> Response in
            recorded.append(request)
            return nextResponse(for: request)
        }
        if response.neverAnswers {
            lock.withLock { heldConnections.append(connection) }
            return
        }
        write(response, to: connection)
        close(connection)
    }

    /// Picks the route's next scripted response; the caller holds the lock.
    private func nextResponse(for request: Request) -> Response {
        let items = request.queryItems
        let index = routes.firstIndex { $0.path == request.path && $0.query == items }
            ?? routes.firstIndex { $0.path == request.path && $0.query == nil }
        guard let index else {
            return .status(404, text: "no route for \(request.path)?\(request.query ?? "")")
        }
        let route = routes[index]
        routes[index].served += 1
        return route.responses[min(route.served, route.responses.count - 1)]
    }

    /// Reads the request line and headers (and a `Content-Length` body, which is discarded).
    private func readRequest(_ connection: Int32, arrival: ContinuousClock.Instant) -> Request? {
        var buffer = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        let terminator: [UInt8] = Array("\r\n\r\n".utf8)
        var headerEnd: Int?
        while headerEnd == nil, buffer.count < 1 << 16 {
            let count = recv(connection, &chunk, chunk.count, 0)
            guard count > 0 else { return nil }
            buffer.append(contentsOf: chunk[0..<count])
            headerEnd = Self.firstRange(of: terminator, in: buffer)
        }
        guard let headerEnd, let head = String(bytes: buffer[0..<headerEnd], encoding: .utf8) else { return nil }
        let lines = head.components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ")
        guard requestLine.count == 3 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
                .trimmingCharacters(in: .whitespaces)
        }
        let bodyLength = headers["content-length"].flatMap { Int($0) } ?? 0
        var bodyRead = buffer.count - headerEnd - terminator.count
        while bodyRead < bodyLength {
            let count = recv(connection, &chunk, chunk.count, 0)
            guard count > 0 else { return nil }
            bodyRead += count
        }
        let target = requestLine[1]
        let path: Substring
        let query: String?
        if let mark = target.firstIndex(of: "?") {
            path = target[..<mark]
            query = String(target[target.index(after: mark)...])
        } else {
            path = target
            query = nil
        }
        return Request(
            arrival: arrival, method: String(requestLine[0]),
            path: String(path).removingPercentEncoding ?? String(path), query: query, headers: headers)
    }

    private func write(_ response: Response, to connection: Int32) {
        var head = "HTTP/1.1 \(response.status) \(Self.reasonPhrase(response.status))\r\n"
        head += "Content-Length: \(response.body.count)\r\nConnection: close\r\n"
        for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        let bytes = Array(head.utf8) + Array(response.body)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { buffer in
                send(connection, buffer.baseAddress, buffer.count, Self.noSignal)
            }
            guard count > 0 else { return }
            sent += count
        }
        // Half-close so the client sees the end of the response before the socket goes away.
        shutdown(connection, Int32(SHUT_WR))
    }

    // MARK: - Helpers

    /// Keeps a write to a socket the client already closed from raising SIGPIPE.
    #if os(Linux)
    private static let noSignal = Int32(MSG_NOSIGNAL)
    #else
    private static let noSignal: Int32 = 0
    #endif

    static func bindLoopback() throws -> (Int32, UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LoopbackHTTPServer.StartError(call: "socket", errno: errno) }
        var reuse: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr = in_addr(s_addr: inet_addr("127.0.0.1"))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            let code = errno
            close(fd)
            throw LoopbackHTTPServer.StartError(call: "bind", errno: code)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else {
            let code = errno
            close(fd)
            throw LoopbackHTTPServer.StartError(call: "getsockname", errno: code)
        }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    private static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status \(status)"
        }
    }

    static func decodeQuery(_ query: String?) -> [String: String] {
        guard let query, !query.isEmpty else { return [:] }
        var items: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            let value = parts.count == 2 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : ""
            items[name] = value
        }
        return items
    }

    private static func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<start + needle.count]) == needle { return start }
        }
        return nil
    }
}
