import Foundation
import Testing
import TestSupport
@testable import ArxivFormats

/// What a parser hands the store is storable: a version the `papers.version` CHECK accepts, text
/// under the one text rule, dates that never overflow. A record that breaks a rule is skipped
/// with its line; the records around it are read.
struct RecordValidationTests {
    /// Sample lines 1–6 with the 4th record's first version relabelled.
    static func snapshot(versionOfFourth label: String) throws -> String {
        var lines = try SharedData.text("snapshot/arxiv-metadata-oai-snapshot-sample.jsonl")
            .split(separator: "\n").prefix(6).map(String.init)
        lines[3] = lines[3].replacingOccurrences(of: #"{"version":"v1""#, with: #"{"version":"\#(label)""#)
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(arguments: ["v0", "v-1", "v", "1", "v99999999999999999999999"])
    func aSnapshotVersionBelowOneSkipsOnlyItsRecord(label: String) throws {
        let text = try Self.snapshot(versionOfFourth: label)
        #expect(text.contains(#""version":"\#(label)""#))
        let directory = try TemporaryDirectory()
        let url = directory.file("versions.jsonl")
        try Data(text.utf8).write(to: url)
        let (papers, issues) = try SourceReaderTests.read(url, file: "versions.jsonl")
        #expect(papers.map(\.id.base) == ["0704.0001", "0704.0002", "0704.0003", "0704.0005", "0704.0006"])
        #expect(papers.allSatisfy { ($0.id.version ?? 1) >= 1 })
        #expect(issues.map(\.description) == ["versions.jsonl:4: record 0704.0004 has version '\(label)': versions are v1, v2, …; line skipped"])
    }

    @Test func anArXivRawVersionBelowOneSkipsOnlyItsRecord() throws {
        let original = try String(decoding: Fixtures.data("oai-arXivRaw-page2.xml"), as: UTF8.self)
        let damaged = original.replacingOccurrences(of: #"<version version="v1">"#, with: #"<version version="v0">"#)
        #expect(damaged != original)
        let clean = try OAIPMHParser.parse(Data(original.utf8), file: "r2.xml")
        let page = try OAIPMHParser.parse(Data(damaged.utf8), file: "r2.xml")
        #expect(clean.papers.count == 2 && clean.issues.isEmpty)
        #expect(page.papers.isEmpty)
        #expect(page.issues.count == 2)
        #expect(page.issues.allSatisfy { $0.message.contains("has version 'v0': versions are v1, v2, …") && $0.line != nil })
    }

    /// The id forms of the other formats go through the same rule: a `v0` id skips its record.
    @Test func aVersionZeroIdInAnyFormatSkipsItsRecord() throws {
        let atom = try String(decoding: SharedData.data("arxiv-api/\(AtomParserTests.file("q_testing_s0_m10_"))"), as: UTF8.self)
        let rss = try String(decoding: Fixtures.data("rss-cs.CV-2025-12-30.xml"), as: UTF8.self)
        let digest = try SharedData.text("digests/2025-12-23.md")
        // An RSS item whose description and guid name v0 falls back to its unversioned abs link.
        let pages: [(String, Bool, (Data) throws -> FeedPage)] = [
            (atom, true, { try AtomParser.parse($0, file: "a.xml") }), (rss, false, { try RSSParser.parse($0, file: "r.xml") }),
            (digest, true, { try DigestParser.parse($0, file: "d.md") }),
        ]
        for (text, skips, parse) in pages {
            let clean = try parse(Data(text.utf8))
            let damaged = try parse(Data(text.replacingOccurrences(of: "v1", with: "v0").utf8))
            #expect(!clean.papers.isEmpty)
            #expect(damaged.papers.allSatisfy { ($0.id.version ?? 1) >= 1 })
            #expect(damaged.papers.count + damaged.issues.count >= clean.papers.count)
            #expect(!skips || damaged.papers.count < clean.papers.count)
        }
    }

    @Test func theVersionRuleIsOne() throws {
        #expect(ArxivID.versionNumber(label: "v1") == 1)
        #expect(ArxivID.versionNumber(label: " V12 ") == 12)
        for label in ["v0", "v-1", "v+1", "v", "", "1", "w1", "v1.0", "v99999999999999999999999"] {
            #expect(ArxivID.versionNumber(label: label) == nil, "\(label)")
        }
        let id = try ArxivID(parsing: "2512.19693")
        #expect(try id.atVersion(label: "v3").description == "2512.19693v3")
        #expect(throws: ArxivIDError.invalidVersion(id: "2512.19693", label: "v0")) { try id.atVersion(label: "v0") }
        #expect(throws: ArxivIDError.self) { try ArxivID(parsing: "2512.19693v0") }
        #expect(throws: ArxivIDError.self) { try ArxivID(base: "2512.19693", version: 0) }
    }

    /// `\u0000` in a JSON title used to cut the stored title at the NUL; an ESC would reach the terminal.
    @Test func controlCharactersInSnapshotFieldsAreSpaces() throws {
        let line = #"{"id":"0704.0001","title":"Before\u0000After \u001b[31mred\u0085","abstract":"a\u0007b","#
            + #""authors":"A. One, B.\u0000Two","categories":"hep-ph\u0000 math.CO \u0001","versions":[{"version":"v1","created":"Mon, 2 Apr 2007 19:18:42 GMT"}]}"#
        let directory = try TemporaryDirectory()
        let url = directory.file("controls.jsonl")
        try Data((line + "\n").utf8).write(to: url)
        let (papers, issues) = try SourceReaderTests.read(url, file: "controls.jsonl")
        #expect(issues.isEmpty)
        let paper = try #require(papers.first)
        #expect(paper.title == "Before After [31mred")
        #expect(paper.abstract == "a b")
        #expect(paper.authors == ["A. One", "B. Two"])
        #expect(paper.categories == ["hep-ph", "math.CO"])
    }

    @Test func controlCharactersInDigestAndFeedFieldsAreSpaces() throws {
        let digest = "# arxiv 2025-12-23\n| 标题 | 作者 | PDF链接 | 摘要 |\n|---|---|---|---|\n"
            + "| 标\u{1B}[2J题\u{0} | 作\u{7F}者 | [PDF](https://arxiv.org/pdf/2512.00001v1) | 摘\u{8}要 |\n"
        let page = try DigestParser.parse(Data(digest.utf8), file: "c.md")
        #expect(page.issues.isEmpty)
        #expect(page.papers.first?.title == "标 [2J题")
        #expect(page.papers.first?.authors == ["作 者"])
        #expect(page.papers.first?.abstract == "摘 要")

        // XML 1.0 admits C1 controls (U+0080–U+009F) as character references; CSI (U+009B) starts an escape sequence.
        let atom = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2104.12255v1</id>
        <title>A&#x9B;31m title&#x85;</title><summary>B&#x9B;2J</summary><author><name>C&#x9B;K D</name></author>
        <category term="cs.CV&#x9B;"/></entry></feed>
        """
        let feed = try AtomParser.parse(Data(atom.utf8), file: "c.xml")
        let paper = try #require(feed.papers.first)
        #expect(paper.title == "A 31m title")
        #expect(paper.abstract == "B 2J")
        #expect(paper.authors == ["C K D"])
        #expect(paper.categories == ["cs.CV"])
    }

    /// The rule holds for every assignment, not only for the parsers' initializer calls.
    @Test func everyTextFieldKeepsTheRuleWhoeverSetsIt() throws {
        var paper = Paper(
            id: try ArxivID(parsing: "2512.19693"), title: " \u{0}Title\n", abstract: "x", authors: ["A\u{0}", "", " "],
            categories: ["cs.CV", "cs.CV", "\u{1}"], language: "en\u{0}", source: .atom,
            translatedTitle: "\u{1B}标题", translatedAbstract: "摘\r\n要", translationLanguage: "zh\u{0}")
        #expect(paper.title == "Title" && paper.authors == ["A"] && paper.categories == ["cs.CV"])
        #expect(paper.language == "en" && paper.translatedTitle == "标题" && paper.translatedAbstract == "摘 要")
        #expect(paper.translationLanguage == "zh")
        paper.title = "New\u{0}Title"
        paper.abstract = "\u{9B}abstract"
        paper.authors = ["\u{7}"]
        paper.categories = ["a\u{0}", "a\u{0}"]
        paper.translatedTitle = "t\u{0}"
        #expect(paper.title == "New Title" && paper.abstract == "abstract" && paper.authors.isEmpty)
        #expect(paper.categories == ["a"] && paper.translatedTitle == "t")
        // Decoding goes through the same rule; encoding round-trips.
        var json = String(decoding: try JSONEncoder().encode(paper), as: UTF8.self)
        json = json.replacingOccurrences(of: #""title":"New Title""#, with: #""title":"New\u0000Title\u001b""#)
        #expect(json.contains(#"\u0000"#))
        let decoded = try JSONDecoder().decode(Paper.self, from: Data(json.utf8))
        #expect(decoded == paper)
    }

    /// Skipped-record messages quote the record's text under the same rule, cut short: one line each.
    @Test func issuesAreOneLineWhateverTheyQuote() throws {
        let id = "not\nan id\u{1B}[2J" + String(repeating: "x", count: 10_000)
        let line = #"{"id":"\#(id.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\u{1B}", with: "\\u001b"))","title":"T"}"#
        let good = try SharedData.text("snapshot/arxiv-metadata-oai-snapshot-sample.jsonl").split(separator: "\n")[0]
        let directory = try TemporaryDirectory()
        let url = directory.file("quoted.jsonl")
        try Data((good + "\n" + line + "\n").utf8).write(to: url)
        let (_, issues) = try SourceReaderTests.read(url, file: "quoted.jsonl")
        let issue = try #require(issues.first)
        #expect(!issue.description.contains("\n") && !issue.description.contains("\u{1B}"))
        #expect(issue.description.count < 300)
        #expect(issue.description.hasPrefix("quoted.jsonl:2: 'not an id [2Jxxx"))
    }

    /// A year or clock too large for arithmetic is an unknown date, not an overflow trap.
    @Test func outOfRangeDatesAreUnknownNotACrash() {
        for text in [
            "Mon, 2 Apr 9223372036854775807 19:18:42 GMT", "Mon, 2 Apr 2007 9223372036854775807:00 GMT",
            "Mon, 2 Apr 2007 19:9223372036854775807 GMT", "Mon, 2 Apr 2007 25:00:00 GMT", "2 Apr 2007 19:18:42 +9999",
            "2 Apr -2007", "2 Apr 2007 1:2:3:4", "2 Apr 2007 -1:00",
        ] {
            #expect(ArxivDate.rfc2822(text) == nil, "\(text)")
        }
        for text in ["0000-01-01", "2021-04-20T24:00:00Z", "2021-04-20T16:60:00Z", "2021-04-20T16:07:14+25:00"] {
            #expect(ArxivDate.iso8601(text) == nil, "\(text)")
        }
        #expect(ArxivDate.rfc2822("Mon, 2 Apr 07 19:18:42 GMT") == Date(timeIntervalSince1970: 1_175_541_522))
    }
}
