import Dispatch

/// Runs blocking test work — building a library, ranking in a debug build, a child process — on a Dispatch
/// thread, so it never holds one of the few threads Swift concurrency runs every other test (and the
/// server under test) on.
public func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}
