import Foundation
import Testing
import TestSupport
@testable import ArxivFormats

/// Damaged copies of the real samples through every parser, in process: no crash, no hang, and
/// every outcome is one the CLI can report — a whole-file error of one line naming the file, or
/// papers the store accepts plus one-line `file:line:` issues. `Scripts/fuzz SEED N` runs it longer.
struct FuzzTests {
    /// How long one input may take through all the parsers before the watchdog calls it a hang
    /// (a limit for a hang, not a speed requirement: a clean input takes milliseconds).
    static let watchdogSeconds = 60.0

    /// What one parser made of one input.
    enum Outcome {
        case papers([Paper], issues: [ParseIssue])
        case failed(any Error)
    }

    /// Every way arxrec reads a file: detection and each forced format through ``SourceReader``
    /// (the snapshot streaming reader among them), and each document parser on the bytes alone.
    static func outcomes(of input: MutatedInput, at url: URL) -> [(String, Outcome)] {
        var results: [(String, Outcome)] = []
        for format in [nil] + SourceFormat.allCases.map(Optional.some) {
            var papers: [Paper] = []
            var issues: [ParseIssue] = []
            do {
                try SourceReader.read(url, format: format, file: input.name) { papers.append($0) } issue: { issues.append($0) }
                results.append(("SourceReader \(format?.rawValue ?? "auto")", .papers(papers, issues: issues)))
            } catch {
                results.append(("SourceReader \(format?.rawValue ?? "auto")", .failed(error)))
            }
        }
        let parsers: [(String, (Data, String) throws -> FeedPage)] = [
            ("DigestParser", { try DigestParser.parse($0, file: $1) }), ("AtomParser", { try AtomParser.parse($0, file: $1) }),
            ("RSSParser", { try RSSParser.parse($0, file: $1) }), ("OAIPMHParser", { try OAIPMHParser.parse($0, file: $1) }),
        ]
        for (name, parse) in parsers {
            do {
                let page = try parse(input.data, input.name)
                results.append((name, .papers(page.papers, issues: page.issues)))
            } catch {
                results.append((name, .failed(error)))
            }
        }
        return results
    }

    /// What is wrong with an outcome, if anything.
    static func problems(_ outcome: Outcome, file: String) -> [String] {
        switch outcome {
        case .failed(let error):
            let text = String(describing: error)
            var problems: [String] = []
            if !(error is FeedParseError) { problems.append("threw \(type(of: error)), not a FeedParseError: \(text)") }
            if text.contains(where: \.isNewline) { problems.append("error is not one line: \(text)") }
            if !text.hasPrefix(file + ":") { problems.append("error does not name the file: \(text)") }
            return problems
        case .papers(let papers, let issues):
            var problems: [String] = []
            for issue in issues {
                let text = issue.description
                if text.contains(where: \.isNewline) || text.unicodeScalars.contains(where: Self.isControl) {
                    problems.append("issue is not one clean line: \(text.debugDescription)")
                }
                if !text.hasPrefix(file + ":") { problems.append("issue does not name the file: \(text)") }
            }
            for paper in papers {
                let texts = [paper.title, paper.abstract, paper.language] + paper.authors + paper.categories
                    + [paper.translatedTitle, paper.translatedAbstract, paper.translationLanguage].compactMap { $0 }
                if paper.title.isEmpty { problems.append("\(paper.id) has an empty title") }
                if texts.contains(where: { $0.unicodeScalars.contains(where: Self.isControl) }) {
                    problems.append("\(paper.id) keeps a control character")
                }
                if let version = paper.id.version, version < 1 { problems.append("\(paper.id) has version \(version)") }
                for date in [paper.published, paper.updated].compactMap({ $0 }) where !(Self.storableDates ~= date) {
                    problems.append("\(paper.id) has date \(date)")
                }
            }
            return problems
        }
    }

    static let storableDates = Date(timeIntervalSince1970: -30_610_224_000)...Date(timeIntervalSince1970: 253_402_300_799)

    static func isControl(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.generalCategory == .control }

    @Test func everyParserSurvivesDamagedSamples() async throws {
        let seed = UInt64(Fuzzer.setting("ARXREC_FUZZ_SEED", default: 1))
        let count = Fuzzer.setting("ARXREC_FUZZ_ITERATIONS", default: 300)
        let inputs = Fuzzer.inputs(seed: seed, count: count, samples: try FuzzSample.all())
        let failures = try await offload { try Self.fuzz(inputs, seed: seed) }
        for failure in failures { Issue.record(Comment(rawValue: failure)) }
    }

    /// Runs every input under the watchdog; returns one line per failing input (at most ten).
    static func fuzz(_ inputs: [MutatedInput], seed: UInt64) throws -> [String] {
        let directory = try TemporaryDirectory(prefix: "arxrec-fuzz")
        var failures: [String] = []
        for (index, input) in inputs.enumerated() {
            let url = directory.file(input.name)
            try input.data.write(to: url)
            let finished = DispatchSemaphore(value: 0)
            let box = ResultBox()
            Thread.detachNewThread {
                box.set(Self.outcomes(of: input, at: url).flatMap { name, outcome in
                    Self.problems(outcome, file: input.name).map { "\(name): \($0)" }
                })
                finished.signal()
            }
            guard finished.wait(timeout: .now() + Self.watchdogSeconds) == .success else {
                Fuzzer.keep(input)
                return failures + ["seed \(seed) input \(index) (\(input.name)) did not finish in \(Self.watchdogSeconds) s: a hang"]
            }
            try? FileManager.default.removeItem(at: url)
            let problems = box.get()
            if !problems.isEmpty {
                Fuzzer.keep(input)
                failures.append("seed \(seed) input \(index) (\(input.name)): \(problems.prefix(3).joined(separator: "; "))")
                if failures.count == 10 { break }
            }
        }
        return failures
    }
}

/// The watchdog thread's answer, handed across threads under a lock.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: [String] = []
    func set(_ problems: [String]) { lock.withLock { value = problems } }
    func get() -> [String] { lock.withLock { value } }
}
