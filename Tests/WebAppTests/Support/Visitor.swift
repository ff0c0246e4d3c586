import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// A browser's part in a conversation with the server, over HummingbirdTesting's client: it keeps the
/// session cookie the server sets and repeats its token in the forms it posts, as the page's forms do.
struct Visitor {
    /// `name=value` of the session cookie, once the server set one.
    var cookie: String?
    /// The Host header to send, or `nil` for the test client's own.
    var host: String?

    /// The session token (the cookie's value), which every form of the page repeats.
    var token: String? { cookie?.split(separator: "=", maxSplits: 1).last.map(String.init) }

    mutating func get(_ client: some TestClientProtocol, _ uri: String) async throws -> TestResponse {
        let response = try await client.executeRequest(uri: uri, method: .get, headers: headers(), body: nil)
        remember(response)
        return response
    }

    /// Posts `fields` as a form, with the session token unless `token` says otherwise.
    func post(
        _ client: some TestClientProtocol, _ uri: String, _ fields: [(String, String)], token: String?? = .none,
        extraHeaders: HTTPFields = [:]
    ) async throws -> TestResponse {
        let sent = token ?? self.token
        var all = fields
        if let sent { all.insert(("token", sent), at: 0) }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var headers = headers()
        headers[.contentType] = "application/x-www-form-urlencoded"
        headers.append(contentsOf: extraHeaders)
        return try await client.executeRequest(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    private func headers() -> HTTPFields {
        var headers = HTTPFields()
        if let cookie { headers[.cookie] = cookie }
        return headers
    }

    private mutating func remember(_ response: TestResponse) {
        guard let setCookie = response.headers[.setCookie], let pair = setCookie.split(separator: ";").first else { return }
        cookie = String(pair)
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}

/// Reading what a page shows, the way the browser test reads the DOM.
enum PageText {
    /// The `data-id`s of the cards inside the first element opened by `marker`, in page order.
    static func ids(in html: String, after marker: String, until end: String = "</ol>") -> [String] {
        guard let start = html.range(of: marker) else { return [] }
        let rest = html[start.upperBound...]
        let section = rest.range(of: end).map { rest[..<$0.lowerBound] } ?? rest
        return section.components(separatedBy: "data-id=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
    }

    static func rankedIDs(_ html: String) -> [String] { ids(in: html, after: "<ol class=\"papers ranked\">") }
    static func ratedIDs(_ html: String) -> [String] { ids(in: html, after: "<section class=\"rated\">", until: "</section>") }

    /// Every value of the hidden `token` fields.
    static func tokens(_ html: String) -> Set<String> {
        Set(html.components(separatedBy: "name=\"token\" value=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) })
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
