import Dispatch

/// Runs blocking library work — SQLite, the vector file, BLAS — on a Dispatch worker, so that a page
/// being ranked never holds one of the few threads Swift concurrency (and so every other request) runs on.
enum Blocking {
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}
