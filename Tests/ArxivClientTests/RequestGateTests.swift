import ArxivClient
import ArxivFormats
import Foundation
import Testing
import TestSupport

/// The politeness gate holds across concurrent callers of one client.
struct RequestGateTests {
    @Test func concurrentFetchesOfOneClientAreSpacedByTheInterval() async throws {
        let server = try LoopbackHTTPServer()
        server.route("/api/query", .ok(try Loopback.apiFeed("id_1605.08386_s0_m100_199195aa31ad.xml")))
        let client = ArxivClient(configuration: Loopback.configuration(server))
        let id = try ArxivID(parsing: "1605.08386")

        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<4 { group.addTask { try await client.fetch(ids: [id]).count } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }

        #expect(counts == [1, 1, 1, 1])
        let gaps = Loopback.gaps(server.requests)
        #expect(gaps.count == 3)
        for gap in gaps {
            #expect(gap >= Loopback.interval - Loopback.arrivalSlack, "concurrent requests \(gap) apart")
        }
    }

    @Test func copiesOfAClientShareOneGate() async throws {
        let server = try LoopbackHTTPServer()
        server.route("/api/query", .ok(try Loopback.apiFeed("id_1605.08386_s0_m100_199195aa31ad.xml")))
        let client = ArxivClient(configuration: Loopback.configuration(server))
        let copy = client
        let id = try ArxivID(parsing: "1605.08386")

        async let first = client.fetch(ids: [id])
        async let second = copy.fetch(ids: [id])
        _ = try await (first, second)

        let gaps = Loopback.gaps(server.requests)
        #expect(gaps.count == 1)
        #expect(gaps.allSatisfy { $0 >= Loopback.interval - Loopback.arrivalSlack }, "\(gaps)")
    }
}
