import Foundation

/// Runs blocking test work — building a library, ranking in a debug build, a child process — on a thread of
/// its own, so it holds neither one of the threads Swift concurrency runs every other test (and a server
/// under test) on, nor one of Dispatch's global threads, whose timers other tests' URL sessions wait on.
public func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
