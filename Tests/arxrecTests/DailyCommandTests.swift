import Foundation
import Testing
import TestSupport

/// The unattended daily job, offline from a digest folder.
@Suite(.serialized, .tags(.slow), .skippedInQuickLoop)
struct DailyCommandTests {
    /// A library with a profile and a digest folder configured.
    static func setUp(top: Int = 4) throws -> CLIFixture {
        let cli = try CLIFixture()
        let digests = cli.home.url.appendingPathComponent("digests")
        try FileManager.default.createDirectory(at: digests, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: SharedData.digest, to: digests.appendingPathComponent("2025-12-23.md"))
        _ = try cli.write("config.json", #"{"digests": "digests", "profiles": ["default", "second"], "top": \#(top)}"#)
        #expect(try cli.run(["ingest", SharedData.digest.path]).status == 0)
        #expect(try cli.run(["rate", "2512.19693", "like", "--offline"]).status == 0)
        #expect(try cli.run(["rate", "2512.19678", "like", "--offline", "--profile", "second"]).status == 0)
        return cli
    }

    static func shortlistFiles(_ cli: CLIFixture) throws -> [String: Data] {
        let folder = cli.home.url.appendingPathComponent("shortlists")
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    @Test func writesEveryProfilesShortlistsAndIsIdempotent() throws {
        let cli = try Self.setUp()
        let first = try cli.run(["daily", "--date", "2025-12-23", "--offline"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.split(separator: "\n").count == 1, "one summary line: \(first.stdout)")
        #expect(first.stdout.contains("arxrec daily 2025-12-23"))
        let files = try Self.shortlistFiles(cli)
        #expect(Set(files.keys) == Set(["md", "json", "html"].flatMap { ["2025-12-23-default.\($0)", "2025-12-23-second.\($0)"] })
            .union(["default.atom", "second.atom"]), "the day's files and each profile's feed")
        let json = try #require(try JSONSerialization.jsonObject(with: files["2025-12-23-default.json"] ?? Data()) as? [String: Any])
        #expect((json["items"] as? [[String: Any]])?.count == 4)
        #expect(String(decoding: files["2025-12-23-default.md"] ?? Data(), as: UTF8.self).hasPrefix("# arxiv 2025-12-23"))

        let second = try cli.run(["daily", "--date", "2025-12-23", "--offline"])
        #expect(second.status == 0)
        #expect(try Self.shortlistFiles(cli) == files, "a second run must rewrite the same files")
        #expect(try cli.stats()["papers"] as? Int == 10)
    }

    @Test func aDayWithoutPapersIsNotAnError() throws {
        let cli = try Self.setUp()
        let result = try cli.run(["daily", "--date", "2025-12-27", "--offline"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("no new papers"))
    }

    @Test func missedDaysAreCaughtUpInOrder() throws {
        let cli = try Self.setUp()
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        let today = Date()
        let days = (1 ... 3).reversed().map { formatter.string(from: today.addingTimeInterval(-Double($0) * 86_400)) }
        // Two of the three missed days have digests (the real one, re-dated); the middle one has none.
        let digest = try SharedData.text("digests/2025-12-23.md")
        for day in [days[0], days[2]] {
            _ = try cli.write("digests/\(day).md", digest.replacingOccurrences(of: "# arxiv 2025-12-23", with: "# arxiv \(day)"))
        }
        let before = formatter.string(from: today.addingTimeInterval(-4 * 86_400))
        _ = try cli.write("daily-state.json", #"{"lastCompletedDay": "\#(before)"}"#)
        let result = try cli.run(["daily", "--offline"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "three missed days and today: \(lines)")
        #expect(lines.first?.contains(days[0]) == true)
        #expect(lines.dropFirst().first?.contains(days[1]) == true)
        #expect(lines.dropFirst().first?.contains("no new papers") == true)
        let files = try Self.shortlistFiles(cli)
        #expect(files.keys.contains("\(days[0])-default.json"))
        #expect(files.keys.contains("\(days[2])-default.json"))
    }

    @Test func aCorruptConfigIsOneLineAndChangesNothing() throws {
        let cli = try Self.setUp()
        _ = try cli.write("config.json", #"{"digests": "digests", "top": "ten"}"#)
        let result = try cli.run(["daily", "--date", "2025-12-23", "--offline"])
        #expect(result.status == 78)
        #expect(result.stderr.contains("config.json"))
        #expect(result.stderr.contains("top"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: cli.home.file("shortlists").path))
    }
}
