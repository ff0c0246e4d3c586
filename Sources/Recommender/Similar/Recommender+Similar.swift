public import ArxivFormats
import Library
import LinearAlgebra
import TextEmbedding

// `similar` and `search`: a whole-library dense scan, re-ranked on the sparse or topical view.

extension Recommender {
    /// The `k` papers nearest to a library paper on the dense view, the query excluded.
    ///
    /// With a bilingual model (``EmbeddingModel/isBilingual``, v6 on) a paper known only in Chinese (a
    /// digest row) has a dense vector in the same space as the English papers, so it is compared with the
    /// whole library like any paper and its neighbours are mostly English; its dense top 300 are re-scored
    /// on the topical view (``CrossLanguageReRank``) instead of the sparse view, which would favour the few
    /// Chinese papers (they share its Chinese words, an English paper only its Latin terms). With an
    /// English-only model such a paper has no
    /// meaningful dense vector, so it is compared on the sparse view with the library's papers in that same
    /// language instead, and the result says so: languages are never compared silently.
    public func similar(to id: ArxivID, k: Int) throws -> SimilarResult {
        guard let paper = try library.paper(id) else { throw RecommenderError.notInLibrary(id) }
        let text = ScoringText(paper)
        if text.isTranslation && !model.isBilingual {
            return SimilarResult(
                query: paper.id.description, title: paper.title, items: try sameLanguageNeighbours(of: paper, k: k),
                language: paper.language, acrossLanguages: false
            )
        }
        var featurizer = Featurizer(model: model)
        let sparse = featurizer.sparse(text.text)
        let language = featurizer.language
        var query = model.dense(sparse)
        if let row = paper.vectorRow {
            // The stored row saves the projection; a damaged one is repaired, and the fresh vector used.
            let stored = try library.withVectors { view in row < view.rowCount && view.isHealthy(row: row) ? Array(view.row(row)) : nil }
            if let stored { query = stored } else { _ = library.repairIfPossible([row]) }
        }
        let items = try nearest(
            to: query, sparse: sparse, k: k, excluding: [paper.id.base], reRank: reRank(for: language))
        return SimilarResult(
            query: paper.id.description, title: paper.title, items: items, language: paper.language,
            acrossLanguages: model.isBilingual)
    }

    /// How a query in `language` is re-ranked: on the sparse view in English, on the topical view in
    /// Chinese when the model is bilingual (else the dense order alone).
    func reRank(for language: TextLanguage) -> QueryReRank {
        guard language == .chinese, model.isBilingual else { return .sparse(.standard) }
        return CrossLanguageReRank(model: model).map(QueryReRank.topical) ?? .sparse(SimilarReRank(depth: 0, sparseWeight: 0))
    }

    /// Sparse-view cosine against the library's papers in the query's language.
    func sameLanguageNeighbours(of paper: StoredPaper, k: Int) throws -> [SimilarItem] {
        var featurizer = Featurizer(model: model)
        let query = featurizer.sparse(ScoringText(paper).text)
        let others = try library.papers(language: paper.language).filter { $0.id.base != paper.id.base }
        let scores = others.map { query.dot(featurizer.sparse(ScoringText($0).text)) }
        return topK(scores, k: k).map { hit in
            let other = others[hit.index]
            return SimilarItem(id: other.id.base, version: other.id.versionString, title: other.title, similarity: hit.score)
        }
    }

    /// The `k` papers nearest to free text: English, or Chinese with a bilingual model (检索增强生成 finds
    /// retrieval-augmented generation papers in English), ranked as ``similar(to:k:)`` ranks a paper in
    /// that language.
    public func search(_ text: String, k: Int) throws -> SimilarResult {
        var featurizer = Featurizer(model: model)
        let sparse = featurizer.sparse(text)
        let language = featurizer.language
        let query = model.dense(sparse)
        guard query.contains(where: { $0 != 0 }) else { throw RecommenderError.noKnownTerms(text) }
        let items = try nearest(to: query, sparse: sparse, k: k, excluding: [], reRank: reRank(for: language))
        return SimilarResult(
            query: text, title: nil, items: items, language: language.rawValue, acrossLanguages: model.isBilingual)
    }

    /// One `cblas_sgemv` over the memory-mapped vector file and a partial top-k find the topical
    /// neighbourhood; ``SimilarReRank/standard`` then re-scores its best `depth` with the sparse view —
    /// the rule `arxrec evaluate` measures.
    ///
    /// Why both: the dense view is best at "same field", but it cannot tell the closely related paper from
    /// the merely topical one; adding the sparse cosine brings the papers that share the query's specific
    /// terms up. The similarity printed is ``SimilarReRank/similarity(_:)``, the weighted mean of the two
    /// cosines, so the list reads from most to least similar.
    func nearest(
        to query: [Float], sparse: SparseVector, k: Int, excluding: Set<String>, reRank queryReRank: QueryReRank = .sparse(.standard)
    ) throws -> [SimilarItem] {
        let reRank: SimilarReRank
        var topical: CrossLanguageReRank? = nil
        switch queryReRank {
        case .sparse(let rule): reRank = rule
        case .topical(let rule):
            reRank = SimilarReRank(depth: rule.depth, sparseWeight: 0)
            topical = rule
        }
        let depth = max(k, reRank.depth)
        // Rows no paper points to (superseded versions) are skipped, so ask for some slack.
        let slack = depth + excluding.count + 16
        let scan = try library.nearestRows(to: query, count: slack, topical: topical)
        // Damaged rows are left out of the scan; once repaired, their papers take part again.
        let hits = library.repairIfPossible(scan.damaged)
            ? try library.nearestRows(to: query, count: slack, topical: topical).hits : scan.hits
        let ids = try library.ids(ofVectorRows: hits.map(\.index))
        var seen = excluding
        var chosen: [(id: ArxivID, dense: Float)] = []
        for hit in hits {
            guard let id = ids[hit.index], !seen.contains(id.base) else { continue }
            seen.insert(id.base)
            chosen.append((id, hit.score))
            if chosen.count == depth { break }
        }
        let stored = try library.papers(chosen.map(\.id))
        let byID = Dictionary(stored.map { ($0.id.base, $0) }, uniquingKeysWith: { first, _ in first })
        // In dense order, so that the re-rank's ties (and a re-rank that is off) keep it.
        let papers = chosen.compactMap { byID[$0.id.base] }
        let dense = chosen.filter { byID[$0.id.base] != nil }.map(\.dense)
        var featurizer = Featurizer(model: model)
        let vectors = reRank.isActive ? papers.map { featurizer.sparse(ScoringText($0).text) } : []
        var ranked = dense.enumerated().map { ScoredIndex(index: $0.offset, score: $0.element) }
        if reRank.isActive { ranked = reRank.apply(ranked, query: sparse, sparse: vectors) }
        return ranked.prefix(k).map {
            let paper = papers[$0.index]
            return SimilarItem(
                id: paper.id.base, version: paper.id.versionString, title: paper.title, similarity: reRank.similarity($0.score))
        }
    }
}

/// The re-rank of a `similar`/`search` query's dense neighbourhood: on the sparse view (English), or on
/// the topical view (a Chinese query with a bilingual model).
enum QueryReRank {
    case sparse(SimilarReRank)
    case topical(CrossLanguageReRank)
}
