import ArgumentParser
import Foundation
import Library
import WebApp

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the library as a web page on this machine, to read and rate in a browser.",
        discussion: """
        Open the address it prints. The page shows the day's shortlist for a profile (the newest day by \
        default, any earlier day by date) with each paper's authors, categories, abstract, abs/PDF links and \
        the reason it ranked; Like, Dislike and Clear store the rating at once and the rest of the list is \
        ranked again. Every paper links to its similar papers; there is a search box, a profile page (ratings, \
        what pulls papers up and pushes them down, undo, reset) and profiles to switch between or create. \
        It works without JavaScript and on a phone.

        It serves this machine only (127.0.0.1) unless --host says otherwise, never fetches from arXiv, and \
        reads and writes nothing but the library, which `daily` and other commands may use at the same time. \
        A change needs the page's session token and a Host header naming this server. Ctrl-C stops it.

        Examples:
          arxrec serve
          arxrec serve --port 8090 --top 30
          arxrec serve --host 0.0.0.0 --port 8080
        """
    )

    @OptionGroup(title: "Library") var library: LibraryOptions

    @Option(name: .long, help: ArgumentHelp("The address to listen on; anything but loopback is reachable from other machines.", valueName: "address"))
    var host = WebApp.Configuration.defaultHost

    @Option(name: .long, help: "The port to listen on (0: any free port).")
    var port = WebApp.Configuration.defaultPort

    @Option(name: .long, help: "Papers on a shortlist page (1–200).")
    var top = WebApp.Configuration.defaultTop

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port \(port) is not a port: use 0–65535") }
        guard (1...200).contains(top) else { throw ValidationError("--top \(top) is out of range: use 1–200") }
        guard !host.isEmpty, !host.contains(where: \.isWhitespace) else { throw ValidationError("--host '\(host)' is not an address") }
    }

    func run() async throws {
        let recommender = try library.openRecommender()
        if !HostPolicy.isLoopback(host) {
            printError("warning: serving on \(host): anyone who can reach this machine on that port can read your library and change your ratings; leave out --host to serve this machine only")
        }
        let app = WebApp(recommender: recommender, configuration: .init(host: host, port: port, top: top))
        let started = StartFlag()
        let shownHost = host.contains(":") ? "[\(host)]" : (host == "0.0.0.0" ? ProcessInfo.processInfo.hostName : host)
        let directory = library.resolvedDataDirectory.path
        do {
            try await app.run(onRunning: { port in
                await started.set()
                // Unbuffered: a script waiting for the address reads it at once.
                let line = "arxrec serve: http://\(shownHost):\(port)/ (library \(directory)); Ctrl-C stops\n"
                FileHandle.standardOutput.write(Data(line.utf8))
            })
        } catch {
            guard await started.value else { throw ServeError.cannotListen(host: host, port: port, reason: "\(error)") }
            throw error
        }
    }

    enum ServeError: Error, CustomStringConvertible {
        case cannotListen(host: String, port: Int, reason: String)

        var description: String {
            switch self {
            case .cannotListen(let host, let port, let reason):
                return "cannot listen on \(host):\(port) (\(reason)): is another server using it? pass --port N, or --port 0 for any free port"
            }
        }
    }
}

/// Whether the server got as far as listening, so a failure to bind is told apart from a later one.
private actor StartFlag {
    private(set) var value = false
    func set() { value = true }
}
