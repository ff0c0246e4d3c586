import Foundation
import TestSupport
@testable import TextEmbedding

/// The first papers of the shared 2025 cs corpus, read with JSONSerialization (tests only).
struct CorpusPaper {
    var text: String
    var primaryCategory: String
}

enum CorpusSample {
    /// `count` papers of `corpus/arxiv-cs-2025.jsonl` — every `stride`-th line from the first — as
    /// title + ". " + abstract with the primary category. A stride spreads the sample over the year's
    /// listings (the file is in announcement order).
    static func papers(_ count: Int, every stride: Int = 1) throws -> [CorpusPaper] {
        let data = try Data(contentsOf: SharedData.corpus)
        var papers: [CorpusPaper] = []
        let lines = data.split(separator: UInt8(ascii: "\n"))
        for lineNumber in Swift.stride(from: 0, to: lines.count, by: stride) where papers.count < count {
            let line = lines[lineNumber]
            guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let title = object["title"] as? String, let abstract = object["abstract"] as? String,
                let categories = object["categories"] as? String,
                let primary = categories.split(separator: " ").first
            else { continue }
            papers.append(CorpusPaper(text: title + ". " + abstract, primaryCategory: String(primary)))
        }
        return papers
    }

    /// Title + ". " + abstract of the corpus papers whose base id is in `ids`.
    static func texts(ids: Set<String>) throws -> [String: String] {
        var texts: [String: String] = [:]
        for line in try Data(contentsOf: SharedData.corpus).split(separator: UInt8(ascii: "\n")) {
            guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let id = object["id"] as? String, ids.contains(id),
                let title = object["title"] as? String, let abstract = object["abstract"] as? String
            else { continue }
            texts[id] = title + ". " + abstract
        }
        return texts
    }

    /// The title cells of the Chinese digest's table rows (all Chinese, some with Latin names).
    static func digestTitles() throws -> [String] {
        try SharedData.text("digests/2025-12-23.md").split(separator: "\n")
            .filter { $0.hasPrefix("| ") && !$0.hasPrefix("| 标题") }
            .compactMap { $0.split(separator: "|").first.map { $0.trimmingCharacters(in: .whitespaces) } }
    }
}

/// Models fitted once per test process and shared by the tests that need one.
enum FittedModels {
    /// 2,000 corpus papers, 64 dimensions, buckets in ≥ 5 papers.
    static let small: Result<(EmbeddingModel, FitRecord), any Error> = Result {
        let texts = try CorpusSample.papers(2_000).map(\.text)
        return try EmbeddingModel.fit(texts: texts, definition: smallDefinition, progress: nil)
    }

    static let smallDefinition = ModelDefinition(name: "test-small", dimension: 64, minimumDocumentFrequency: 5)

    /// The default model committed in `Models/`.
    static let standard: Result<EmbeddingModel, any Error> = Result {
        try EmbeddingModel.load(from: ModelLocator.defaultModelDirectory())
    }
}

/// Cosine similarity of two dense vectors.
func cosine(_ a: [Float], _ b: [Float]) -> Float {
    zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
}
