import ArxivFormats
import Foundation
import Testing
import TestSupport
@testable import arxrec

extension CLIHardeningTests {
    /// Every integer a user gives is range-checked at the edge: a huge count is a one-line error, never an
    /// overflow trap.
    @Suite
    struct CountRangeTests {
        @Test(arguments: [
            ["shortlist", "--top", "4611686018427387904"], ["shortlist", "--top", "0"],
            ["similar", "2512.19693", "--k", "9223372036854775807"], ["search", "pixel", "--k", "9223372036854775807"],
            ["evaluate", "--corpus", "x.jsonl", "--papers", "9223372036854775807"],
            ["evaluate", "--corpus", "x.jsonl", "--users", "9223372036854775807"],
            ["evaluate", "--corpus", "x.jsonl", "--queries", "9223372036854775807"],
            ["evaluate", "--corpus", "x.jsonl", "--rerank-depth", "9223372036854775807"],
            ["evaluate", "--corpus", "x.jsonl", "--rerank-weight", "nan"],
        ])
        func aCountOutOfRangeIsAUsageError(arguments: [String]) throws {
            let cli = try CLIFixture()
            let result = try cli.run(arguments)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
            #expect(!result.signalled)
            #expect(result.stderr.contains("out of range"), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }

        @Test func helpStatesTheRange() throws {
            let help = try ArxrecProcess.run(["shortlist", "--help"]).stdout
            #expect(help.contains("(\(CountRange.shortlistTop.text))"), "\(help)")
            #expect(try ArxrecProcess.run(["similar", "--help"]).stdout.contains("(\(CountRange.neighbours.text))"))
        }

        @Test(arguments: [
            (#"{"top": 9223372036854775807}"#, "top"), (#"{"top": 0}"#, "top"),
            (#"{"catchUpDays": 9223372036854775807}"#, "catchUpDays"),
            (#"{"profiles": ["../../escape"]}"#, "escape"), (#"{"profiles": ["a b"]}"#, "a b"),
        ])
        func aConfigValueOutOfRangeIsAConfigError(config: String, named: String) throws {
            let cli = try DailyCommandTests.setUp()
            _ = try cli.write("config.json", config)
            let result = try cli.run(["daily", "--date", "2025-12-23", "--offline"])
            #expect(result.status == 78, "\(config): \(result.stderr)")
            #expect(result.stderr.contains(named))
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: cli.home.file("shortlists").path))
        }

        @Test func anAncientLastRunCatchesUpOnlyTheLimit() throws {
            let today = try #require(Day("2025-12-30"))
            let state = DailyState(lastCompletedDay: "0001-01-01")
            let days = state.pendingDays(today: today, catchUpLimit: 3)
            #expect(days.map(\.description) == ["2025-12-28", "2025-12-29", "2025-12-30"])
            #expect(DailyState(lastCompletedDay: "2025-12-29").pendingDays(today: today, catchUpLimit: 14).map(\.description) == ["2025-12-30"])
            #expect(DailyState(lastCompletedDay: "2025-12-26").pendingDays(today: today, catchUpLimit: 0).map(\.description) == ["2025-12-30"])
        }
    }
}
