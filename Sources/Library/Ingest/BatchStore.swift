import ArxivFormats
import Foundation

/// Stores batches of papers on a second thread while the caller reads the next batch: reading and
/// parsing a source (JSON decoding, a sixth of an ingest's main thread) overlaps embedding and storing
/// the batch before it.
///
/// At most one batch is in flight, so memory stays at two batches and batches commit in source order,
/// each in its own transaction, exactly as when stored one after another. A failed batch stops every
/// later one: its error is thrown by the next ``submit(_:)`` or ``finish()``.
///
/// Thread-safe for one submitting thread: the store thread writes only `summary` and `failure`, under
/// `lock`, and the submitter reads them only after waiting for the store in flight.
final class BatchStore: @unchecked Sendable {
    private let library: Library
    private let source: String
    private let queue = DispatchQueue(label: "arxrec.ingest.store")
    private let inFlight = DispatchGroup()
    private let lock = NSLock()
    private var summary = IngestSummary()
    private var failure: (any Error)?

    init(library: Library, source: String) {
        self.library = library
        self.source = source
    }

    /// Waits for the batch in flight, then starts storing `papers`.
    /// - Throws: the error of an earlier batch (and `papers` is not stored).
    func submit(_ papers: [Paper]) throws {
        _ = try finish()
        inFlight.enter()
        queue.async {
            defer { self.inFlight.leave() }
            do {
                let stored = try self.library.ingest(papers, source: self.source)
                self.lock.withLock { self.summary += stored }
            } catch {
                self.lock.withLock { self.failure = error }
            }
        }
    }

    /// Waits for the batch in flight and returns what every batch stored so far did.
    /// - Throws: the error of the first batch that failed.
    func finish() throws -> IngestSummary {
        inFlight.wait()
        return try lock.withLock {
            if let failure { throw failure }
            return summary
        }
    }
}
