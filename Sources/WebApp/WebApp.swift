public import Foundation
import HTTPTypes
public import Hummingbird
import NIOCore
import Logging
public import Recommender

/// `arxrec serve`: the library as a local web page — the day's shortlist per profile with like / dislike /
/// clear, similar papers, search and the profile — over the same library the CLI uses.
///
/// One process, one ``Recommender``: every page reads the library afresh (SQLite in WAL mode, the vector
/// file mapped per request), so `daily` and CLI commands may run beside it, and a rating is stored before
/// the response is sent. Nothing else is read or written, and nothing is fetched: a request names papers
/// only by arXiv id and pages only by fixed paths.
public struct WebApp: Sendable {
    public struct Configuration: Sendable {
        /// The address to listen on; loopback unless the user says otherwise.
        public var host: String
        /// The port; 0 picks a free one (``WebApp/application(onRunning:)`` reports which).
        public var port: Int
        /// Papers on a shortlist page.
        public var top: Int
        /// This machine's name, accepted in the Host header when listening on every interface.
        public var machineName: String

        public static let defaultHost = "127.0.0.1"
        public static let defaultPort = 8080
        public static let defaultTop = 20

        public init(
            host: String = defaultHost, port: Int = defaultPort, top: Int = defaultTop,
            machineName: String = ProcessInfo.processInfo.hostName
        ) {
            self.host = host
            self.port = port
            self.top = top
            self.machineName = machineName
        }
    }

    let recommender: Recommender
    let configuration: Configuration
    let hostPolicy: HostPolicy
    let listeningPort: ListeningPort
    let sessions = SessionTokens()
    let history = RatingHistory()

    public init(recommender: Recommender, configuration: Configuration = Configuration()) {
        var recommender = recommender
        // Pages fit profiles all day long: the weak negatives stay in memory while they are fresh.
        if recommender.weakNegativesMemo == nil { recommender.weakNegativesMemo = WeakNegativesMemo() }
        self.recommender = recommender
        self.configuration = configuration
        hostPolicy = HostPolicy(bindHost: configuration.host, machineName: configuration.machineName)
        listeningPort = ListeningPort(configuration.port)
    }

    /// The Hummingbird application; `onRunning` is told the port once the server listens.
    public func application(
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> Application<RouterResponder<WebRequestContext>> {
        var logger = Logger(label: "arxrec.serve")
        logger.logLevel = .warning
        let port = listeningPort
        let configured = configuration.port
        return Application(
            router: router(),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? configured
                await port.set(bound)
                await onRunning(bound)
            },
            logger: logger
        )
    }

    /// Serves until SIGINT or SIGTERM, then finishes the requests in flight and returns.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(onRunning: onRunning).runService()
    }

    /// Every route behind the two middlewares: ``SecureResponses`` outermost (error pages, security
    /// headers on everything), then ``RequestGuard`` (Host, method, session and CSRF token).
    func router() -> Router<WebRequestContext> {
        let router = Router(context: WebRequestContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: SecureResponses())
        router.add(middleware: RequestGuard(hostPolicy: hostPolicy, port: listeningPort, sessions: sessions))
        addAssetRoutes(to: router)
        addShortlistRoutes(to: router)
        addPaperRoutes(to: router)
        addSearchRoutes(to: router)
        addProfileRoutes(to: router)
        addRatingRoutes(to: router)
        return router
    }
}

/// The port the server listens on: the configured one until the socket is bound (port 0 becomes a real
/// port then). The Host check and the session cookie's name read it.
actor ListeningPort {
    private(set) var value: Int

    init(_ port: Int) { value = port }

    func set(_ port: Int) { value = port }
}
