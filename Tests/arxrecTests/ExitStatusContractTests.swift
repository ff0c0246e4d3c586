import Foundation
import Testing
import TestSupport

extension CLIHardeningTests {
    /// The README's exit-status table is the contract: each failure class gets its row and one line on
    /// stderr, never ArgumentParser's usage lines.
    @Suite
    struct ExitStatusContractTests {
        static func expectOneLine(_ result: ArxrecProcess.Result, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)", sourceLocation: sourceLocation)
            #expect(!result.stderr.contains("Usage:") && !result.stderr.contains("USAGE:"), "\(result.stderr)", sourceLocation: sourceLocation)
        }

        @Test(arguments: [
            ["rate", "not-an-id", "like"], ["similar", "pixel"], ["fetch", "--ids", "2512.19693,nope"],
            ["rate"], ["frobnicate"], ["shortlist", "--date", "yesterday"],
        ])
        func aUsageErrorIsOneLineWithoutUsageText(arguments: [String]) throws {
            let cli = try CLIFixture()
            let result = try cli.run(arguments)
            #expect(result.status == 64)
            Self.expectOneLine(result)
            #expect(result.stderr.contains("--help"), "points at the help: \(result.stderr)")
        }

        @Test func aHugeArgumentIsEchoedShortened() throws {
            let cli = try CLIFixture()
            let huge = String(repeating: "x", count: 100_000)
            for arguments in [["rate", huge, "like"], ["shortlist", "--date", huge], ["ratings", "--profile", huge], ["import-likes", huge]] {
                let result = try cli.run(arguments)
                #expect(result.status != 0)
                Self.expectOneLine(result)
                #expect(result.stderr.utf8.count < 400, "\(arguments[0]) echoed \(result.stderr.utf8.count) bytes")
                #expect(result.stderr.contains("x…"), "the echo ends with an ellipsis: \(result.stderr.prefix(300))")
            }
        }

        @Test func aMissingInputFileIsAnErrorNamingItNotAUsageError() throws {
            let cli = try CLIFixture()
            for arguments in [["import-likes", "/nonexistent/likes.txt"], ["shortlist", "--input", "/nonexistent/likes.txt"],
                              ["ingest", "/nonexistent/likes.txt"],
                              ["evaluate", "--corpus", "/nonexistent/likes.txt"], ["model", "fit", "--corpus", "/nonexistent/likes.txt"]] {
                // `model fit` has no library, so no --data-dir.
                let result = arguments[0] == "model" ? try ArxrecProcess.run(arguments) : try cli.run(arguments)
                #expect(result.status == 1, "\(arguments): \(result.stderr)")
                #expect(result.stderr.contains("/nonexistent/likes.txt"))
                Self.expectOneLine(result)
            }
            let folder = try cli.run(["import-likes", cli.home.url.path])
            #expect(folder.status == 1)
            Self.expectOneLine(folder)
        }

        @Test func aPaperThatCannotBeFetchedOfflineIs69LikeFetch() throws {
            let cli = try CLIFixture()
            #expect(try cli.run(["ingest", SharedData.digest.path]).status == 0)
            for arguments in [["rate", "2512.99999", "like", "--offline"], ["similar", "2512.99999", "--offline"]] {
                let result = try cli.run(arguments)
                #expect(result.status == 69, "\(arguments): \(result.stderr)")
                Self.expectOneLine(result)
            }
            #expect(try cli.stats()["ratings"] as? Int == 0)
        }

        @Test func shortlistOfAnInputWithSkippedRowsExits2LikeIngest() throws {
            let cli = try CLIFixture()
            #expect(try cli.run(["ingest", SharedData.digest.path]).status == 0)
            #expect(try cli.run(["rate", "2512.19693", "like", "--offline"]).status == 0)
            var lines = try SharedData.text("digests/2025-12-23.md").components(separatedBy: "\n")
            let row = try #require(lines.firstIndex { $0.contains("2512.19692v1") })
            lines[row] = "| broken row without a link | someone |"
            let path = try cli.write("broken.md", lines.joined(separator: "\n"))

            let ingest = try cli.run(["ingest", path])
            let shortlist = try cli.run(["shortlist", "--input", path, "--top", "3"])
            #expect(ingest.status == 2)
            #expect(shortlist.status == 2, "\(shortlist.stderr)")
            #expect(shortlist.stderr.contains("broken.md:\(row + 1):"))
            #expect(shortlist.stdout.contains("Shortlist 2025-12-23"), "the shortlist is still printed")
        }

        @Test(.enabled(if: MountNamespace.isAvailable, "needs root and unshare -m to mount a small tmpfs"))
        func aFullDiskDuringIngestIsAnErrorSayingSoNotBadData() throws {
            let cli = try CLIFixture()
            let slice = try CorpusSlice.lastPapers(3_000, in: cli.home.url)
            let data = cli.home.url.appendingPathComponent("small-disk")
            try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
            let result = try MountNamespace.runOnSmallDisk(data, size: "1m", ["ingest", slice.path, "--data-dir", data.path])
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderr.contains("the disk is full"), "\(result.stderr)")
            Self.expectOneLine(result)
        }

        @Test func theCrontabExampleAndTheReadmeAgreeOn75() throws {
            let readme = try String(contentsOf: SharedData.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
            let crontab = try String(
                contentsOf: SharedData.repositoryRoot.appendingPathComponent("Scripts/crontab.example"), encoding: .utf8)
            let row = try #require(readme.split(separator: "\n").first { $0.hasPrefix("| 75 |") })
            let note = try #require(crontab.range(of: #"75 = [^;\n]+"#, options: .regularExpression).map { crontab[$0] })
            for word in ["busy", "unreachable"] {
                #expect(row.contains(word), "README: \(row)")
                #expect(note.contains(word), "crontab.example: \(note)")
            }
        }
    }
}
