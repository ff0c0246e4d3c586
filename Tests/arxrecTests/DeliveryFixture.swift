import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestSupport

/// What the delivery tests share: the daily fixture (the real Chinese digest of 2025-12-23, profiles
/// `default` and `second`), English papers whose titles carry markup, controls and LaTeX, an Atom reader,
/// and a fake `sendmail` that records what it is given.
enum DeliveryFixture {
    static let atomNamespace = "http://www.w3.org/2005/Atom"
    static let serveURL = "http://127.0.0.1:8080"

    /// A title with markup, LaTeX, an ampersand and control characters (ESC, BEL, form feed, U+FFFE).
    static let hostileTitle = "Bounds with $\\alpha \\leq 0.5$ & <b>bold</b> ]]> \u{1B}]0;PWNED\u{07} \u{0C}\u{FFFE} end"
    /// More authors than a published shortlist lists.
    static let manyAuthors = (1 ... 14).map { "Author\($0) Surname" }

    /// A snapshot (.jsonl) of two English papers: 2512.99960 with ``hostileTitle`` and ``manyAuthors``,
    /// 2512.99961 with three authors and a LaTeX abstract. Returns its path.
    static func englishPapers(_ cli: CLIFixture) throws -> String {
        let sample = try #require(try SharedData.text("snapshot/arxiv-metadata-oai-snapshot-sample.jsonl").split(separator: "\n").first)
        let base = try #require(try JSONSerialization.jsonObject(with: Data(sample.utf8)) as? [String: Any])
        var first = base
        first["id"] = "2512.99960"
        first["title"] = hostileTitle
        first["authors"] = manyAuthors.joined(separator: ", ")
        // Without `authors_parsed` the reader takes `authors`, the names written here.
        first["authors_parsed"] = nil
        first["abstract"] = "We prove $\\mathcal{O}(n^{2})$ bounds <script>alert(1)</script> for diphoton production."
        var second = base
        second["id"] = "2512.99961"
        second["title"] = "Diphoton cross sections at the LHC"
        second["authors"] = "Ada Lovelace, Alan Turing, Grace Hopper"
        second["authors_parsed"] = nil
        second["abstract"] = "With $\\alpha \\leq 0.5$ we compute cross sections of diphoton production."
        let lines = try [first, second].map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
        return try cli.write("english.jsonl", lines.joined(separator: "\n") + "\n")
    }

