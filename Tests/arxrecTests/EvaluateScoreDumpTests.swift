import Foundation
import Recommender
import TestSupport
import Testing

/// `arxrec evaluate --dump-scores FILE`: every score of the profile task, term by term, from which a blend can
/// be re-ranked offline (`Scripts/blend-grid.py`).
@Suite(.tags(.slow), .skippedInQuickLoop)
struct EvaluateScoreDumpTests {
    /// One line of the dump.
    struct Row {
        var reading: String
        var user: Int
        var heldOut: Int
        var isPositive: Bool
        var linear, nearest, hubness, topical, score: Float
    }

    /// `--crosslang` on the newest 1,000 papers (as `EvaluateCommandTests.crosslangMeasuresTwinsOnATimeSplit`):
    /// the dumped terms, recombined with the default weights, are the scores the profiles gave, and ranking the
    /// days on them gives the nDCG@10 the report prints for both readings. A term missing, mis-weighted or
    /// dumped from the wrong candidate breaks one of the two.
    @Test func dumpedTermsRecombineIntoTheReportedFigures() throws {
        let directory = try TemporaryDirectory(prefix: "arxrec-evaluate-dump")
        let slice = try CorpusSlice.lastPapers(1_000, in: directory.url)
        let definition = try EvaluateCommandTests.smallBilingualDefinition(named: "dump-cli", in: directory)
        let dump = directory.file("scores.tsv")
        let result = try ArxrecProcess.run([
            "evaluate", "--corpus", slice.path, "--zh-corpus", SharedData.chineseCorpus.path, "--crosslang",
            "--cut", "2025-12-24", "--candidates", "60", "--definition", definition.path, "--format", "json",
            "--dump-scores", dump.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let profile = try #require(report["profile"] as? [String: Any])
        try Self.checkRecombination(dump: dump, figures: ["chinese": profile["chinese"], "english": profile["english"]])
    }

    /// The English protocol (no `--crosslang`) dumps its one reading, `english`, as faithfully.
    @Test func theEnglishProtocolDumpsItsReading() throws {
        let directory = try TemporaryDirectory(prefix: "arxrec-evaluate-dump-en")
        let slice = try CorpusSlice.lastPapers(1_000, in: directory.url)
        let definition = try EvaluateCommandTests.smallDefinition(named: "dump-en-cli", in: directory)
        let dump = directory.file("scores.tsv")
        let result = try ArxrecProcess.run([
            "evaluate", "--corpus", slice.path, "--definition", definition.path, "--queries", "50", "--format", "json",
            "--dump-scores", dump.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        try Self.checkRecombination(dump: dump, figures: ["english": report["profile"]])
    }

    /// `dump`'s rows of each reading of `figures` (the report's figures of that reading): the terms recombine
    /// into the scores, and the days ranked on them give the reported positives and nDCG@10.
    static func checkRecombination(dump: URL, figures expected: [String: Any?]) throws {
        let lines = try String(contentsOf: dump, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "reading\tuser\theld_out\tpaper\tpositive\tlinear\tnearest\thubness\ttopical\tscore")
        let rows = try lines.dropFirst().map { line -> Row in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            try #require(f.count == 10, "\(line)")
            func float(_ i: Int) throws -> Float { try #require(Float(f[i]), "\(line)") }
            return Row(
                reading: f[0], user: try #require(Int(f[1])), heldOut: try #require(Int(f[2])), isPositive: f[4] == "1",
                linear: try float(5), nearest: try float(6), hubness: try float(7), topical: try float(8),
                score: try float(9))
        }
        let settings = ProfileSettings.standard
        #expect(Set(rows.map(\.reading)) == Set(expected.keys))
        for reading in expected.keys.sorted() {
            let own = rows.filter { $0.reading == reading }
            #expect(!own.isEmpty, "\(reading)")
            // Each term is really there: somewhere in the day it is not 0.
            #expect(own.contains { $0.linear != 0 } && own.contains { $0.nearest != 0 }, "\(reading)")
            #expect(own.contains { $0.hubness != 0 } && own.contains { $0.topical != 0 }, "\(reading)")
            let recombined = own.map { row in
                row.linear + settings.nearestWeight * (row.nearest - settings.hubnessWeight * row.hubness)
                    + settings.topicalWeight * row.topical
            }
            #expect(zip(recombined, own).allSatisfy { $0 == $1.score }, "\(reading): the terms do not make the score")

            // The days ranked on the recombined scores: one positive each, ties against it, as the report ranks.
            var days: [[Int]: (positive: Float, others: [Float])] = [:]
            for (row, score) in zip(own, recombined) {
                var day = days[[row.user, row.heldOut]] ?? (.nan, [])
                if row.isPositive { day.positive = score } else { day.others.append(score) }
                days[[row.user, row.heldOut]] = day
            }
            let gains = days.values.map { day in
                RankingMetricsForTest.nDCG(rank: 1 + day.others.filter { $0 >= day.positive || $0.isNaN }.count)
            }
            let figures = try #require(expected[reading] as? [String: Any])
            #expect(days.count == figures["positives"] as? Int, "\(reading)")
            let nDCG = try #require(figures["nDCG@10"] as? Double)
            #expect(abs(gains.reduce(0, +) / Double(gains.count) - nDCG) < 1e-9, "\(reading): \(nDCG)")
        }
    }
}

/// nDCG@10 of one positive at `rank`, as the report computes it (`RankingMetrics`, not imported here so that
/// the test states the definition it checks against).
enum RankingMetricsForTest {
    static func nDCG(rank: Int) -> Double { rank <= 10 ? 1 / log2(Double(rank) + 1) : 0 }
}
