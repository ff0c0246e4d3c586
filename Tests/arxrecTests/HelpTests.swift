import Foundation
import Testing
import TestSupport

/// Every command documents itself, with examples.
@Suite(.tags(.slow), .skippedInQuickLoop)
struct HelpTests {
    static let commands = [
        "ingest", "stats", "reindex", "fetch", "harvest", "rate", "ratings", "import-likes", "profile show",
        "profile list", "profile rename", "profile delete", "profile reset",
        "shortlist", "similar", "search", "serve", "daily", "model fit", "model show", "model path", "export", "evaluate",
    ]

    @Test(arguments: commands)
    func everyCommandHasHelpWithExamples(command: String) throws {
        let result = try ArxrecProcess.run(command.split(separator: " ").map(String.init) + ["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE:"))
        #expect(result.stdout.contains("Examples:"), "`arxrec \(command) --help` shows no examples")
    }

    @Test func rootHelpListsTheCommandsAndVersionWorks() throws {
        let help = try ArxrecProcess.run(["--help"])
        #expect(help.status == 0)
        for command in ["ingest", "shortlist", "similar", "rate", "daily", "stats"] {
            #expect(help.stdout.contains(command))
        }
        let version = try ArxrecProcess.run(["--version"])
        #expect(version.status == 0)
        #expect(!version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    @Test func anUnknownCommandIsAUsageError() throws {
        let result = try ArxrecProcess.run(["frobnicate"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("frobnicate"))
    }
}
