import Foundation
import Testing
import TestSupport

/// Titles and abstracts are data: escape sequences in them must not reach the terminal through any
/// command, and markup in them must not reach a published shortlist. A real library of corpus papers
/// plus hostile records (snapshot JSON lines whose text carries the attacks), driven through the binary.
@Suite(.serialized, .tags(.slow), .skippedInQuickLoop)
struct TerminalInjectionTests {
    /// Sets the window title, clears the screen, plants an OSC 8 link, a C1 CSI and a bidi override.
    static let escapes = "\u{1B}]0;PWNED\u{07}\u{1B}[2J \u{1B}]8;;https://evil.example\u{07}link\u{1B}]8;;\u{07} \u{9B}31m \u{202E}desrever"
    static let markup = "<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) a|b"

    /// The last 200 corpus papers, two hostile papers (ids 2512.99900 and its twin 2512.99901, the text of
    /// the newest corpus paper with hostile additions) and a record whose id is itself an escape sequence.
    static func library() throws -> (cli: CLIFixture, hostile: String, base: [String: Any]) {
        let cli = try CLIFixture()
        let slice = try CorpusSlice.lastPapers(200, in: cli.home.url)
        let lines = try String(contentsOf: slice, encoding: .utf8).split(separator: "\n")
        let newest = try #require(lines.last)
        let base = try #require(try JSONSerialization.jsonObject(with: Data(newest.utf8)) as? [String: Any])
        var records: [[String: Any]] = []
        for (index, id) in ["2512.99900", "2512.99901"].enumerated() {
            var record = base
            record["id"] = id
            record["title"] = "\(escapes) \(base["title"] as? String ?? "") \(markup) \(index)"
            record["abstract"] = "\(base["abstract"] as? String ?? "") \(markup) \(escapes)"
            records.append(record)
        }
        var broken = base
        broken["id"] = "\u{1B}]0;PWNED\u{07}\u{1B}[2J"
        records.append(broken)
        let text = try records.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }.joined(separator: "\n")
        let hostile = try cli.write("hostile.jsonl", text + "\n")

