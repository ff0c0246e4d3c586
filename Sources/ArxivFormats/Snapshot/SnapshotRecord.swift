import Foundation

/// One line of arXiv's bulk metadata snapshot (Kaggle `arxiv-metadata-oai-snapshot.json`).
///
/// Only the fields a ``Paper`` needs are decoded; `submitter`, `comments`, `journal-ref`, `doi`,
/// `report-no`, `license` are ignored, and any of them may be `null`.
struct SnapshotRecord: Decodable {
    struct Version: Decodable {
        var version: String?
        var created: String?
    }

    var id: String
    var title: String?
    var abstract: String?
    var authors: String?
    var categories: String?
    var versions: [Version]?
    var updateDate: String?
    var authorsParsed: [[String]]?

    enum CodingKeys: String, CodingKey {
        case id, title, abstract, authors, categories, versions
        case updateDate = "update_date"
        case authorsParsed = "authors_parsed"
    }

    /// The paper, or why the record is unusable.
    ///
    /// The id gets the last listed version; `published` is the first version's `created` (RFC 2822),
    /// `updated` is `update_date`; authors come from `authors_parsed` as `First Last`, else from
    /// splitting `authors`.
    func paper() -> Result<Paper, RecordError> {
        guard let base = try? ArxivID(parsing: id), base.version == nil else {
            return .failure("'\(id.excerpt)' is not an arXiv id")
        }
        var paperID = base
        for entry in versions ?? [] {
            guard let label = entry.version else { continue }
            do {
                paperID = try base.atVersion(label: label)
            } catch {
                return .failure("record \(error.description)")
            }
        }
        var names = (authorsParsed ?? []).compactMap(AuthorList.name(parsed:))
        if names.isEmpty, let authors { names = AuthorList.split(authors) }
        let paper = Paper(
            id: paperID, title: title ?? "", abstract: abstract ?? "", authors: names,
            categories: (categories ?? "").split(whereSeparator: \.isWhitespace).map(String.init),
            published: versions?.first?.created.flatMap(ArxivDate.rfc2822),
            updated: updateDate.flatMap(ArxivDate.day),
            language: "en", source: .snapshot)
        guard !paper.title.isEmpty else { return .failure("record \(id.excerpt) has no title") }
        return .success(paper)
    }
}
