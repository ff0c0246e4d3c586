import Foundation
import Testing
import TestSupport

extension CLIHardeningTests {
    /// `import-likes` stores all of a file's likes in one transaction, or none.
    @Suite
    struct ImportLikesAtomicityTests {
        static func library() throws -> CLIFixture {
            let cli = try CLIFixture()
            #expect(try cli.run(["ingest", SharedData.digest.path]).status == 0)
            return cli
        }

        @Test func anIDThatCannotBeFetchedOfflineStoresNoneOfTheLikes() throws {
            let cli = try Self.library()
            let list = try cli.write("likes.txt", "2512.19693\n2512.19692\n2512.19691\n2512.99999\n")
            let result = try cli.run(["import-likes", list, "--offline"])
            #expect(result.status == 69, "\(result.stderr)")
            #expect(result.stderr.contains("2512.99999"))
            #expect(result.stderr.contains("nothing was imported"))
            #expect(try cli.stats()["ratings"] as? Int == 0)
        }

        @Test func aBadLineStoresNoneOfTheLikes() throws {
            let cli = try Self.library()
            let list = try cli.write("likes.txt", "2512.19693\n2512.19692\nnot an id\n")
            let result = try cli.run(["import-likes", list, "--offline"])
            #expect(result.status == 65, "\(result.stderr)")
            #expect(result.stderr.contains("likes.txt:3:"))
            #expect(try cli.stats()["ratings"] as? Int == 0)
            #expect(try cli.stats()["profiles"] as? Int == 0)
        }

        /// The child is killed while it waits for arXiv to send the one paper it lacks: it has liked
        /// nothing yet (the old command had already committed the two papers before it, one by one).
        @Test func killedWhileFetchingItHasLikedNothing() throws {
            let cli = try Self.library()
            let server = try LoopbackHTTPServer()
            server.route("/api/query", .noAnswer)
            let list = try cli.write("likes.txt", "2512.19693\n2512.19692\n1707.08567\n2512.19691\n")
            let child = try ArxrecProcess.start(
                ["import-likes", list, "--data-dir", cli.dataDirectory],
                environment: ["ARXREC_ARXIV_API": server.url("/api/query").absoluteString, "ARXREC_REQUEST_INTERVAL": "0"])
            // Waits (bounded) for the request to arrive: the child is now mid-import.
            for _ in 0 ..< 600 where server.requests.isEmpty && child.process.isRunning { Thread.sleep(forTimeInterval: 0.05) }
            #expect(!server.requests.isEmpty, "the import never asked arXiv for 1707.08567")
            child.kill()
            _ = child.wait()
            server.stop()
            #expect(try cli.stats()["ratings"] as? Int == 0)
        }
    }
}
