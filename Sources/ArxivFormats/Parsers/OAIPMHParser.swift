public import Foundation

/// Reads OAI-PMH `ListRecords` (and `GetRecord`) responses from arXiv's OAI-PMH interface in both
/// arXiv-specific metadata formats.
///
/// - `metadataPrefix=arXiv`: `<arXiv><id><created><updated><authors><author><keyname><forenames>
///   <suffix>…<title><categories><abstract>`. The format has no version history, so the id has no
///   version; ``Paper/published`` is `created` (first version), ``Paper/updated`` is `updated`.
/// - `metadataPrefix=arXivRaw`: `<arXivRaw><id><version version="v1"><date>…</date>…<title>
///   <authors><categories><abstract>`. The id gets the last version; `published` is the first
///   version's date, `updated` the last one's when there are several.
///
/// Deleted records (`<header status="deleted">`) are skipped silently: they carry no metadata.
/// `<resumptionToken completeListSize="…">token</resumptionToken>` fills
/// ``FeedPage/resumptionToken`` (nil when empty: the last page) and ``FeedPage/totalResults``.
/// `<error code="noRecordsMatch">` is an empty page; any other `<error>` is
/// ``FeedParseError/oaiError(file:code:message:)``.
public enum OAIPMHParser: FeedParser {
    /// Streams the records to `paper`/`issue`; returns the paging facts (no papers).
    public static func parse(
        _ data: Data, file: String, paper: (Paper) -> Void, issue: (ParseIssue) -> Void
    ) throws(FeedParseError) -> FeedPage {
        var page = FeedPage()
        try XMLRecordStream(recordName: "record", file: file).parse(data) { root throws(FeedParseError) in
            guard root.name == "OAI-PMH" else {
                throw .unexpectedDocument(file: file, expected: "an <OAI-PMH> response", found: "<\(root.name)>")
            }
        } outside: { element throws(FeedParseError) in
            switch element.name {
            case "error":
                let code = element.attributes["code"] ?? "unknown"
                if code != "noRecordsMatch" {
                    throw .oaiError(file: file, code: code, message: element.text.collapsingWhitespace)
                }
            case "resumptionToken":
                let token = element.text.trimmed
                page.resumptionToken = token.isEmpty ? nil : token
                if let size = element.attributes["completeListSize"].flatMap({ Int($0.trimmed) }) {
                    page.totalResults = size
                }
            default:
                break
            }
        } record: { record in
            if record.child("header")?.attributes["status"] == "deleted" { return }
            let result: Result<Paper, RecordError>
            if let metadata = record.descendant("arXiv") {
                result = makePaper(arXiv: metadata)
            } else if let metadata = record.descendant("arXivRaw") {
                result = makePaper(arXivRaw: metadata)
            } else {
                let format = record.child("metadata")?.children.first?.name ?? "none"
                result = .failure("record has no arXiv or arXivRaw metadata (found \(format.excerpt)); harvest with metadataPrefix=arXiv or arXivRaw")
            }
            switch result {
            case .success(let value): paper(value)
            case .failure(let error): issue(ParseIssue(file: file, line: record.line, message: error.message))
            }
        }
        return page
    }

    static func makePaper(arXiv metadata: MarkupElement) -> Result<Paper, RecordError> {
        guard let rawID = metadata.text(of: "id"), let id = try? ArxivID(parsing: rawID) else {
            return .failure("record id '\((metadata.text(of: "id") ?? "").excerpt)' is not an arXiv id")
        }
        let authors = (metadata.child("authors")?.children("author") ?? []).compactMap { author in
            AuthorList.name(parsed: [author.text(of: "keyname") ?? "", author.text(of: "forenames") ?? "",
                                     author.text(of: "suffix") ?? ""])
        }
        let paper = Paper(
            id: id, title: metadata.text(of: "title") ?? "", abstract: metadata.text(of: "abstract") ?? "",
            authors: authors, categories: categories(metadata),
            published: metadata.text(of: "created").flatMap(ArxivDate.day),
            updated: metadata.text(of: "updated").flatMap(ArxivDate.day),
            language: "en", source: .oai)
        guard !paper.title.isEmpty else { return .failure("record \(id) has no title") }
        return .success(paper)
    }

    static func makePaper(arXivRaw metadata: MarkupElement) -> Result<Paper, RecordError> {
        guard let rawID = metadata.text(of: "id"), let base = try? ArxivID(parsing: rawID) else {
            return .failure("record id '\((metadata.text(of: "id") ?? "").excerpt)' is not an arXiv id")
        }
        // Versions in number order: arXiv lists them in order, but v10 must not sort before v2.
        var versions: [(id: ArxivID, date: Date?)] = []
        for version in metadata.children("version") {
            do {
                let id = try base.atVersion(label: version.attributes["version"] ?? "")
                versions.append((id, version.text(of: "date").flatMap(ArxivDate.rfc2822)))
            } catch {
                return .failure("record \(error.description)")
            }
        }
        versions.sort { ($0.id.version ?? 0) < ($1.id.version ?? 0) }
        let paper = Paper(
            id: versions.last?.id ?? base, title: metadata.text(of: "title") ?? "",
            abstract: metadata.text(of: "abstract") ?? "",
            authors: AuthorList.split(metadata.text(of: "authors") ?? ""), categories: categories(metadata),
            published: versions.first?.date,
            updated: versions.count > 1 ? versions.last?.date : nil,
            language: "en", source: .oai)
        guard !paper.title.isEmpty else { return .failure("record \(base) has no title") }
        return .success(paper)
    }

    private static func categories(_ metadata: MarkupElement) -> [String] {
        (metadata.text(of: "categories") ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
    }
}
