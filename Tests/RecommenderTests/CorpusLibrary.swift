import ArxivFormats
import Foundation
import Library
import Recommender
import TestSupport
import TextEmbedding

/// A real library in a temp directory: the newest 2,500 corpus papers (2025-12-04 … 2025-12-30),
/// embedded with the committed default model. Each test gets its own copy of the files, so ratings
/// never leak between tests running in parallel.
final class CorpusLibrary: @unchecked Sendable {
    let directory: TemporaryDirectory
    let recommender: Recommender
    var library: Library { recommender.library }
    var model: EmbeddingModel { recommender.model }

    /// Built once per test process, then copied.
    private static let template: Result<URL, any Error> = Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("arxrec-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let model = try EmbeddingModel.load(from: ModelLocator.defaultModelDirectory())
        let library = try Library.open(at: directory, embedder: ModelEmbedder(model: model))
        let slice = try CorpusSlice.lastPapers(2_500, in: directory)
        _ = try PaperIngestor(library: library).ingest(slice, format: .snapshot, file: slice.path)
        try FileManager.default.removeItem(at: slice)
        return directory
    }

    init() throws {
        directory = try TemporaryDirectory(prefix: "arxrec-recommender")
        let template = try Self.template.get()
        for name in try FileManager.default.contentsOfDirectory(atPath: template.path) where !name.hasSuffix("-shm") {
            try FileManager.default.copyItem(at: template.appendingPathComponent(name), to: directory.file(name))
        }
        let model = try EmbeddingModel.load(from: ModelLocator.defaultModelDirectory())
        var recommender = Recommender(library: try Library.open(at: directory.url, embedder: ModelEmbedder(model: model)), model: model)
        // A smaller weak-negative sample keeps debug-build tests quick; the maths is the same.
        recommender.settings.weakNegativeCount = 300
        self.recommender = recommender
    }

    /// Papers of one announcement day.
    func day(_ day: String) throws -> [StoredPaper] { try library.papers(listedOn: day) }

    /// The first `count` papers of days before `day` whose primary category is `category`.
    func papers(primary category: String, before day: String, count: Int) throws -> [StoredPaper] {
        let days = try library.listingDays().filter { $0 < day }
        var found: [StoredPaper] = []
        for listing in days {
            for paper in try library.papers(listedOn: listing) where paper.primaryCategory == category {
                found.append(paper)
                if found.count == count { return found }
            }
        }
        return found
    }
}
