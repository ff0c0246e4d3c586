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

/// `similar` applies ``SimilarReRank/standard`` and prints its weighted mean of the two cosines: the dense one,
/// and the sparse one with the query moved towards the best 3 of the first re-score (its feedback step; each
/// of those 3 against the query moved towards the other two), recomputed here by brute force over every row.
@Suite(.tags(.slow), .skippedInQuickLoop)
struct SimilarRuleTests {
    @Test func printedSimilarityIsTheStandardMixOfDenseAndSparseCosines() throws {
        let corpus = try CorpusLibrary()
        let query = try #require(try corpus.day("2025-12-29").first)
        let result = try corpus.recommender.similar(to: query.id, k: 10)
        let model = corpus.model
        let querySparse = model.sparse(ScoringText(query).text)
        let rule = SimilarReRank.standard
        #expect(rule.usesFeedback)
        let (queryRow, dense) = try corpus.library.withVectors { view in
            let queryRow = Array(view.row(try #require(query.vectorRow)))
            return (queryRow, (0 ..< view.rowCount).map { DenseVector.dot(queryRow, Array(view.row($0))) })
        }
        #expect(queryRow.count == model.dimension)
        let ids = try corpus.library.ids(ofVectorRows: Array(dense.indices))
        let neighbourhood = dense.indices.filter { ids[$0] != nil && ids[$0]?.base != query.id.base }
            .sorted { dense[$0] != dense[$1] ? dense[$0] > dense[$1] : $0 < $1 }.prefix(rule.depth)
        let papers = try corpus.library.papers(neighbourhood.compactMap { ids[$0] })
        let byID = Dictionary(papers.map { ($0.id.base, $0) }, uniquingKeysWith: { first, _ in first })
        var sparse: [String: SparseVector] = [:]
        for paper in papers { sparse[paper.id.base] = model.sparse(ScoringText(paper).text) }
        let first = neighbourhood.compactMap { row -> (id: String, score: Float)? in
            guard let id = ids[row]?.base, let vector = sparse[id] else { return nil }
            return (id, dense[row] + rule.sparseWeight * querySparse.dot(vector))
        }.sorted { $0.score > $1.score }
        let best = first.prefix(rule.feedbackCount).map(\.id)
        let moved = rule.movedQuery(querySparse, towards: best.compactMap { sparse[$0] })
        #expect(moved != querySparse)
        // A paper the query was moved towards meets the query moved towards the others only.
        func sparseQuery(for id: String) -> SparseVector {
            best.contains(id) ? rule.movedQuery(querySparse, towards: best.filter { $0 != id }.compactMap { sparse[$0] }) : moved
        }
        for item in result.items {
            let paper = try #require(byID[item.id], "\(item.id) is not in the dense top \(rule.depth)")
            let row = try #require(paper.vectorRow)
            let vector = try #require(sparse[item.id])
            let expected = (dense[row] + rule.sparseWeight * sparseQuery(for: item.id).dot(vector)) / (1 + rule.sparseWeight)
            #expect(abs(item.similarity - expected) < 1e-4, "\(item.id): \(item.similarity) vs \(expected)")
        }
    }
}