        let ingest = try cli.run(["ingest", slice.path, hostile])
        #expect(ingest.status == 2, "the record with the escape-sequence id is skipped: \(ingest.stderr)")
        expectClean(ingest, "ingest")
        #expect(ingest.stderr.contains("PWNED"), "the parser warning quotes the id, made safe: \(ingest.stderr)")
        return (cli, hostile, base)
    }

    /// No control (but the line feed), DEL, C1 control or bidi override or isolate in either stream.
    static func expectClean(_ result: ArxrecProcess.Result, _ command: String, sourceLocation: SourceLocation = #_sourceLocation) {
        expectClean(text: result.stdout, "\(command) on stdout", sourceLocation: sourceLocation)
        expectClean(text: result.stderr, "\(command) on stderr", sourceLocation: sourceLocation)
        #expect(!result.signalled, "\(command) crashed", sourceLocation: sourceLocation)
    }

    static func expectClean(text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let unsafe = text.unicodeScalars.filter {
            ($0.value < 0x20 && $0 != "\n") || (0x7F ... 0x9F).contains($0.value)
                || (0x202A ... 0x202E).contains($0.value) || (0x2066 ... 0x2069).contains($0.value)
        }
        #expect(unsafe.isEmpty, "\(what): \(unsafe.map { String($0.value, radix: 16) })", sourceLocation: sourceLocation)
    }

    @Test func noCommandPassesEscapeSequencesToTheTerminal() throws {
        let (cli, hostile, base) = try Self.library()
        let baseID = try #require(base["id"] as? String)
        let lines = try String(contentsOf: try CorpusSlice.lastPapers(200, in: cli.home.url), encoding: .utf8).split(separator: "\n")
        let likes = try lines.suffix(6).dropLast().map { line -> String in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return try #require(object?["id"] as? String)
        }
        #expect(try cli.run(["import-likes", try cli.write("likes.txt", likes.joined(separator: "\n")), "--offline"]).status == 0)

        let commands: [[String]] = [
            ["rate", "2512.99900", "like", "--offline"],
            ["ratings"],
            ["profile", "show"],
            ["shortlist", "--input", hostile, "--top", "5"],
            ["similar", "2512.99901", "--offline"],
            ["similar", baseID, "--offline"],
            ["search", base["title"] as? String ?? ""],
        ]
        for arguments in commands {
            let result = try cli.run(arguments)
            #expect(result.status == 0 || result.status == 2, "\(arguments): \(result.stderr)")
            Self.expectClean(result, arguments.joined(separator: " "))
            #expect(result.stdout.contains("PWNED"), "\(arguments) shows the hostile title, made safe: \(result.stdout)")
        }
        // The same commands' JSON: escaped by the encoder, the hostile title still there for scripts.
        for arguments in [["ratings"], ["similar", "2512.99901", "--offline"]] {
            let result = try cli.run(arguments + ["--format", "json"])
            Self.expectClean(result, (arguments + ["--format", "json"]).joined(separator: " "))
            #expect(result.stdout.contains("PWNED"))
            #expect(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) is [String: Any])
        }
        // An argument quoted back in a usage error.
        let usage = try cli.run(["similar", "\u{1B}]0;PWNED\u{07}\u{1B}[2J", "--offline"])
        #expect(usage.status == 64)
        Self.expectClean(usage, "similar <escape sequence>")
        #expect(usage.stderr.contains("PWNED"))
    }

    @Test func publishedShortlistsCarryNoMarkupAndOnlyArxivLinks() throws {
        let (cli, hostile, _) = try Self.library()
        #expect(try cli.run(["rate", "2512.99901", "like", "--offline"]).status == 0)

        let markdown = try cli.run(["shortlist", "--input", hostile, "--format", "markdown"])
        // 2: the hostile file's record with an escape-sequence id is skipped, as `ingest` reports it.
        #expect(markdown.status == 2, "\(markdown.stderr)")
        Self.expectClean(markdown, "shortlist --format markdown")
        Self.expectNoMarkdown(markdown.stdout)
        #expect(markdown.stdout.contains("PWNED"))
        // Every table row has its four cells: no title or abstract adds a cell.
        let rows = markdown.stdout.split(separator: "\n").filter { $0.hasPrefix("| ") }
        #expect(rows.count == 2)
        for row in rows { #expect(Self.unescapedPipes(row) == 5, "\(row)") }

        let html = try cli.run(["shortlist", "--input", hostile, "--format", "html"])
        #expect(html.status == 2)
        Self.expectClean(html, "shortlist --format html")
        Self.expectNoHTML(html.stdout)
    }

    @Test func theDailyFilesCarryNoMarkupEither() throws {
        let cli = try DailyCommandTests.setUp(top: 20)
        let row = "| 恶意 \(Self.escapes) \(Self.markup.replacingOccurrences(of: "|", with: "\\|")) | 某人 | [PDF](https://arxiv.org/pdf/2512.99950v1) | 摘要 \(Self.markup.replacingOccurrences(of: "|", with: "\\|")) |"
        let digest = try SharedData.text("digests/2025-12-23.md") + "\n" + row + "\n"
        _ = try cli.write("digests/2025-12-23-hostile.md", digest)
        let result = try cli.run(["daily", "--date", "2025-12-23", "--offline"])
        #expect(result.status == 0, "\(result.stderr)")
        Self.expectClean(result, "daily")
        let folder = cli.home.url.appendingPathComponent("shortlists")
        for name in ["2025-12-23-default.md", "2025-12-23-default.html", "2025-12-23-default.json", "default.atom"] {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(text.contains("PWNED"), "\(name) lists the hostile paper")
            Self.expectClean(text: text, name)
            if name.hasSuffix(".md") { Self.expectNoMarkdown(text) }
            if name.hasSuffix(".html") || name.hasSuffix(".atom") { Self.expectNoHTML(text) }
        }
    }

    /// No markdown a paper's text made: every `<`, `[`, `]`, `(`, `)` and `|` of a title or abstract is
    /// escaped, so the only link targets are the PDF links arxrec builds from ids.
    static func expectNoMarkdown(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let unescaped = unescapedText(text)
        for raw in ["<script", "<img", "](javascript", "[x]"] {
            #expect(!unescaped.contains(raw), "\(raw) came through", sourceLocation: sourceLocation)
        }
        for target in unescaped.components(separatedBy: "](").dropFirst().map({ $0.prefix(while: { $0 != ")" }) }) {
            #expect(target.hasPrefix("https://arxiv.org/pdf/"), "link to \(target)", sourceLocation: sourceLocation)
        }
    }

    /// No element or attribute a paper's text made; every link is arXiv's (abstract or PDF).
    static func expectNoHTML(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for raw in ["<script", "<img"] {
            #expect(!text.contains(raw), "\(raw) came through", sourceLocation: sourceLocation)
        }
        for target in text.components(separatedBy: "href=\"").dropFirst().map({ $0.prefix(while: { $0 != "\"" }) }) {
            #expect(target.hasPrefix("https://arxiv.org/abs/") || target.hasPrefix("https://arxiv.org/pdf/"),
                    "link to \(target)", sourceLocation: sourceLocation)
        }
    }

    /// `text` with every backslash-escaped character dropped: what markdown reads as syntax.
    static func unescapedText(_ text: String) -> String {
        var result = ""
        var escaped = false
        for character in text {
            if !escaped && character != "\\" { result.append(character) }
            escaped = character == "\\" && !escaped
        }
        return result
    }

    static func unescapedPipes(_ row: Substring) -> Int {
        var count = 0
        var escaped = false
        for character in row {
            if character == "|" && !escaped { count += 1 }
            escaped = character == "\\" && !escaped
        }
        return count
    }
}
