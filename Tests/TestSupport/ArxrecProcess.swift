public import Foundation

/// Runs the built `arxrec` executable as a child process, the way a user or cron does.
public struct ArxrecProcess {
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
        /// Killed by a signal rather than exiting.
        public let signalled: Bool

        public init(status: Int32, stdout: String, stderr: String, signalled: Bool) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
            self.signalled = signalled
        }
    }

    /// The `arxrec` binary next to the test bundle (`swift test` builds it into the same folder).
    public static var executable: URL {
        get throws {
            let candidates = [
                URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                Bundle.main.bundleURL.deletingLastPathComponent(),
                Bundle.main.bundleURL,
            ].map { $0.appendingPathComponent("arxrec") }
            guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
                throw ArxrecProcessError.missingExecutable(candidates.map(\.path))
            }
            return found
        }
    }

    /// Runs `arxrec arguments…` to completion; `input` is written to its standard input. A `launcher`
    /// (e.g. `["/usr/bin/unshare", "-m", …]`) runs first and is handed the binary and its arguments.
    public static func run(
        _ arguments: [String], environment: [String: String] = [:], input: Data? = nil, launcher: [String] = []
    ) throws -> Result {
        let process = try start(arguments, environment: environment, input: input, launcher: launcher)
        return process.wait()
    }

    /// Starts `arxrec` without waiting, e.g. to kill it mid-way.
    public static func start(
        _ arguments: [String], environment: [String: String] = [:], input: Data? = nil, launcher: [String] = []
    ) throws -> Running {
        let process = Process()
        if let program = launcher.first {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = Array(launcher.dropFirst()) + [try executable.path] + arguments
        } else {
            process.executableURL = try executable
            process.arguments = arguments
        }
        var merged = ProcessInfo.processInfo.environment
        merged["NO_COLOR"] = "1"
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        let output = Pipe()
        let error = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try? stdin.fileHandleForWriting.close()
        return Running(process: process, output: output, error: error)
    }

    /// A started child process. Its pipes are drained on threads of their own so a chatty child never blocks
    /// (not Dispatch's global queue: its few threads run the timers other tests' URL sessions wait on).
    public final class Running: @unchecked Sendable {
        public let process: Process
        private var outputData = Data()
        private var errorData = Data()
        private let group = DispatchGroup()

        init(process: Process, output: Pipe, error: Pipe) {
            self.process = process
            let lock = NSLock()
            for (pipe, isOutput) in [(output, true), (error, false)] {
                group.enter()
                Thread { [self] in
                    let data = pipe.fileHandleForReading.readDataToEndOfFile()
                    lock.lock()
                    if isOutput { outputData = data } else { errorData = data }
                    lock.unlock()
                    group.leave()
                }.start()
            }
        }

        /// SIGKILL, as `kill -9` does.
        public func kill() { Foundation.kill(process.processIdentifier, SIGKILL) }

        public func wait() -> Result {
            process.waitUntilExit()
            group.wait()
            return Result(
                status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
                stderr: String(decoding: errorData, as: UTF8.self), signalled: process.terminationReason == .uncaughtSignal
            )
        }
    }
}

public enum ArxrecProcessError: Error, CustomStringConvertible {
    case missingExecutable([String])

    public var description: String {
        switch self {
        case .missingExecutable(let paths): return "arxrec executable not found at \(paths.joined(separator: ", ")): build it first"
        }
    }
}
