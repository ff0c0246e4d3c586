public import Foundation

/// A paper's Chinese text from a JSON-lines file of structured summaries
/// (`{"id", "date", "tldr", "motivation", "method", "result", "conclusion"}`, one paper per line, as
/// `corpus/arxiv-cs-2025-zh.jsonl` holds): what a bilingual model is fitted on beside the paper's English.
public struct ChineseSummary: Sendable, Equatable {
    /// The paper's base id (no version).
    public var id: String
    /// The listing day, `YYYY-MM-DD`.
    public var date: String
    /// What a digest row built from the summary holds, as ``Paper/embeddingText`` reads it: the tldr as the
    /// title, then motivation, method, result and conclusion as the abstract's paragraphs.
    public var text: String

    public init(id: String, date: String, text: String) {
        self.id = id
        self.date = date
        self.text = text
    }
}

/// Reads a whole file of ``ChineseSummary`` lines; a malformed line is reported and skipped.
public enum ChineseSummaryReader {
    private struct Record: Decodable {
        var id: String
        var date: String?
        var tldr: String?
        var motivation: String?
        var method: String?
        var result: String?
        var conclusion: String?
    }

    /// The summaries of `url` in file order (the first of a repeated id wins); `issue` receives one
    /// `file:line: reason` per skipped line.
    public static func read(_ url: URL, issue: (ParseIssue) -> Void) throws -> [ChineseSummary] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw FeedParseError.unreadable(file: url.path, reason: error.localizedDescription)
        }
        let decoder = JSONDecoder()
        var summaries: [ChineseSummary] = []
        var seen = Set<String>()
        for (index, line) in data.split(separator: 0x0a, omittingEmptySubsequences: false).enumerated()
        where line.contains(where: { $0 != 0x20 && $0 != 0x0d && $0 != 0x09 }) {
            let record: Record
            do { record = try decoder.decode(Record.self, from: Data(line)) } catch {
                issue(ParseIssue(file: url.path, line: index + 1, message: "not a Chinese summary record (\(error.localizedDescription))"))
                continue
            }
            guard let id = try? ArxivID(parsing: record.id) else {
                issue(ParseIssue(file: url.path, line: index + 1, message: "'\(record.id)' is not an arXiv id"))
                continue
            }
            let title = (record.tldr ?? "").collapsingWhitespace
            let abstract = [record.motivation, record.method, record.result, record.conclusion]
                .compactMap { $0?.collapsingWhitespace }.filter { !$0.isEmpty }.joined(separator: " ")
            let text = title.isEmpty ? abstract : abstract.isEmpty ? title : title + ". " + abstract
            guard !text.isEmpty, seen.insert(id.base).inserted else { continue }
            summaries.append(ChineseSummary(id: id.base, date: record.date ?? "", text: text))
        }
        return summaries
    }
}
