import NIOPosix

/// Runs blocking library work — SQLite, the vector file, BLAS — on NIO's thread pool, so that a page being
/// ranked holds neither one of the few threads Swift concurrency runs every request on, nor one of
/// Dispatch's global threads (the width of both is the core count).
enum Blocking {
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive(work)
    }
}
