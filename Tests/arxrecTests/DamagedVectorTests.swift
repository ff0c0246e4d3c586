import ArxivFormats
import Foundation
import Library
import Recommender
import Testing
import TestSupport
import TextEmbedding

/// Bit rot in the vector file — a row scaled by 1e30, random bytes over rows — passes `stats` (the file's
/// shape is intact) and must not crash or skew `similar`, `search` or `shortlist`: the damaged rows are
/// found by the scans that read them, left out, re-embedded from the stored text and used again.
@Suite(.serialized, .tags(.slow), .skippedInQuickLoop)
struct DamagedVectorTests {
    /// The vector file of a library, read and damaged directly (layout in VectorFileHeader.swift).
    struct VectorFile {
        let url: URL
        let headerSize: Int
        let dimension: Int

        init(_ url: URL) throws {
            self.url = url
            let bytes = try Data(contentsOf: url)
            func field(_ offset: Int) -> Int { (0 ..< 4).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) } }
            headerSize = field(12)
            dimension = field(16)
        }

        var bytes: Data { get throws { try Data(contentsOf: url) } }

        func row(_ row: Int) throws -> [Float] {
            let bytes = try bytes
            let start = headerSize + row * dimension * 4
            return (0 ..< dimension).map { i in
                Float(bitPattern: (0 ..< 4).reduce(UInt32(0)) { $0 | UInt32(bytes[start + i * 4 + $1]) << (8 * UInt32($1)) })
            }
        }

        func overwrite(row: Int, with values: [UInt8]) throws {
            let handle = try FileHandle(forUpdating: url)
            defer { try? handle.close() }
            try handle.seek(toOffset: UInt64(headerSize + row * dimension * 4))
            try handle.write(contentsOf: values)
        }

        func scale(row: Int, by factor: Float) throws {
            try overwrite(row: row, with: try self.row(row).flatMap { value in
                withUnsafeBytes(of: (value * factor).bitPattern.littleEndian) { Array($0) }
            })
        }

        /// Random bytes (xorshift from `seed`, so every run damages alike).
        func randomize(row: Int, seed: UInt64) throws {
            var state = seed | 1
            try overwrite(row: row, with: (0 ..< dimension * 4).map { _ in
                state ^= state << 13
                state ^= state >> 7
                state ^= state << 17
                return UInt8(truncatingIfNeeded: state)
            })
        }
    }

    static func library() throws -> (cli: CLIFixture, file: VectorFile, rows: (String) throws -> Int) {
        let cli = try CLIFixture()
        let slice = try CorpusSlice.lastPapers(300, in: cli.home.url)
        #expect(try cli.run(["ingest", slice.path]).status == 0)
        let model = try EmbeddingModel.load(from: ModelLocator.defaultModelDirectory())
        let library = try Library.open(at: cli.home.url, embedder: ModelEmbedder(model: model))
        let rows = { (id: String) throws -> Int in try #require(try library.vectorRow(of: try ArxivID(parsing: id))) }
        return (cli, try VectorFile(library.vectorFileURL), rows)
    }

    static func items(_ result: ArxrecProcess.Result, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
        #expect(result.status == 0 && !result.signalled, "\(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], sourceLocation: sourceLocation)
        return try #require(json["items"] as? [[String: Any]], sourceLocation: sourceLocation)
    }

    static func ids(_ items: [[String: Any]]) -> [String] { items.compactMap { $0["id"] as? String } }

    @Test func similarAndSearchLeaveOutRepairAndReuseDamagedRows() throws {
        let (cli, file, rowOf) = try Self.library()
        let query = "2512.23709"
        let before = try Self.items(try cli.run(["similar", query, "--offline", "--format", "json"]))
        let neighbours = Self.ids(before)
        #expect(neighbours.count == 10)
        let healthy = try file.bytes

        // The query's own row and two of its neighbours' scaled by 1e30, a third neighbour's random bytes.
        func damage() throws {
            try file.scale(row: try rowOf(query), by: 1e30)
            try file.scale(row: try rowOf(neighbours[0]), by: 1e30)
            try file.scale(row: try rowOf(neighbours[4]), by: 1e30)
            try file.randomize(row: try rowOf(neighbours[1]), seed: 7)
        }
        try damage()
        #expect(try cli.stats()["vectors"] as? Int == 300, "the damage is invisible to stats")
        // The table prints every similarity: it used to trap converting 1e29 to an Int.
        let table = try cli.run(["similar", query, "--offline"])
        #expect(table.status == 0 && !table.signalled, "\(table.status): \(table.stderr)")
        #expect(try file.bytes == healthy)

        try damage()
        let after = try Self.items(try cli.run(["similar", query, "--offline", "--format", "json"]))
        #expect(Self.ids(after) == neighbours, "the repaired papers are back in their places")
        for item in after {
            let similarity = try #require(item["similarity"] as? Double)
            #expect((-1 ... 1).contains(similarity))
        }
        #expect(try file.bytes == healthy, "each damaged row re-embedded bit for bit")

        // search scans the same rows: damage its best hits and it still answers as before.
        let text = "video super-resolution with diffusion models"
        let searched = try Self.items(try cli.run(["search", text, "--format", "json"]))
        for (index, id) in Self.ids(searched).prefix(3).enumerated() { try file.randomize(row: try rowOf(id), seed: UInt64(index + 11)) }
        let searchTable = try cli.run(["search", text])
        #expect(searchTable.status == 0 && !searchTable.signalled, "\(searchTable.stderr)")
        #expect(Self.ids(try Self.items(try cli.run(["search", text, "--format", "json"]))) == Self.ids(searched))
        #expect(try file.bytes == healthy)
    }

    @Test func shortlistScoresDamagedCandidatesFromTheirText() throws {
        let (cli, file, rowOf) = try Self.library()
        let likes = try cli.write("likes.txt", "2512.23709\n2512.22882\n2512.23255\n")
        #expect(try cli.run(["import-likes", likes, "--offline"]).status == 0)
        let before = try Self.items(try cli.run(["shortlist", "--top", "5", "--format", "json"]))
        let healthy = try file.bytes

        let picks = Self.ids(before)
        try file.scale(row: try rowOf(picks[0]), by: 1e30)
        try file.randomize(row: try rowOf(picks[1]), seed: 3)
        try file.scale(row: try rowOf(picks[2]), by: -1e30)

        let table = try cli.run(["shortlist", "--top", "5"])
        #expect(table.status == 0 && !table.signalled, "\(table.stderr)")
        let after = try Self.items(try cli.run(["shortlist", "--top", "5", "--format", "json"]))
        #expect(Self.ids(after) == picks)
        #expect(after.compactMap { $0["score"] as? Double } == before.compactMap { $0["score"] as? Double })
        #expect(try file.bytes == healthy)
    }

    @Test func exportWritesRepairedRowsNeverDamagedOnes() throws {
        let (cli, file, rowOf) = try Self.library()
        let healthyExport = cli.home.file("healthy.npy")
        #expect(try cli.run(["export", "--vectors", healthyExport.path]).status == 0)
        let healthy = try file.bytes

        try file.scale(row: try rowOf("2512.23709"), by: 1e30)
        try file.randomize(row: try rowOf("2512.22882"), seed: 5)
        let export = cli.home.file("after.npy")
        let result = try cli.run(["export", "--vectors", export.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Data(contentsOf: export) == Data(contentsOf: healthyExport), "the rows as first embedded")
        #expect(try file.bytes == healthy, "and repaired in the library")

        // Where the library cannot be written, a damaged row stops the export: nothing is written.
        guard MountNamespace.isAvailable else { return }
        try file.scale(row: try rowOf("2512.23709"), by: 1e30)
        let outside = try TemporaryDirectory(prefix: "arxrec-export")
        let refused = try MountNamespace.runReadOnly(
            cli.home.url, ["export", "--vectors", outside.file("v.npy").path, "--data-dir", cli.dataDirectory])
        #expect(refused.status == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("2512.23709") && refused.stderr.contains("arxrec reindex"), "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: outside.file("v.npy").path))
    }
}
