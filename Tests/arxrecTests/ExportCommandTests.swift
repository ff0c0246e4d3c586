import ArgumentParser
import ArxivFormats
import Foundation
import TestSupport
import Testing
import TextEmbedding
@testable import arxrec

/// Reads a `.npy` file the way numpy does: magic, version, header dict, then the rows.
struct ParsedNumPyArray {
    var header: String
    var shape: (rows: Int, columns: Int)
    var values: [Float]

    init(_ data: Data) throws {
        let bytes = [UInt8](data)
        #expect(Array(bytes[0 ..< 6]) == [0x93] + Array("NUMPY".utf8))
        #expect(bytes[6] == 1 && bytes[7] == 0)
        let length = Int(bytes[8]) | Int(bytes[9]) << 8
        #expect((10 + length) % 64 == 0)
        header = String(decoding: bytes[10 ..< 10 + length], as: UTF8.self)
        #expect(header.hasPrefix("{'descr': '<f4', 'fortran_order': False, 'shape': ("))
        #expect(header.hasSuffix("\n"))
        let inside = header.split(separator: "(")[1].split(separator: ")")[0].split(separator: ",")
        shape = (Int(inside[0].trimmingCharacters(in: .whitespaces)) ?? -1, Int(inside[1].trimmingCharacters(in: .whitespaces)) ?? -1)
        let payload = bytes[(10 + length)...]
        #expect(payload.count == shape.rows * shape.columns * 4)
        values = stride(from: payload.startIndex, to: payload.endIndex, by: 4).map { i in
            Float(bitPattern: UInt32(payload[i]) | UInt32(payload[i + 1]) << 8 | UInt32(payload[i + 2]) << 16 | UInt32(payload[i + 3]) << 24)
        }
    }
}

@Suite(.tags(.slow), .skippedInQuickLoop)
struct ExportCommandTests {
    @Test func numPyFileRoundTripsExactFloats() throws {
        let directory = try TemporaryDirectory(prefix: "arxrec-npy")
        let rows: [[Float]] = [[1, -2.5], [.pi, 1e-30], [-0, 65504]]
        let url = directory.file("m.npy")
        try NumPyArrayFile(rows: 3, columns: 2).write(to: url) { i in
            rows[i].withUnsafeBufferPointer { UnsafeBufferPointer(start: $0.baseAddress, count: 2) }
        }
        let parsed = try ParsedNumPyArray(try Data(contentsOf: url))
        #expect(parsed.shape == (3, 2))
        #expect(parsed.values.map(\.bitPattern) == rows.flatMap { $0 }.map(\.bitPattern))
    }

    @Test func exportWritesEveryLibraryVectorInIDOrder() throws {
        let directory = try TemporaryDirectory(prefix: "arxrec-export")
        let data = directory.file("library").path
        var ingest = try Arxrec.parseAsRoot(["ingest", SharedData.snapshotSample.path, "--data-dir", data])
        try ingest.run()
        let vectors = directory.file("v.npy")
        let ids = directory.file("ids.txt")
        var export = try Arxrec.parseAsRoot(["export", "--data-dir", data, "--vectors", vectors.path, "--ids", ids.path])
        try export.run()

        let parsed = try ParsedNumPyArray(try Data(contentsOf: vectors))
        let idLines = try String(contentsOf: ids, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(parsed.shape.rows == idLines.count)
        #expect(parsed.shape.rows == 200)
        #expect(parsed.shape.columns == 256)
        #expect(idLines.first == "0704.0001" && Set(idLines).count == 200)
        // Rows are the stored dense views: L2-normalised (or zero for a text the model cannot place).
        for row in 0 ..< parsed.shape.rows {
            let values = parsed.values[(row * 256) ..< ((row + 1) * 256)]
            let norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
            #expect(abs(norm - 1) < 1e-4 || norm == 0)
        }
        // Each row is that paper's own dense view, bit for bit.
        var texts: [String: String] = [:]
        try SourceReader.read(SharedData.snapshotSample, format: nil, file: "sample", papers: { texts[$0.id.base] = $0.embeddingText }, issue: { _ in })
        let model = try EmbeddingModel.load(from: ModelLocator.defaultModelDirectory())
        let expected = idLines.flatMap { model.dense(model.sparse(texts[$0] ?? "")) }
        #expect(expected.map(\.bitPattern) == parsed.values.map(\.bitPattern))
    }
}
