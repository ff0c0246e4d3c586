import ArxivFormats
import Foundation
import GRDB
import Library
import Testing
import TestSupport

/// Damaged samples through the built binary into one real library, each run checked against what a
/// clean parse of the same bytes gives: no crash, no hang, an exit status from the README's table
/// that matches the parse (0 clean, 2 records skipped, 65 nothing usable), at most one stderr line
/// per problem and each naming the file, and a library that changed by exactly the parsed records —
/// unchanged by a failed ingest — with a sound SQLite file and one vector per paper.
/// `Scripts/fuzz SEED N RUNS` runs it longer.
@Suite(.serialized, .tags(.slow), .skippedInQuickLoop)
struct FuzzIngestTests {
    /// How long one `arxrec ingest` may run before the watchdog kills it as hung (a clean run of
    /// these small files takes about a second, most of it loading the model).
    static let watchdogSeconds = 120.0

    /// What the clean in-process parse of a file says the binary must do.
    struct Expectation {
        var papers: [Paper] = []
        var issues = 0
        var failed = false
        var status: Int32 { failed ? 65 : issues > 0 ? 2 : 0 }
    }

    static func expectation(for url: URL) -> Expectation {
        var expectation = Expectation()
        do {
            try SourceReader.read(url, format: nil, file: url.path) { expectation.papers.append($0) } issue: { _ in expectation.issues += 1 }
        } catch {
            expectation = Expectation(failed: true)
        }
        return expectation
    }

    /// Base id → main title of every stored paper, and SQLite's own verdict on the file.
    static func library(_ cli: CLIFixture) throws -> (titles: [String: String], integrity: [String]) {
        let database = try DatabaseQueue(path: cli.home.file(DataDirectory.databaseFileName).path)
        defer { try? database.close() }
        return try database.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT base_id, title FROM papers")
            let titles = Dictionary(rows.map { ($0["base_id"] as String, $0["title"] as String) }, uniquingKeysWith: { a, _ in a })
            return (titles, try String.fetchAll(db, sql: "PRAGMA integrity_check"))
        }
    }

    /// `arxrec ingest path`, killed if it outlives the watchdog.
    static func ingest(_ path: String, into cli: CLIFixture) throws -> (result: ArxrecProcess.Result, hung: Bool) {
        let running = try ArxrecProcess.start(
            ["ingest", path, "--data-dir", cli.dataDirectory], environment: ["ARXREC_HOME": cli.dataDirectory])
        let deadline = Date().addingTimeInterval(watchdogSeconds)
        while running.process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        let hung = running.process.isRunning
        if hung { running.kill() }
        return (running.wait(), hung)
    }

    @Test func damagedFilesChangeTheLibraryByWholeGoodRecordsOnly() async throws {
        // A stream of its own, apart from the in-process fuzz test's.
        let seed = UInt64(Fuzzer.setting("ARXREC_FUZZ_SEED", default: 1)) &+ 1_000_003
        let inputs = Fuzzer.inputs(seed: seed, count: Fuzzer.setting("ARXREC_FUZZ_RUNS", default: 20), samples: try FuzzSample.all())
        let failures = try await offload { try Self.fuzz(inputs, seed: seed) }
        for failure in failures { Issue.record(Comment(rawValue: failure)) }
    }

    /// Ingests every input into one library; returns one line per failing run.
    static func fuzz(_ inputs: [MutatedInput], seed: UInt64) throws -> [String] {
        let cli = try CLIFixture()
        let inputsFolder = try TemporaryDirectory(prefix: "arxrec-fuzz-inputs")
        // A library that already holds papers, so damaged files update and merge as well as insert.
        let setup = try cli.run(["ingest", SharedData.digest.path, SharedData.snapshotSample.path])
        var stored = try Self.library(cli).titles
        guard setup.status == 0, stored.count == 210 else {
            return ["setup ingest exited \(setup.status) with \(stored.count) papers: \(setup.stderr)"]
        }
        var failures: [String] = []
        let runs = inputs.count

        for (index, input) in inputs.enumerated() {
            let url = inputsFolder.file(input.name)
            try input.data.write(to: url)
            let what = "seed \(seed) run \(index) (\(input.name))"
            let expected = Self.expectation(for: url)
            let (result, hung) = try Self.ingest(url.path, into: cli)
            var problems: [String] = []
            if hung { problems.append("hung for \(Self.watchdogSeconds) s and was killed") }
            if result.signalled { problems.append("crashed with signal \(result.status)") }
            if result.status != expected.status {
                problems.append("exit \(result.status), expected \(expected.status): \(result.stderr.prefix(300))")
            }
            let lines = result.stderr.split(separator: "\n")
            if lines.count > max(1, expected.issues) { problems.append("\(lines.count) stderr lines for \(expected.issues) problems") }
            if let stray = lines.first(where: { !$0.contains(url.path) }) { problems.append("stderr line names no file: \(stray.prefix(200))") }

            let (titles, integrity) = try Self.library(cli)
            if integrity != ["ok"] { problems.append("integrity_check: \(integrity)") }
            let parsedIDs = expected.papers.map(\.id.base)
            let wanted = stored.keys.count + Set(parsedIDs).subtracting(stored.keys).count
            if Set(titles.keys) != Set(stored.keys).union(parsedIDs) || titles.count != wanted {
                problems.append("library holds \(titles.count) papers, the clean parse gives \(wanted)")
            }
            // A paper new to the library is stored whole, exactly as parsed.
            let counts = Dictionary(parsedIDs.map { ($0, 1) }, uniquingKeysWith: +)
            for paper in expected.papers where stored[paper.id.base] == nil && counts[paper.id.base] == 1 {
                if titles[paper.id.base] != paper.title { problems.append("\(paper.id.base) stored as '\(titles[paper.id.base] ?? "nothing")'") }
            }
            if index % 5 == 4 || index == runs - 1 {
                let stats = try cli.stats()
                if stats["papers"] as? Int != titles.count || stats["vectors"] as? Int != titles.count {
                    problems.append("stats \(stats["papers"] ?? "?") papers, \(stats["vectors"] ?? "?") vectors for \(titles.count) stored")
                }
            }
            stored = titles
            if !problems.isEmpty {
                Fuzzer.keep(input)
                failures.append("\(what): \(problems.joined(separator: "; "))")
            }
            if hung { break }
        }
        return failures
    }
}
