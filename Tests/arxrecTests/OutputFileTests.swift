import Foundation
import Testing
import TestSupport
@testable import arxrec

extension CLIHardeningTests {
    /// Every output file is written beside its target and renamed over it: a folder (or anything but a
    /// file) at the path is refused, and nothing but the target is ever replaced.
    @Suite
    struct OutputFileTests {
        static func library() throws -> CLIFixture {
            let cli = try CLIFixture()
            #expect(try cli.run(["ingest", SharedData.digest.path]).status == 0)
            #expect(try cli.run(["rate", "2512.19693", "like", "--offline"]).status == 0)
            return cli
        }

        @Test func exportToAFolderIsAnErrorAndTheFolderIsKept() throws {
            let cli = try Self.library()
            let notes = try cli.write("keep/sub/notes.txt", "x\n")
            let keep = cli.home.file("keep").path
            let result = try cli.run(["export", "--vectors", keep])
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderr.contains("keep is a folder"))
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(try String(contentsOfFile: notes, encoding: .utf8) == "x\n", "the folder's content survives")
        }

        @Test func exportOverTheDataDirectoryKeepsTheLibrary() throws {
            let cli = try Self.library()
            let result = try cli.run(["export", "--vectors", cli.dataDirectory])
            #expect(result.status == 1)
            let stats = try cli.stats()
            #expect(stats["papers"] as? Int == 10)
            #expect(stats["ratings"] as? Int == 1)
        }

        @Test func idsToAFolderIsAnErrorNotAUsageErrorAndWritesNothing() throws {
            let cli = try Self.library()
            let vectors = cli.home.file("v.npy")
            let result = try cli.run(["export", "--vectors", vectors.path, "--ids", cli.home.url.path])
            #expect(result.status == 1, "\(result.stderr)")
            #expect(!result.stderr.contains("Usage"))
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(!FileManager.default.fileExists(atPath: vectors.path), "both targets are checked before either is written")
        }

        @Test func aFileIsReplacedWholeAndASymlinkWritesItsTarget() throws {
            let cli = try Self.library()
            let target = try cli.write("out/real.npy", "old")
            let link = cli.home.file("out/link.npy")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target)
            let result = try cli.run(["export", "--vectors", link.path, "--ids", cli.home.file("out/ids.txt").path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target, "the link is kept")
            #expect(try ParsedNumPyArray(try Data(contentsOf: URL(fileURLWithPath: target))).shape == (10, 256))
            let names = try FileManager.default.contentsOfDirectory(atPath: cli.home.file("out").path).sorted()
            #expect(names == ["ids.txt", "link.npy", "real.npy"], "no partial file is left: \(names)")
        }

        @Test func aFailedWriteLeavesTheTargetAsItWas() throws {
            let directory = try TemporaryDirectory(prefix: "arxrec-output")
            let url = directory.file("shortlist.md")
            try Data("yesterday's list".utf8).write(to: url)
            struct Interrupted: Error {}
            #expect(throws: Interrupted.self) {
                try OutputFile(url).write { writer in
                    try writer.write(Data("half of today's".utf8))
                    throw Interrupted()
                }
            }
            #expect(try String(contentsOf: url, encoding: .utf8) == "yesterday's list")
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["shortlist.md"])
            #expect(throws: OutputFileError.self) { try OutputFile(directory.url).write(Data("x".utf8)) }
            #expect(throws: OutputFileError.self) { try OutputFile(directory.file("missing/x.md")).write(Data("x".utf8)) }
        }

        @Test func dailyRefusesAFileWhereItsShortlistFolderBelongs() throws {
            let cli = try DailyCommandTests.setUp()
            let blocker = try cli.write("shortlists", "my notes\n")
            let result = try cli.run(["daily", "--date", "2025-12-23", "--offline"])
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            #expect(try String(contentsOfFile: blocker, encoding: .utf8) == "my notes\n")
        }
    }
}
