import ArxivFormats
import Library
import LinearAlgebra
import Testing
import TestSupport
import TextEmbedding
@testable import Recommender

@Suite(.tags(.slow), .skippedInQuickLoop)
struct SimilarPapersTests {
    @Test func neighboursExcludeTheQueryAndShareItsField() throws {
        let corpus = try CorpusLibrary()
        let queries = try corpus.day("2025-12-29").prefix(40)
        var sameCategory = 0
        var total = 0
        for query in queries {
            let result = try corpus.recommender.similar(to: query.id, k: 10)
            #expect(result.items.count == 10)
            #expect(!result.items.contains { $0.id == query.id.base })
            #expect(zip(result.items, result.items.dropFirst()).allSatisfy { $0.similarity >= $1.similarity })
            let neighbours = try corpus.library.papers(result.items.map { try ArxivID(parsing: $0.id) })
            sameCategory += neighbours.filter { $0.primaryCategory == query.primaryCategory }.count
            total += neighbours.count
        }
        // Chance is about 0.45 on this cs.CV-heavy slice; the model reaches far more.
        #expect(Double(sameCategory) / Double(total) > 0.6)
    }

    @Test func searchFindsTheTopicOfFreeText() throws {
        let corpus = try CorpusLibrary()
        let result = try corpus.recommender.search("speech recognition for low-resource languages", k: 10)
        #expect(result.items.count == 10)
        let titles = result.items.map { $0.title.lowercased() }
        #expect(titles.filter { $0.contains("speech") || $0.contains("asr") || $0.contains("audio") || $0.contains("language") }.count >= 5)
        #expect(throws: RecommenderError.self) { try corpus.recommender.search("ŧŧŧ", k: 5) }
    }

    @Test func anUnknownIdIsAClearError() throws {
        let corpus = try CorpusLibrary()
        let id = try ArxivID(parsing: "2512.99999")
        #expect(throws: RecommenderError.self) { try corpus.recommender.similar(to: id, k: 5) }
    }
}

/// `similar` applies ``SimilarReRank/standard`` and prints its weighted mean of the two cosines.
@Suite(.tags(.slow), .skippedInQuickLoop)
struct SimilarRuleTests {
    @Test func printedSimilarityIsTheStandardMixOfDenseAndSparseCosines() throws {
        let corpus = try CorpusLibrary()
        let query = try #require(try corpus.day("2025-12-29").first)
        let result = try corpus.recommender.similar(to: query.id, k: 10)
        let papers = try corpus.library.papers(result.items.map { try ArxivID(parsing: $0.id) })
        let model = corpus.model
        let querySparse = model.sparse(ScoringText(query).text)
        let rule = SimilarReRank.standard
        try corpus.library.withVectors { view in
            let queryRow = Array(view.row(try #require(query.vectorRow)))
            for (item, paper) in zip(result.items, papers) {
                #expect(item.id == paper.id.base)
                let dense = DenseVector.dot(queryRow, Array(view.row(try #require(paper.vectorRow))))
                let sparse = querySparse.dot(model.sparse(ScoringText(paper).text))
                let expected = (dense + rule.sparseWeight * sparse) / (1 + rule.sparseWeight)
                #expect(abs(item.similarity - expected) < 1e-4, "\(item.id): \(item.similarity) vs \(expected)")
            }
        }
    }
}
