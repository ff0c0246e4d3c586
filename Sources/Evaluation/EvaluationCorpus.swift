public import ArxivFormats
public import Foundation
import LinearAlgebra
import Recommender
public import TextEmbedding

/// The papers an evaluation runs on: a corpus file read whole, optionally cut to a seeded random subset.
///
/// The subset is drawn before anything is fitted or ingested, so the model, the library and both tasks
/// see exactly the same papers, as the reference implementations did (`--papers 20000 --seed 7`).
public struct EvaluationCorpus: Sendable {
    /// The evaluated papers, in corpus order (duplicate ids keep their first record).
    public let papers: [Paper]
    /// How many distinct papers the file held.
    public let available: Int
    /// Records the reader skipped, as `file:line: reason`.
    public let skipped: [String]
    /// The Chinese text of evaluated papers that have one, by base id: a bilingual model is fitted on
    /// each paper's English and Chinese text together (``FitDocument``). Empty for an English-only fit.
    public var chinese: [String: String] = [:]

    public init(papers: [Paper], available: Int, skipped: [String] = []) {
        self.papers = papers
        self.available = available
        self.skipped = skipped
    }

    /// The fitted documents: each paper's English text, with its Chinese text when ``chinese`` has one.
    public var fitDocuments: [FitDocument] {
        papers.map { FitDocument(english: $0.embeddingText, chinese: chinese[$0.id.base]) }
    }

    /// Reads `url` (any format `ingest` reads) and keeps a seeded random `limit` papers of it, or all
    /// when `limit` is nil or not smaller than the file.
    public static func load(_ url: URL, limit: Int?, seed: UInt64) throws -> EvaluationCorpus {
        var papers: [Paper] = []
        var seen = Set<String>()
        var skipped: [String] = []
        try SourceReader.read(url, format: nil, file: url.path, papers: { paper in
            if seen.insert(paper.id.base).inserted { papers.append(paper) }
        }, issue: { skipped.append($0.description) })
        let available = papers.count
        if let limit, limit < papers.count {
            let picked = SeededSample.indices(count: limit, from: papers.count, seed: seed ^ Stream.subset).sorted()
            papers = picked.map { papers[$0] }
        }
        return EvaluationCorpus(papers: papers, available: available, skipped: skipped)
    }

    /// Independent random streams derived from the one `--seed`, so changing how many queries one task
    /// draws does not change what the other draws.
    enum Stream {
        static let subset: UInt64 = 0x5355_4253_4554  // "SUBSET"
        static let queries: UInt64 = 0x5155_4552_5953  // "QUERYS"
        static let users: UInt64 = 0x5553_4552_5300  // "USERS"
        static let days: UInt64 = 0x4441_5953_0000  // "DAYS"
        static let twins: UInt64 = 0x5457_494e_5300  // "TWINS"
        static let negatives: UInt64 = 0x4e45_4741_5449  // "NEGATI"
    }
}

/// Seeded sampling without replacement, the same on every platform and Swift version (Swift's own
/// `shuffle(using:)` does not promise its algorithm).
enum SeededSample {
    /// `count` distinct indices of `0 ..< population` (all of them when `count ≥ population`), in draw
    /// order: a partial Fisher–Yates shuffle.
    static func indices(count: Int, from population: Int, seed: UInt64) -> [Int] {
        var generator = SeededGenerator(seed: seed)
        var pool = Array(0 ..< population)
        return draw(count, from: &pool, using: &generator)
    }

    /// Draws `count` elements of `pool` without replacement (reordering `pool`), in draw order.
    static func draw<T>(_ count: Int, from pool: inout [T], using generator: inout SeededGenerator) -> [T] {
        let picked = min(count, pool.count)
        for i in 0 ..< picked {
            let j = i + Int(generator.next() % UInt64(pool.count - i))
            pool.swapAt(i, j)
        }
        return Array(pool[0 ..< picked])
    }
}
