import ArxivFormats
import Foundation
import GRDB
import Library
import TestSupport
import Testing

/// What the schema refuses never reaches it: every CHECK constraint on `papers` has its rule on the
/// parser side, so a bad record is a skipped line instead of an SQLite error that drops its batch.
@Suite struct StorableRecordTests {
    /// The CHECK constraints of `papers`, each with where its rule is enforced before the store.
    static let enforcedChecks: [String: String] = [
        #"CHECK (("version" IS NULL) OR ("version" >= 1))"#: "ArxivID.versionNumber(label:): a version is v1 or above",
        #"CHECK (("vector_row" IS NULL) OR ("vector_row" >= 0))"#: "VectorAppender: rows are counted from 0",
    ]

    /// A new CHECK constraint fails this test until its rule is added on the parser side.
    @Test func everyCheckConstraintOnPapersHasARuleBeforeTheStore() throws {
        let fixture = try LibraryFixture()
        _ = try fixture.open()
        let sql = try fixture.database().read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'papers'")
        }
        let checks = try #require(sql).ranges(of: "CHECK (").map { range in
            let text = try #require(sql)
            var depth = 0
            var end = range.upperBound
            for index in text[text.index(before: range.upperBound)...].indices {
                if text[index] == "(" { depth += 1 }
                if text[index] == ")" { depth -= 1 }
                if depth == 0 { end = text.index(after: index); break }
            }
            return String(text[range.lowerBound..<end])
        }
        #expect(Set(checks) == Set(Self.enforcedChecks.keys), "\(checks)")

        // The version rule: the store refuses version 0, and no parsed id can carry it.
        #expect(throws: DatabaseError.self) {
            try fixture.database().write { db in
                try db.execute(sql: "UPDATE papers SET version = 0")
                try db.execute(sql: """
                    INSERT INTO papers (base_id, version, title, abstract, language, source, text_hash, ingested_at)
                    VALUES ('0704.0001', 0, 't', 'a', 'en', 'snapshot', '', '2025-01-01')
                    """)
            }
        }
        #expect(ArxivID.versionNumber(label: "v0") == nil && ArxivID.versionNumber(label: "v-1") == nil)
        #expect(throws: ArxivIDError.self) { try ArxivID(parsing: "0704.0001").atVersion(label: "v0") }
    }

    /// A record with version v0 among a thousand good ones: it is a warning with its line, and every
    /// other record of its batch and of the file is stored.
    @Test func aVersionZeroRecordCostsOnlyItself() throws {
        let directory = try TemporaryDirectory()
        var lines = try String(contentsOf: CorpusSlice.lastPapers(1_020, in: directory.url), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        for index in [499, 1_009] { lines[index] = lines[index].replacingOccurrences(of: #""version": "v1""#, with: #""version": "v0""#) }
        let url = directory.file("v0.jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: url)

        let fixture = try LibraryFixture()
        let library = try fixture.open()
        var batch: [Paper] = []
        var issues: [ParseIssue] = []
        try SourceReader.read(url, format: nil, file: "v0.jsonl", papers: { paper in
            batch.append(paper)
            if batch.count == 1_000 {
                try library.ingest(batch, source: "v0.jsonl")
                batch = []
            }
        }, issue: { issues.append($0) })
        try library.ingest(batch, source: "v0.jsonl")

        #expect(issues.map(\.line) == [500, 1_010])
        #expect(issues.allSatisfy { $0.description.contains("has version 'v0'") })
        #expect(try library.stats().papers == 1_018)
        try expectHealthy(library, embedder: fixture.embedder)
    }

    /// `\u0000` in a title used to cut the stored title at the NUL (SQLite's C strings).
    @Test func controlCharactersNeverReachTheDatabase() throws {
        let fixture = try LibraryFixture()
        let library = try fixture.open()
        let paper = Paper(
            id: try ArxivID(parsing: "2512.19693v1"), title: "Before\u{0}After\u{1B}[2J", abstract: "a\u{0}b",
            authors: ["A\u{0}B"], categories: ["cs.CV\u{0}"], source: .snapshot)
        try library.ingest([paper], source: "nul.jsonl")
        let row = try fixture.database().read { db in
            try Row.fetchOne(db, sql: "SELECT title, length(title) AS n, abstract, authors, categories FROM papers")
        }
        let stored = try #require(row)
        #expect(stored["title"] as String == "Before After [2J")
        #expect(stored["n"] as Int == 16)
        #expect(stored["abstract"] as String == "a b")
        #expect(stored["authors"] as String == #"["A B"]"#)
        #expect(stored["categories"] as String == #"["cs.CV"]"#)
    }
}
