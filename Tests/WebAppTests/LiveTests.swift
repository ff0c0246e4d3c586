import ArxivFormats
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Library
import Testing
import TestSupport
import WebApp

/// The server on a real socket (`.live`, 127.0.0.1, a free port): the Host check and the session token on
/// the wire, and the server rating and serving while the `arxrec` binary rates in the same library.
@Suite(.serialized, .tags(.slow), .skippedInQuickLoop) struct LiveTests {
    static let day = DemoLibrary.listingDay

    /// A debug build ranks a page in seconds, more while the CLI runs beside it; a hang still fails.
    static let patient = TestClient.Configuration(timeout: .seconds(180))

    func app(_ demo: DemoLibrary) -> Application<RouterResponder<WebRequestContext>> {
        WebApp(recommender: demo.recommender, configuration: .init(host: "127.0.0.1", port: 0, top: 10)).application()
    }

    /// A client that names the server as `authority` in its Host header.
    struct Wire {
        let client: TestClient
        var cookie: String?

        func send(
            _ method: HTTPRequest.Method, _ uri: String, authority: String, form: [(String, String)]? = nil,
            headers extra: HTTPFields = [:]
        ) async throws -> TestClient.Response {
            var headers = extra
            if let cookie { headers[.cookie] = cookie }
            var body: ByteBuffer?
            if let form {
                headers[.contentType] = "application/x-www-form-urlencoded"
                body = ByteBuffer(string: form.map { "\(Visitor.encode($0.0))=\(Visitor.encode($0.1))" }.joined(separator: "&"))
            }
            return try await client.execute(TestClient.Request(uri, method: method, authority: authority, headers: headers, body: body))
        }
    }

    @Test func aForeignHostOrAMissingTokenChangesNothing() async throws {
        let demo = try await offload { try DemoLibrary() }
        let paper = try #require(try demo.library.papers(listedOn: Self.day).first).id.base
        try await app(demo).test(.live) { client in
            let port = try #require(client.port)
            let own = "127.0.0.1:\(port)"
            try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: Self.patient) { testClient in
                var wire = Wire(client: testClient)
                let page = try await wire.send(.get, "/", authority: own)
                #expect(page.status == .ok)
                let setCookie = try #require(page.headers[.setCookie])
                wire.cookie = String(try #require(setCookie.split(separator: ";").first))
                let token = String(try #require(wire.cookie?.split(separator: "=").last))
                let like = [("token", token), ("id", paper), ("verdict", "like")]

                // DNS rebinding: the attacker's name in Host, with everything else right.
                let rebound = try await wire.send(.post, "/rate", authority: "attacker.example:\(port)", form: like)
                #expect(rebound.status == .forbidden)
                #expect(try await wire.send(.get, "/", authority: "attacker.example:\(port)").status == .forbidden, "reading too")
                #expect(try await wire.send(.post, "/rate", authority: "127.0.0.1:1", form: like).status == .forbidden, "another port")
                var secondHost = HTTPFields()
                secondHost.append(HTTPField(name: try #require(HTTPField.Name("Host")), value: "attacker.example"))
                let twoHosts = try await wire.send(.post, "/rate", authority: own, form: like, headers: secondHost)
                #expect(twoHosts.status == .forbidden)
                // CSRF: no token, a wrong one, another origin.
                #expect(try await wire.send(.post, "/rate", authority: own, form: Array(like.dropFirst())).status == .forbidden)
                let wrong = [("token", String(repeating: "f", count: 64))] + like.dropFirst()
                #expect(try await wire.send(.post, "/rate", authority: own, form: wrong).status == .forbidden)
                let crossSite = try await wire.send(.post, "/rate", authority: own, form: like, headers: [.origin: "http://attacker.example"])
                #expect(crossSite.status == .forbidden)
                #expect(try demo.library.rating(of: ArxivID(parsing: paper), profile: "default") == nil, "nothing changed")

                // The same request, naming this server, from its own origin.
                let accepted = try await wire.send(.post, "/rate", authority: own, form: like, headers: [.origin: "http://\(own)"])
                #expect(accepted.status == .seeOther)
                #expect(try demo.library.rating(of: ArxivID(parsing: paper), profile: "default") == .like)
                #expect(try await wire.send(.get, "/", authority: "localhost:\(port)").status == .ok)
            }
        }
    }

    @Test func theServerRatesAndServesWhileTheCommandLineRatesTheSameLibrary() async throws {
        let demo = try await offload { try DemoLibrary() }
        let papers = try demo.library.papers(listedOn: Self.day)
        let forCLI = papers.prefix(4).map(\.id.base)
        let forWeb = papers.dropFirst(4).prefix(4).map(\.id.base)
        try await app(demo).test(.live) { client in
            let port = try #require(client.port)
            let own = "127.0.0.1:\(port)"
            // The binary rates in its own process while the server takes requests.
            let cli = Task {
                try await offload {
                    forCLI.map { id in
                        (try? ArxrecProcess.run(["rate", id, "dislike", "--offline", "--data-dir", demo.path],
                                                environment: ["ARXREC_HOME": demo.path]))?.status ?? -1
                    }
                }
            }
            try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: Self.patient) { testClient in
                var wire = Wire(client: testClient)
                let first = try await wire.send(.get, "/?date=\(Self.day)", authority: own)
                wire.cookie = try #require(first.headers[.setCookie]?.split(separator: ";").first.map(String.init))
                let token = String(try #require(wire.cookie?.split(separator: "=").last))
                for id in forWeb {
                    let rated = try await wire.send(.post, "/rate", authority: own, form: [("token", token), ("id", id), ("verdict", "like")])
                    #expect(rated.status == .seeOther)
                    let page = try await wire.send(.get, "/?date=\(Self.day)", authority: own)
                    #expect(page.status == .ok)
                }
            }
            #expect(try await cli.value == [0, 0, 0, 0], "every CLI rating succeeded beside the server")
            let ratings = Dictionary(try demo.library.ratings(profile: "default").map { ($0.id.base, $0.value) }, uniquingKeysWith: { a, _ in a })
            for id in forCLI { #expect(ratings[id] == .dislike, "\(id) from the CLI") }
            for id in forWeb { #expect(ratings[id] == .like, "\(id) from the page") }
        }
    }
}
