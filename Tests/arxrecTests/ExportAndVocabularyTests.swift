import Foundation
import Testing
import TestSupport

@testable import arxrec

/// Issue 18 items 3 and 4: `ratings --format bibtex|json`, one option name per idea (the old one a
/// hidden alias), tables never cut off a terminal, `schemaVersion` in every JSON document, and a
/// read-only command that never re-embeds the library.
@Suite(.serialized, .tags(.slow), .skippedInQuickLoop)
struct ExportAndVocabularyTests {
    /// The 200 real papers of the snapshot sample; four liked for their TeX-laden titles, one disliked.
    static func snapshotLibrary() throws -> CLIFixture {
        let cli = try CLIFixture()
        #expect(try cli.run(["ingest", SharedData.snapshotSample.path, "--input-format", "snapshot"]).status == 0)
        let likes = try cli.write("likes.txt", "0704.0133\n0704.0005\n0704.0068\n0704.0119\n")
        #expect(try cli.run(["import-likes", likes, "--offline"]).status == 0)
        #expect(try cli.run(["rate", "0704.0002", "dislike", "--offline"]).status == 0)
        return cli
    }

    @Test func likesExportAsCitableBibTeXThatImportsBack() throws {
        let cli = try Self.snapshotLibrary()
        let export = try cli.run(["ratings", "--format", "bibtex"])
        #expect(export.status == 0, "\(export.stderr)")
        let bib = export.stdout
        let keys = bib.split(separator: "\n").filter { $0.hasPrefix("@misc{") }.map { $0.dropFirst(6).dropLast() }
        #expect(keys.count == 4, "the likes only: \(bib)")
        #expect(Set(keys).count == 4)
        #expect(keys.contains("abushammala2007-0704.0005"), "\(keys)")
        #expect(!bib.contains("0704.0002"), "a dislike was exported")
        for field in ["eprint = {0704.0005}", "archivePrefix = {arXiv}", "primaryClass = {math.CA}",
                      "url = {https://arxiv.org/abs/0704.0005}", "year = {2007}",
                      "author = {Wael Abu-Shammala and Alberto Torchinsky}"] {
            #expect(bib.contains(field), "\(field) missing")
        }
        // TeX's special characters are text, never markup that could break the bibliography.
        #expect(bib.contains(#"From dyadic \$\textbackslash{}Lambda\_\{\textbackslash{}alpha\}\$"#), "\(bib)")
        #expect(bib.contains(#"z\textasciitilde{}2.56"#))
        #expect(bib.contains(#"A Note About the \{Ki(z)\} Functions"#))
        // Stable: the same file on every export.
        #expect(try cli.run(["ratings", "--format", "bibtex"]).stdout == bib)

        let file = try cli.write("likes.bib", bib)
        let imported = try cli.run(["import-likes", file, "--offline", "--profile", "copy"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("liked 4 papers"))
    }

    @Test func ratingsJSONCarriesWhatAScriptNeeds() throws {
        let cli = try Self.snapshotLibrary()
        let json = try RecommendCommandTests.json(try cli.run(["ratings", "--format", "json"]).stdout)
        #expect(json["schemaVersion"] as? Int == 1)
        let rows = try #require(json["ratings"] as? [[String: Any]])
        #expect(rows.count == 5)
        let row = try #require(rows.first { $0["id"] as? String == "0704.0002" })
        #expect(row["rating"] as? String == "dislike")
        #expect(row["url"] as? String == "https://arxiv.org/abs/0704.0002")
        #expect(row["authors"] as? [String] == ["Ileana Streinu", "Louis Theran"])
        #expect(row["categories"] as? [String] == ["math.CO", "cs.CG"])
        #expect(row["published"] as? String == "2007-03-31", "v1 of 0704.0002: Sat, 31 Mar 2007 02:26:18 GMT")
    }

    @Test func everyJSONDocumentCarriesSchemaVersion() throws {
        let cli = try RecommendCommandTests.library()
        #expect(try cli.run(["rate", "2512.23036", "like", "--offline"]).status == 0)
        let digests = cli.home.url.appendingPathComponent("digests")
        try FileManager.default.createDirectory(at: digests, withIntermediateDirectories: true)
        _ = try cli.write("config.json", #"{"digests": "digests"}"#)
        let commands: [[String]] = [
            ["stats", "--format", "json"], ["ratings", "--format", "json"], ["profile", "show", "--format", "json"],
            ["profile", "list", "--format", "json"], ["shortlist", "--date", "2025-12-30", "--format", "json"],
            ["similar", "2512.23036", "--offline", "--format", "json"], ["search", "speech synthesis", "--format", "json"],
            ["ingest", SharedData.digest.path, "--format", "json"], ["daily", "--date", "2025-12-30", "--offline", "--format", "json"],
        ]
        for command in commands {
            let result = try cli.run(command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            let json = try RecommendCommandTests.json(result.stdout)
            #expect(json["schemaVersion"] as? Int == 1, "\(command.prefix(2)) has no schemaVersion")
        }
        let model = try ArxrecProcess.run(["model", "show", "--format", "json"])
        #expect(try RecommendCommandTests.json(model.stdout)["schemaVersion"] as? Int == 1)
        let saved = try String(contentsOf: cli.home.file("shortlists/2025-12-30-default.json"), encoding: .utf8)
        #expect(try RecommendCommandTests.json(saved)["schemaVersion"] as? Int == 1)
    }

    @Test func oneNamePerIdeaAndTheOldNamesStillWork() throws {
        let cli = try RecommendCommandTests.library()
        for count in [["--top", "3"], ["--k", "3"]] {
            let similar = try cli.run(["similar", "2512.23036", "--offline", "--format", "json"] + count)
            #expect((try RecommendCommandTests.json(similar.stdout)["items"] as? [[String: Any]])?.count == 3, "\(count)")
            let search = try cli.run(["search", "speech synthesis", "--format", "json"] + count)
            #expect((try RecommendCommandTests.json(search.stdout)["items"] as? [[String: Any]])?.count == 3, "\(count)")
        }
        #expect(try cli.run(["similar", "2512.23036", "--offline", "--top", "0"]).stderr.contains("--top 0 is out of range"))
        let help = try cli.run(["similar", "--help"]).stdout
        #expect(help.contains("--top") && !help.contains("--k "), "\(help)")
        #expect(!(try cli.run(["daily", "--help"]).stdout.contains("--output")))
        #expect(!(try cli.run(["ingest", "--help"]).stdout.contains("--output")))

        _ = try cli.write("config.json", "{}")
        for format in [["--format", "json"], ["--output", "json"]] {
            let daily = try cli.run(["daily", "--date", "2025-12-27", "--offline"] + format)
            #expect(daily.status == 0, "\(daily.stderr)")
            #expect((try RecommendCommandTests.json(daily.stdout)["days"] as? [[String: Any]])?.count == 1)
            let ingest = try cli.run(["ingest", SharedData.digest.path] + format)
            #expect((try RecommendCommandTests.json(ingest.stdout)["files"] as? [[String: Any]])?.count == 1, "\(format)")
        }
        #expect(try cli.run(["ingest", SharedData.digest.path, "--format", "yaml"]).status == 64)
    }

    @Test func tablesAreNeverCutWhenStdoutIsNotATerminal() throws {
        let cli = try RecommendCommandTests.library()
        let likes = try cli.write("likes.txt", "2512.22491\n2512.23036\n2512.22823\n")
        #expect(try cli.run(["import-likes", likes, "--offline"]).status == 0)
        let json = try RecommendCommandTests.json(try cli.run(["shortlist", "--date", "2025-12-30", "--top", "10", "--format", "json"]).stdout)
        let items = try #require(json["items"] as? [[String: Any]])
        // COLUMNS asks for 60 columns, which only a terminal gets: this output is a pipe.
        let table = try ArxrecProcess.run(
            ["shortlist", "--date", "2025-12-30", "--top", "10", "--data-dir", cli.dataDirectory],
            environment: ["ARXREC_HOME": cli.dataDirectory, "COLUMNS": "60"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(!table.stdout.contains("…"), "a piped table was cut: \(table.stdout)")
        let lines = table.stdout.split(separator: "\n").map(String.init)
        for item in items {
            #expect(table.stdout.contains(item["title"] as? String ?? "?"))
            let reason = try #require(lines.first { $0.hasPrefix("\(item["rank"] ?? ""). \(item["id"] ?? ""): ") })
            let terms = (item["reason"] as? [String: Any])?["terms"] as? [String] ?? []
            for term in terms { #expect(reason.contains(term), "\(term) cut from \(reason)") }
        }
        #expect((lines.map(\.count).max() ?? 0) > 60)
    }

    @Test func onATerminalAReasonWrapsInsteadOfLosingItsEnd() {
        let reason = "3. 2512.23036: close to 2511.15163 you liked (0.08); matched: tutoring, mastery, tutoring systems, adaptive instruction"
        let lines = reason.wrapped(toWidth: 40, indent: 4)
        #expect(lines.count > 2)
        #expect(lines.allSatisfy { $0.displayWidth <= 40 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("    ") })
        #expect(lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") == reason)
        #expect(reason.wrapped(toWidth: nil, indent: 4) == [reason])
        let wide = String(repeating: "检索增强生成", count: 12)
        #expect(wide.wrapped(toWidth: 40, indent: 4).allSatisfy { $0.displayWidth <= 40 })
        #expect(wide.wrapped(toWidth: 40, indent: 4).map { $0.trimmingCharacters(in: .whitespaces) }.joined() == wide)
    }

    @Test func aReadOnlyCommandWithAnotherModelRefusesToReEmbed() throws {
        let cli = try RecommendCommandTests.library()
        let folder = cli.home.url
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let vectors = try #require(names.first { $0.hasPrefix("vectors-") && $0.hasSuffix(".f32") })
        // The library as another model left it: its vectors only.
        try FileManager.default.moveItem(at: folder.appendingPathComponent(vectors), to: folder.appendingPathComponent("vectors-other-model.f32"))
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let bytes = try Data(contentsOf: folder.appendingPathComponent("vectors-other-model.f32"))
        let model = SharedData.repositoryRoot.appendingPathComponent("Models/arxiv-cs-2025").path
        for command in [["search", "speech synthesis"], ["similar", "2512.23036", "--offline"], ["shortlist", "--date", "2025-12-30"]] {
            let result = try cli.run(command + ["--model", model])
            #expect(result.status == 1, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("arxrec reindex --model"), "\(result.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == before, "\(command) rewrote the library")
        }
        #expect(try Data(contentsOf: folder.appendingPathComponent("vectors-other-model.f32")) == bytes)
        #expect(try cli.run(["reindex", "--model", model]).status == 0)
        #expect(try cli.run(["search", "speech synthesis", "--model", model]).status == 0)
    }
}
