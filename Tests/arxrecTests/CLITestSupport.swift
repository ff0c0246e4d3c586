import Foundation
import TestSupport

/// A temp library folder and a way to run `arxrec` against it.
struct CLIFixture {
    let home: TemporaryDirectory

    init() throws {
        home = try TemporaryDirectory(prefix: "arxrec-cli")
    }

    var dataDirectory: String { home.url.path }

    /// `arxrec <arguments> --data-dir <home>`; the environment never points at the user's library.
    func run(_ arguments: [String], input: Data? = nil) throws -> ArxrecProcess.Result {
        try ArxrecProcess.run(arguments + ["--data-dir", dataDirectory], environment: ["ARXREC_HOME": dataDirectory], input: input)
    }

    func stats() throws -> [String: Any] {
        let result = try run(["stats", "--format", "json"])
        return (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]) ?? [:]
    }

    /// Writes `text` to a file in the fixture folder.
    func write(_ name: String, _ text: String) throws -> String {
        let url = home.file(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}
