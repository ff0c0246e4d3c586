import Foundation
import Testing
import TestSupport

extension CLIHardeningTests {
    /// A data directory this process cannot write still answers every command that only reads; a
    /// zero-byte database is never taken for a new library.
    @Suite
    struct ReadOnlyLibraryTests {
        @Test(.enabled(if: MountNamespace.isAvailable, "needs root and unshare -m for a read-only bind mount"))
        func readingCommandsWorkOnAReadOnlyMount() throws {
            let cli = try CLIFixture()
            let slice = try CorpusSlice.lastPapers(300, in: cli.home.url)
            let data = cli.home.url.appendingPathComponent("library")
            func run(_ arguments: [String]) throws -> ArxrecProcess.Result { try ArxrecProcess.run(arguments + ["--data-dir", data.path]) }
            #expect(try run(["ingest", slice.path, SharedData.digest.path]).status == 0)
            #expect(try run(["import-likes", try cli.write("likes.txt", "2512.22491\n2512.23036\n2512.22823\n"), "--offline"]).status == 0)
            let before = try FileManager.default.contentsOfDirectory(atPath: data.path).sorted()
            let export = cli.home.file("v.npy").path

            for arguments in [
                ["stats"], ["ratings"], ["profile", "show"], ["similar", "2512.23036", "--offline", "--k", "3"],
                ["search", "speech synthesis", "--k", "3"], ["shortlist", "--date", "2025-12-30", "--top", "3"],
                ["export", "--vectors", export],
            ] {
                let result = try MountNamespace.runReadOnly(data, arguments + ["--data-dir", data.path])
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
            }
            let rate = try MountNamespace.runReadOnly(data, ["rate", "2512.19693", "like", "--offline", "--data-dir", data.path])
            #expect(rate.status == 1)
            #expect(rate.stderr.contains("read-only"), "\(rate.stderr)")
            #expect(rate.stderr.split(separator: "\n").count == 1)
            #expect(try FileManager.default.contentsOfDirectory(atPath: data.path).sorted() == before)
        }

        @Test func aZeroByteDatabaseIsAnErrorNotANewLibrary() throws {
            let cli = try CLIFixture()
            let database = cli.home.file("library.sqlite")
            #expect(FileManager.default.createFile(atPath: database.path, contents: Data()))
            for arguments in [["stats"], ["ingest", SharedData.digest.path]] {
                let result = try cli.run(arguments)
                #expect(result.status == 1)
                #expect(result.stderr.contains("is empty (0 bytes)"), "\(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1)
            }
            let size = try FileManager.default.attributesOfItem(atPath: database.path)[.size] as? NSNumber
            #expect(size?.intValue == 0, "the file is left for the user to restore")
        }
    }
}
