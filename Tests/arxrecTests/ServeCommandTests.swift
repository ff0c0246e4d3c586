import Foundation
import Testing
import TestSupport

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `arxrec serve` as a user starts it: the built binary prints its address, serves the page there, warns
/// when told to listen beyond this machine, and stops cleanly on Ctrl-C (SIGINT).
@Suite(.serialized, .tags(.slow), .skippedInQuickLoop)
struct ServeCommandTests {
    /// Starts `arxrec serve --port 0 …` and waits for the line with its address.
    static func start(_ cli: CLIFixture, _ extra: [String] = []) throws -> (Process, URL, Pipe) {
        let process = Process()
        process.executableURL = try ArxrecProcess.executable
        process.arguments = ["serve", "--port", "0", "--data-dir", cli.dataDirectory] + extra
        process.environment = ProcessInfo.processInfo.environment.merging(["ARXREC_HOME": cli.dataDirectory, "NO_COLOR": "1"]) { _, new in new }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        var line = Data()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let start = text.range(of: "http://"), let end = text[start.lowerBound...].firstIndex(of: " "),
              let url = URL(string: String(text[start.lowerBound..<end]))
        else {
            process.terminate()
            throw ServeTestError.noAddress(text + String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self))
        }
        return (process, url, errors)
    }

    static func get(_ url: URL) async throws -> (Int, String) {
        let (data, response) = try await URLSession.shared.data(from: url)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test func itServesThePageAtTheAddressItPrintsAndStopsOnControlC() async throws {
        let (cli, process, url) = try await offload {
            let cli = try CLIFixture()
            let (process, url, _) = try Self.start(cli)
            return (cli, process, url)
        }
        #expect(url.host == "127.0.0.1")
        let (status, page) = try await Self.get(url.appendingPathComponent("profile"))
        #expect(status == 200)
        #expect(page.contains("<h1>Profile"))
        let (_, shortlist) = try await Self.get(url)
        #expect(shortlist.contains("The library has no papers yet"))
        kill(process.processIdentifier, SIGINT)
        let exit = try await offload { process.waitUntilExit(); return process.terminationStatus }
        #expect(exit == 0, "Ctrl-C stops it cleanly")
        _ = cli
    }

    @Test func listingBeyondThisMachineIsWarnedAbout() async throws {
        let warning = try await offload {
            let cli = try CLIFixture()
            let (process, _, errors) = try Self.start(cli, ["--host", "0.0.0.0"])
            kill(process.processIdentifier, SIGINT)
            process.waitUntilExit()
            return String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        }
        #expect(warning.contains("warning: serving on 0.0.0.0: anyone who can reach this machine"))
    }

    @Test func badOptionsAreUsageErrors() throws {
        let cli = try CLIFixture()
        let port = try cli.run(["serve", "--port", "70000"])
        #expect(port.status == 64)
        #expect(port.stderr.contains("--port 70000 is not a port"))
        #expect(try cli.run(["serve", "--top", "0"]).status == 64)
    }

    enum ServeTestError: Error, CustomStringConvertible {
        case noAddress(String)
        var description: String {
            switch self {
            case .noAddress(let output): return "arxrec serve printed no address: \(output)"
            }
        }
    }
}
