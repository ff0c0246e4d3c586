import ArxivFormats
import Foundation

/// The real papers of the dev corpus, read once through the project's own `SnapshotReader`.
public enum Corpus {
    /// Every paper of `url` (default: the dev corpus) in file order; a malformed record stops the benchmark,
    /// since its figures would no longer be about the whole corpus.
    public static func papers(_ url: URL = SharedData.corpus) -> [Paper] {
        let url = SharedData.require(url)
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            var papers: [Paper] = []
            var problems: [String] = []
            try SnapshotReader(handle: handle, file: url.path).forEach({ papers.append($0) }, issue: {
                problems.append($0.description)
            })
            guard problems.isEmpty else { fatalError("\(url.path): \(problems.count) bad records, first: \(problems[0])") }
            return papers
        } catch {
            fatalError("\(url.path): \(error)")
        }
    }

    /// title + ". " + abstract of every corpus paper: the text the model embeds.
    public static func texts(_ url: URL = SharedData.corpus) -> [String] {
        papers(url).map(\.embeddingText)
    }
}
