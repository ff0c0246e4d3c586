public import ArxivFormats
import Foundation
import Recommender
public import TextEmbedding

/// The papers of `evaluate --crosslang` cut in time: the model is fitted on the pairs announced before
/// ``cut`` and tested on the later ones, whose Chinese texts it has never seen — as the digests of days to
/// come will be. Every cross-language task reads this split, so they all test on the same papers with the
/// same model.
public struct CrossLanguageSplit: Sendable {
    /// The first day of the test period, `YYYY-MM-DD`.
    public let cut: String
    /// Papers announced before the cut (English metadata), in corpus order.
    public let train: [Paper]
    /// Papers announced on or after the cut, in corpus order.
    public let test: [Paper]
    /// The Chinese text of each paper that has one, by base id (both periods).
    public let chinese: [String: String]
    /// The model the tasks use: fitted on ``train`` with their Chinese texts, or given.
    public let model: EmbeddingModel

    /// Splits `papers` at `cut` by announcement day (the first version's date, UTC).
    public static func papers(_ papers: [Paper], cut: Day) -> (train: [Paper], test: [Paper]) {
        var train: [Paper] = []
        var test: [Paper] = []
        for paper in papers {
            guard let published = paper.published else { continue }
            if Day(published) < cut { train.append(paper) } else { test.append(paper) }
        }
        return (train, test)
    }

    public init(cut: String, train: [Paper], test: [Paper], chinese: [String: String], model: EmbeddingModel) {
        self.cut = cut
        self.train = train
        self.test = test
        self.chinese = chinese
        self.model = model
    }

    /// The fitted documents of the training period: each paper's English text with its Chinese text.
    static func fitDocuments(_ train: [Paper], chinese: [String: String]) -> [FitDocument] {
        train.map { FitDocument(english: $0.embeddingText, chinese: chinese[$0.id.base]) }
    }

    /// A bilingual model of `definition` fitted on the training period's papers and their Chinese texts:
    /// what every time-split measurement fits, so no test paper's text shapes the model.
    public static func fitModel(_ train: [Paper], chinese: [String: String], definition: ModelDefinition) throws -> EmbeddingModel {
        try EmbeddingModel.fit(documents: fitDocuments(train, chinese: chinese), definition: definition).0
    }

    /// The test papers that have a Chinese text, in corpus order.
    public var testPairs: [Paper] { test.filter { chinese[$0.id.base] != nil } }

    /// How many training papers have a Chinese text.
    public var trainPairCount: Int { train.reduce(0) { $0 + (chinese[$1.id.base] != nil ? 1 : 0) } }
}
