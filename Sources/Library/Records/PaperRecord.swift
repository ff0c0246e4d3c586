import Foundation
import GRDB

/// One row of `papers`: the library's truth about a paper, keyed by its version-less arXiv id.
///
/// `title`/`abstract` are the main text (English whenever English is known) and are what the
/// vector at `vectorRow` was embedded from; a translation (the digest's Chinese) sits in the
/// `*Translated` columns.
struct PaperRecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "papers"

    var baseID: String
    var version: Int?
    var title: String
    var abstract: String
    var authors: [String]
    var categories: [String]
    var primaryCategory: String?
    var published: Date?
    var updated: Date?
    var listedOn: String?
    var language: String
    var source: String
    var origin: String
    var titleTranslated: String?
    var abstractTranslated: String?
    var translationLanguage: String?
    var vectorRow: Int?
    var textHash: String
    var ingestedAt: Date

    enum CodingKeys: String, CodingKey {
        case baseID = "base_id", version, title, abstract, authors, categories
        case primaryCategory = "primary_category", published, updated, listedOn = "listed_on"
        case language, source, origin, titleTranslated = "title_translated"
        case abstractTranslated = "abstract_translated", translationLanguage = "translation_language"
        case vectorRow = "vector_row", textHash = "text_hash", ingestedAt = "ingested_at"
    }

    enum Columns {
        static let baseID = Column(CodingKeys.baseID)
        static let listedOn = Column(CodingKeys.listedOn)
        static let language = Column(CodingKeys.language)
        static let vectorRow = Column(CodingKeys.vectorRow)
    }

    /// What the embedder reads: the main title and abstract (``Paper/embeddingText``'s rule).
    var embeddingText: String { title + ". " + abstract }

    /// Whether two rows say the same thing about the paper, ignoring bookkeeping (`vectorRow`,
    /// `ingestedAt`, `origin`) and comparing dates at the millisecond precision SQLite stores.
    func hasSameContent(as other: PaperRecord) -> Bool {
        baseID == other.baseID && version == other.version && title == other.title && abstract == other.abstract
            && authors == other.authors && categories == other.categories && primaryCategory == other.primaryCategory
            && Self.sameInstant(published, other.published) && Self.sameInstant(updated, other.updated)
            && listedOn == other.listedOn && language == other.language && source == other.source
            && titleTranslated == other.titleTranslated && abstractTranslated == other.abstractTranslated
            && translationLanguage == other.translationLanguage
    }

    private static func sameInstant(_ a: Date?, _ b: Date?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (a?, b?): return (a.timeIntervalSince1970 * 1000).rounded() == (b.timeIntervalSince1970 * 1000).rounded()
        default: return false
        }
    }
}

/// The single `vector_index` row: which model and file generation `papers.vector_row` refers to.
///
/// The generation is also written into the vector file's header, so a file that is not the one
/// the database describes (an interrupted rebuild, a file copied from elsewhere) is never read.
struct VectorIndexRecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "vector_index"
    var id: Int = 1
    var modelID: String
    var dimension: Int
    var generation: Int64

    enum CodingKeys: String, CodingKey {
        case id, modelID = "model_id", dimension, generation
    }
}
