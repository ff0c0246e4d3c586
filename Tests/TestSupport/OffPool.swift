import Foundation

/// Runs long blocking work (a fuzz loop that waits on watchdogs and child processes) on a thread of
/// its own, so that an `async` test awaits it without holding one of Swift concurrency's threads:
/// the cooperative pool has one thread per core, and a test blocking it for a minute starves the
/// suite's async tests into their time limits.
public enum OffPool {
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                do {
                    continuation.resume(returning: try body())
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}
