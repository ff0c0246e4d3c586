import ArxivFormats
import Foundation

/// The Chinese texts of the dev corpus's papers (`corpus/arxiv-cs-2025-zh.jsonl`), read through the project's
/// own `ChineseSummaryReader`: the tldr as the title, then motivation, method, result and conclusion.
public enum ChineseCorpus {
    /// The Chinese corpus file.
    public static var url: URL { SharedData.directory.appendingPathComponent("corpus/arxiv-cs-2025-zh.jsonl") }

    /// Every summary's text in file order; a malformed line stops the benchmark, as in ``Corpus``.
    public static func texts() -> [String] {
        let url = SharedData.require(url)
        do {
            var problems: [String] = []
            let summaries = try ChineseSummaryReader.read(url) { problems.append($0.description) }
            guard problems.isEmpty else { fatalError("\(url.path): \(problems.count) bad records, first: \(problems[0])") }
            return summaries.map(\.text)
        } catch {
            fatalError("\(url.path): \(error)")
        }
    }
}