    static func config(_ cli: CLIFixture, extra: String = "") throws {
        _ = try cli.write("config.json", #"{"digests": "digests", "profiles": ["default", "second"], "top": 4\#(extra)}"#)
    }

    static func text(_ cli: CLIFixture, _ name: String) throws -> String {
        try String(contentsOf: cli.home.url.appendingPathComponent("shortlists").appendingPathComponent(name), encoding: .utf8)
    }

    // MARK: Atom

    /// The document parsed by FoundationXML: a document that is not well-formed XML fails here.
    static func feed(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> XMLElement {
        let document = try XMLDocument(data: Data(text.utf8), options: [])
        let root = try #require(document.rootElement(), sourceLocation: sourceLocation)
        #expect(root.localName == "feed" && root.uri == atomNamespace, "an Atom feed: \(root.name ?? "")", sourceLocation: sourceLocation)
        return root
    }

    /// `xml:lang` of an element.
    static func language(_ element: XMLElement) -> String? {
        (element.attributes ?? []).first { $0.name == "xml:lang" || $0.localName == "lang" }?.stringValue
    }

    static func children(_ element: XMLElement, _ name: String) -> [XMLElement] {
        element.elements(forLocalName: name, uri: atomNamespace)
    }

    static func value(_ element: XMLElement, _ name: String) -> String? {
        children(element, name).first?.stringValue
    }

    /// RFC 4287's required elements of a feed (id, title, updated, an author) and of each entry (id,
    /// title, updated, a link, a summary, an author); returns the entries.
    static func checkRequiredElements(_ feed: XMLElement, sourceLocation: SourceLocation = #_sourceLocation) -> [XMLElement] {
        for name in ["id", "title", "updated"] {
            #expect(children(feed, name).count == 1, "feed/\(name)", sourceLocation: sourceLocation)
        }
        #expect(isTimestamp(value(feed, "updated")), sourceLocation: sourceLocation)
        #expect(children(feed, "author").first.flatMap { value($0, "name") } == "arxrec", sourceLocation: sourceLocation)
        let entries = children(feed, "entry")
        for entry in entries {
            for name in ["id", "title", "updated", "summary"] {
                #expect(children(entry, name).count == 1, "entry/\(name)", sourceLocation: sourceLocation)
            }
            #expect(!(value(entry, "title") ?? "").isEmpty, sourceLocation: sourceLocation)
            #expect(isTimestamp(value(entry, "updated")), sourceLocation: sourceLocation)
            #expect(!children(entry, "author").isEmpty, "entry/author", sourceLocation: sourceLocation)
            let alternate = links(entry).first { $0.rel == "alternate" }
            #expect(alternate?.href.hasPrefix("https://arxiv.org/abs/") == true, sourceLocation: sourceLocation)
            #expect(links(entry).contains { $0.type == "application/pdf" && $0.href.hasPrefix("https://arxiv.org/pdf/") },
                    sourceLocation: sourceLocation)
        }
        let ids = entries.compactMap { value($0, "id") }
        #expect(Set(ids).count == entries.count, "entry ids are unique", sourceLocation: sourceLocation)
        return entries
    }

    struct Link { var rel: String; var type: String; var title: String; var href: String }

    static func links(_ element: XMLElement) -> [Link] {
        children(element, "link").map { link in
            func attribute(_ name: String) -> String {
                (link.attributes ?? []).first { $0.localName == name || $0.name == name }?.stringValue ?? ""
            }
            return Link(rel: attribute("rel").isEmpty ? "alternate" : attribute("rel"), type: attribute("type"),
                        title: attribute("title"), href: attribute("href"))
        }
    }

    /// RFC 3339 as the feed writes it: `YYYY-MM-DDT00:00:00Z`.
    static func isTimestamp(_ text: String?) -> Bool {
        guard let text else { return false }
        return text.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"#, options: .regularExpression) != nil
    }

    // MARK: A fake sendmail

    /// A folder holding an executable `sendmail` that writes its arguments (one a line) to
    /// `<records>/<pid>.argv` and its standard input to `<records>/<pid>.eml`, then exits with `status`
    /// after printing `message` on stderr.
    static func fakeSendmail(in cli: CLIFixture, status: Int = 0, message: String = "") throws -> (bin: URL, records: URL) {
        let bin = cli.home.url.appendingPathComponent("bin")
        let records = cli.home.url.appendingPathComponent("mail")
        try FileManager.default.createDirectory(at: records, withIntermediateDirectories: true)
        let script = """
            #!/bin/sh
            for argument in "$@"; do printf '%s\\n' "$argument"; done > '\(records.path)'/$$.argv
            cat > '\(records.path)'/$$.eml
            \(message.isEmpty ? "" : "echo '\(message)' >&2")
            exit \(status)

            """
        let path = try cli.write("bin/sendmail", script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return (bin, records)
    }

    /// The recorded messages: their argv and text.
    static func recordedMail(_ records: URL) throws -> [(argv: [String], message: String)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: records.path).filter { $0.hasSuffix(".eml") }.sorted()
        return try names.map { name in
            let stem = String(name.dropLast(".eml".count))
            let argv = try String(contentsOf: records.appendingPathComponent(stem + ".argv"), encoding: .utf8)
            let message = try String(contentsOf: records.appendingPathComponent(name), encoding: .utf8)
            return (argv.split(separator: "\n").map(String.init), message)
        }
    }

    /// An Internet message's headers (names lower-cased; folded lines joined) and its body.
    static func parseMessage(_ text: String) -> (headers: [String: String], body: String) {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        let parts = normalized.components(separatedBy: "\n\n")
        var headers: [String: String] = [:]
        var last: String?
        for line in (parts.first ?? "").split(separator: "\n") {
            if line.first == " " || line.first == "\t", let last {
                headers[last, default: ""] += " " + line.trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            last = name
        }
        return (headers, parts.dropFirst().joined(separator: "\n\n"))
    }
}
