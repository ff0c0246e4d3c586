import Foundation
import Testing
import TestSupport

/// `arxrec rate N` (a position in the shortlist shown last) and `profile list | rename | delete | reset`.
@Suite(.serialized, .tags(.slow), .skippedInQuickLoop)
struct RateByPositionAndProfileCommandTests {
    static func library() throws -> CLIFixture {
        let cli = try RecommendCommandTests.library()
        let likes = try cli.write("likes.txt", "2512.22491\n2512.23036\n2512.22823\n")
        #expect(try cli.run(["import-likes", likes, "--offline"]).status == 0)
        return cli
    }

    static func ratings(_ cli: CLIFixture, profile: String = "default") throws -> [String: String] {
        let json = try RecommendCommandTests.json(try cli.run(["ratings", "--format", "json", "--profile", profile]).stdout)
        let rows = json["ratings"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: rows.compactMap { row in
            (row["id"] as? String).map { ($0, row["rating"] as? String ?? "") }
        })
    }

    @Test func aNumberRatesThatPaperOfTheShortlistShownLast() throws {
        let cli = try Self.library()
        let none = try cli.run(["rate", "3", "like", "--offline"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("no shortlist was shown for profile default yet"))
        #expect(none.stderr.split(separator: "\n").count == 1)

        let shown = try RecommendCommandTests.json(
            try cli.run(["shortlist", "--date", "2025-12-30", "--top", "5", "--format", "json"]).stdout)
        let ids = try #require(shown["items"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(ids.count == 5)

        let third = try cli.run(["rate", "3", "like", "--offline"])
        #expect(third.status == 0, "\(third.stderr)")
        #expect(third.stdout.contains("liked \(ids[2])"))
        // The list is numbered as it was shown, though the like has re-ranked the day since.
        #expect(try cli.run(["rate", "4", "dislike", "--offline"]).status == 0)
        let ratings = try Self.ratings(cli)
        #expect(ratings[ids[2]] == "like" && ratings[ids[3]] == "dislike")
        #expect(try cli.run(["rate", "3", "clear", "--offline"]).status == 0)
        #expect(try Self.ratings(cli)[ids[2]] == nil)

        let beyond = try cli.run(["rate", "6", "like", "--offline"])
        #expect(beyond.status == 1)
        #expect(beyond.stderr.contains("#6 is not in the last shortlist of profile default (2025-12-30, 5 papers): give 1–5"))
        #expect(try cli.run(["rate", "0", "like", "--offline"]).status == 1)
        // An id is still an id: a dot makes it one.
        #expect(try cli.run(["rate", "2512.19693", "like", "--offline"]).status == 0)
        // Another profile has its own last list.
        let other = try cli.run(["rate", "1", "like", "--offline", "--profile", "vision"])
        #expect(other.stderr.contains("no shortlist was shown for profile vision yet: run `arxrec shortlist --profile vision` first"))
    }

    @Test func profilesAreListedRenamedResetAndDeleted() throws {
        let cli = try Self.library()
        #expect(try cli.run(["rate", "2512.19693", "dislike", "--offline", "--profile", "vision"]).status == 0)

        let listed = try cli.run(["profile", "list", "--format", "json"])
        #expect(listed.status == 0)
        let rows = try #require((try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])?["profiles"] as? [[String: Any]])
        #expect(rows.map { $0["name"] as? String } == ["default", "vision"])
        #expect(rows.map { $0["likes"] as? Int } == [3, 0])
        #expect(rows.map { $0["dislikes"] as? Int } == [0, 1])
        #expect(try cli.run(["profile", "list"]).stdout.contains("vision"))

        let renamed = try cli.run(["profile", "rename", "vision", "cv"])
        #expect(renamed.status == 0)
        #expect(try Self.ratings(cli, profile: "cv") == ["2512.19693": "dislike"])
        let taken = try cli.run(["profile", "rename", "cv", "default"])
        #expect(taken.status == 1)
        #expect(taken.stderr.contains("a profile named 'default' exists already"))
        #expect(try cli.run(["profile", "rename", "cv", "a b"]).status == 64)
        #expect(try cli.run(["profile", "rename", "nope", "x"]).stderr.contains("no profile named 'nope'"))

        let reset = try cli.run(["profile", "reset"])
        #expect(reset.status == 0)
        #expect(reset.stdout.contains("removed 3 ratings"))
        #expect(try Self.ratings(cli).isEmpty)
        #expect(try Self.ratings(cli, profile: "cv").count == 1, "other profiles untouched")

        let deleted = try cli.run(["profile", "delete", "cv"])
        #expect(deleted.status == 0)
        #expect(deleted.stdout.contains("deleted profile cv and its 1 rating"))
        let after = try #require((try JSONSerialization.jsonObject(with: Data(try cli.run(["profile", "list", "--format", "json"]).stdout.utf8)) as? [String: Any])?["profiles"] as? [[String: Any]])
        #expect(after.map { $0["name"] as? String } == ["default"])
        #expect(try cli.run(["profile", "delete", "cv"]).status == 1)
    }
}
