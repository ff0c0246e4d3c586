import Foundation
import Library
import LinearAlgebra
import TextEmbedding

/// A model's calibration views (``CalibrationViews``: the dense rows of its 400 calibration pairs) kept next
/// to the library, so that a Chinese `search`, `similar` or shortlist does not embed the 800 texts again in
/// every process (a seventh of a cold Chinese `search`'s CPU on 2.7 M papers; Benchmarks/README.md, run 11).
///
/// Keyed by the model id (the file name), which names every artifact the rows come from; the language
/// means are derived from the rows again, so they match what the model computes. Rows that do not parse,
/// have another shape or a value that is not finite are ignored, and the views made again replace them.
///
/// File `calibration-views-<model id>.bin`: magic `ARXCAL1\0`, then little-endian UInt32 pairs n, UInt32
/// dimension d, the English rows (n × d Float32), the Chinese rows (n × d Float32).
struct CalibrationViewsCache: CalibrationViewsStore {
    let url: URL
    /// The library's folder: after writing, other models' caches there are removed.
    let directory: URL

    static let magic = Array("ARXCAL1\0".utf8)
    /// Far more pairs and dimensions than a model keeps: a count beyond it is damage.
    static let maximumCount = 1 << 16

    init(directory: URL, modelID: String) {
        self.directory = directory
        url = directory.appendingPathComponent(DataDirectory.calibrationViewsFileName(modelID: modelID))
    }

    func load() -> (english: Matrix, chinese: Matrix)? {
        guard var reader = CacheByteReader(contentsOf: url), reader.bytes(Self.magic.count) == Self.magic,
              let rows = reader.uint32().map(Int.init), let columns = reader.uint32().map(Int.init),
              rows <= Self.maximumCount, columns <= Self.maximumCount,
              let english = reader.floats(rows * columns), let chinese = reader.floats(rows * columns), reader.isAtEnd,
              english.allSatisfy(\.isFinite), chinese.allSatisfy(\.isFinite)
        else { return nil }
        return (Matrix(rows: rows, columns: columns, storage: english), Matrix(rows: rows, columns: columns, storage: chinese))
    }

    func save(english: Matrix, chinese: Matrix) {
        var writer = CacheByteWriter(magic: Self.magic)
        writer.append(UInt32(english.rows))
        writer.append(UInt32(english.columns))
        writer.append(english.storage)
        writer.append(chinese.storage)
        guard (try? writer.write(to: url)) != nil else { return }
        CacheFiles.removeOthers(in: directory, keeping: url, where: DataDirectory.isCalibrationViewsFile)
    }
}
