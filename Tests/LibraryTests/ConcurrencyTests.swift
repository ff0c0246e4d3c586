import ArxivFormats
import Dispatch
import Foundation
import Library
import Testing

/// Two `Library` values on one directory, each with its own SQLite connections and its own
/// descriptors on the vector file, behave like two processes (a `daily` job and a user's command):
/// SQLite's file locks serialise their writers, WAL lets readers run beside them.
@Suite struct ConcurrencyTests {
    @Test func twoWritersInterleaveBatchesAndBothSucceed() throws {
        let fixture = try LibraryFixture()
        let first = try fixture.open()
        let second = try fixture.open()
        let papers = try SampleRecords.snapshotPapers()
        let halves = [Array(papers[0..<100]), Array(papers[100..<200])]
        let errors = ErrorLog()

        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            let library = worker == 0 ? first : second
            do {
                for start in stride(from: 0, to: 100, by: 10) {
                    try library.ingest(Array(halves[worker][start..<(start + 10)]), source: "worker \(worker)")
                }
            } catch {
                errors.record(error)
            }
        }

        #expect(errors.all.isEmpty, "\(errors.all)")
        #expect(try first.stats().papers == 200 && second.stats().vectors == 200)
        try expectHealthy(first, embedder: fixture.embedder)
        try expectHealthy(try fixture.open(), embedder: fixture.embedder)
    }

    @Test func aReaderAndARaterRunWhileAnIngestIsGoing() throws {
        let fixture = try LibraryFixture()
        let ingester = try fixture.open()
        let user = try fixture.open()
        let papers = try SampleRecords.snapshotPapers()
        try ingester.ingest(Array(papers[0..<10]), source: "first batch")
        let errors = ErrorLog()
        let snapshots = SnapshotLog()

        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            do {
                if worker == 0 {
                    for start in stride(from: 10, to: 200, by: 10) {
                        try ingester.ingest(Array(papers[start..<(start + 10)]), source: "daily")
                    }
                } else {
                    for round in 0..<40 {
                        let stats = try user.stats()
                        let mapped = try user.withVectors { view in view.rowCount }
                        snapshots.record(stats.papers, stats.vectors, mapped)
                        try user.rate(papers[round % 10].id, round.isMultiple(of: 2) ? .like : .dislike, profile: "default")
                    }
                }
            } catch {
                errors.record(error)
            }
        }

        #expect(errors.all.isEmpty, "\(errors.all)")
        #expect(snapshots.all.allSatisfy { $0.papers == $0.vectors && $0.mappedRows >= 10 }, "every snapshot is consistent")
        #expect(try user.ratings(profile: "default").count == 10)
        try expectHealthy(user, embedder: fixture.embedder)
    }
}

/// Errors from worker threads, collected for the test's thread.
private final class ErrorLog: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [String] = []
    func record(_ error: any Error) { lock.withLock { errors.append("\(error)") } }
    var all: [String] { lock.withLock { errors } }
}

/// What the reading thread saw, per round.
private final class SnapshotLog: @unchecked Sendable {
    struct Snapshot {
        var papers: Int
        var vectors: Int
        var mappedRows: Int
    }
    private let lock = NSLock()
    private var snapshots: [Snapshot] = []
    func record(_ papers: Int, _ vectors: Int, _ mappedRows: Int) {
        lock.withLock { snapshots.append(Snapshot(papers: papers, vectors: vectors, mappedRows: mappedRows)) }
    }
    var all: [Snapshot] { lock.withLock { snapshots } }
}
