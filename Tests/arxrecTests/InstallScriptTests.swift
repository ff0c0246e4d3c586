import Foundation
import Testing
import TestSupport

extension CLIHardeningTests {
    /// `Scripts/install-daily-job` under a fresh HOME, then the installed binary, as cron or systemd run it.
    @Suite
    struct InstallScriptTests {
        /// Runs `program arguments…` with exactly `environment` (nothing inherited but PATH).
        static func run(_ program: String, _ arguments: [String], environment: [String: String]) throws -> ArxrecProcess.Result {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
            process.currentDirectoryURL = SharedData.repositoryRoot
            process.environment = environment.merging(["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]) { own, _ in own }
            let output = Pipe()
            let error = Pipe()
            process.standardOutput = output
            process.standardError = error
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let stdout = output.fileHandleForReading.readDataToEndOfFile()
            let stderr = error.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return ArxrecProcess.Result(
                status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                stderr: String(decoding: stderr, as: UTF8.self), signalled: process.terminationReason == .uncaughtSignal)
        }

        @Test func theInstalledDailyJobFindsItsModelAndRuns() throws {
            let home = try TemporaryDirectory(prefix: "arxrec-home")
            // No D-Bus or runtime directory: `systemctl --user` cannot reach any session (the user's real
            // one included), so the script takes its crontab branch wherever systemd exists.
            let environment = ["HOME": home.url.path, "ARXREC_BINARY": try ArxrecProcess.executable.path, "NO_COLOR": "1"]
            let install = try Self.run("/bin/bash", ["Scripts/install-daily-job"], environment: environment)
            #expect(install.status == 0, "\(install.stderr)")
            #expect(install.stderr.contains("crontab") || install.stderr.contains("installed: systemctl"), "\(install.stderr)")

            let installed = home.url.appendingPathComponent(".local/bin/arxrec").path
            #expect(FileManager.default.isExecutableFile(atPath: installed))
            let job = ["HOME": home.url.path, "NO_COLOR": "1"]
            let model = try Self.run(installed, ["model", "path"], environment: job)
            #expect(model.status == 0, "\(model.stderr)")
            #expect(model.stdout.hasPrefix(home.url.appendingPathComponent(".local/share/arxrec/Models").path), "\(model.stdout)")

            let daily = try Self.run(installed, ["daily", "--offline"], environment: job)
            #expect(daily.status == 0, "the installed job fails every day: \(daily.stderr)")
            #expect(daily.stdout.contains("arxrec daily"))
            let stats = try Self.run(installed, ["stats", "--format", "json"], environment: job)
            #expect(stats.status == 0, "\(stats.stderr)")
            #expect(FileManager.default.fileExists(atPath: home.url.appendingPathComponent(".local/share/arxrec/library.sqlite").path))
        }
    }
}
