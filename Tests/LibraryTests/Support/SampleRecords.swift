import ArxivFormats
import Foundation
import TestSupport

/// Real records for the library's tests, read from `../shared/data` with deliberately small
/// readers (the project's parsers live in `ArxivFormats` and are tested there).
enum SampleRecords {
    /// The 200 papers of the bulk-snapshot sample (0704.0001 …), English, with their latest
    /// version, first-version date as `published` and last-version date as `updated`.
    static func snapshotPapers() throws -> [Paper] {
        let text = try String(contentsOf: SharedData.snapshotSample, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let record = try JSONDecoder().decode(SnapshotLine.self, from: Data(line.utf8))
            let dates = record.versions.compactMap { dateFormatter.date(from: $0.created) }
            let latest = record.versions.last.flatMap { Int($0.version.dropFirst()) }
            return Paper(
                id: try ArxivID(base: record.id, version: latest),
                title: collapsingWhitespace(record.title),
                abstract: collapsingWhitespace(record.abstract),
                authors: record.authors.replacingOccurrences(of: " and ", with: ", ")
                    .components(separatedBy: ", ").map(collapsingWhitespace).filter { !$0.isEmpty },
                categories: record.categories.split(separator: " ").map(String.init),
                published: dates.first, updated: dates.last, language: "en", source: .snapshot)
        }
    }

    /// The single-line rows of the real digest of 2025-12-23, as Chinese records dated that day.
    /// Rows whose abstract runs over several lines are left out by this small reader.
    static func digestPapers() throws -> [Paper] {
        let text = try String(contentsOf: SharedData.digest, encoding: .utf8)
        let day = try require(dayFormatter.date(from: "2025-12-23"), "2025-12-23")
        return try text.split(separator: "\n").compactMap { line -> Paper? in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
            guard cells.count == 6, line.contains("arxiv.org/pdf/") else { return nil }
            let link = cells[3]
            guard let start = link.range(of: "arxiv.org/pdf/")?.upperBound, let end = link[start...].firstIndex(of: ")")
            else { return nil }
            return Paper(
                id: try ArxivID(parsing: String(link[start..<end])),
                title: cells[1].trimmingCharacters(in: .whitespaces),
                abstract: cells[4].trimmingCharacters(in: .whitespaces),
                authors: [cells[2].trimmingCharacters(in: .whitespaces)],
                published: day, language: "zh", source: .digest)
        }
    }

    private struct SnapshotLine: Decodable {
        struct Version: Decodable {
            var version: String
            var created: String
        }
        var id: String
        var title: String
        var abstract: String
        var authors: String
        var categories: String
        var versions: [Version]
    }

    private static func collapsingWhitespace<S: StringProtocol>(_ text: S) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static let dateFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, d MMM yyyy HH:mm:ss zzz"
        return formatter
    }()

    static let dayFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }()
}

/// Raised when sample data the tests need is missing.
struct MissingSample: Error, CustomStringConvertible {
    var description: String
}

/// `try #require`-like unwrapping for helpers outside a test.
func require<T>(_ value: T?, _ what: @autoclosure () -> String = "value") throws -> T {
    guard let value else { throw MissingSample(description: "\(what()) is missing") }
    return value
}
