public import ArxivFormats
public import Foundation

/// Streams papers from a source file (or stdin) into the library in batches, so memory stays bounded
/// however large the source, and each batch is one transaction: a killed ingest keeps whole batches.
public struct PaperIngestor: Sendable {
    public let library: Library
    public var batchSize: Int

    public init(library: Library, batchSize: Int = 1_000) {
        self.library = library
        self.batchSize = batchSize
    }

    /// What one source contributed.
    public struct Report: Sendable, Codable, Equatable {
        public var file: String
        public var format: String?
        public var read = 0
        public var inserted = 0
        public var updated = 0
        public var unchanged = 0
        public var skipped: [String] = []
        /// The ids read, in source order — collected only when asked (a shortlist of a given file).
        public var ids: [ArxivID] = []
        /// The most common announcement day among the papers read ("YYYY-MM-DD"), when asked.
        public var day: String?
    }

    /// Ingests one source. `url` nil reads standard input. `progress` receives the running count of
    /// papers read.
    public func ingest(
        _ url: URL?, format: SourceFormat?, file: String, collectIDs: Bool = false,
        progress: ((Int) -> Void)? = nil
    ) throws -> Report {
        var days: [String: Int] = [:]
        var report = Report(file: file, format: format?.rawValue)
        var batch: [Paper] = []
        batch.reserveCapacity(batchSize)
        // Each full batch is stored on a second thread while the next one is read (``BatchStore``).
        let store = BatchStore(library: library, source: file)
        func flush() throws {
            guard !batch.isEmpty else { return }
            try store.submit(batch)
            batch.removeAll(keepingCapacity: true)
        }
        do {
            try SourceReader.read(url, format: format, file: file, papers: { paper in
                batch.append(paper)
                report.read += 1
                if collectIDs {
                    report.ids.append(paper.id)
                    if let published = paper.published { days[Day(published).description, default: 0] += 1 }
                }
                if batch.count == batchSize {
                    try flush()
                    progress?(report.read)
                }
            }, issue: { issue in
                report.skipped.append(issue.description)
            })
            try flush()
        } catch {
            // The batch in flight was read before the failure: it commits (or fails) before this returns.
            _ = try? store.finish()
            throw error
        }
        let summary = try store.finish()
        report.inserted = summary.inserted
        report.updated = summary.updated
        report.unchanged = summary.unchanged
        progress?(report.read)
        report.day = days.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
        return report
    }
}
