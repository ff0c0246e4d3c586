import ArgumentParser
import Foundation

/// Writes a float32 matrix as a NumPy `.npy` file (format version 1.0), so the vectors load with
/// `numpy.load` and any tool that reads it.
///
/// Layout: the magic `\x93NUMPY`, version bytes 1 0, a little-endian UInt16 header length, the header
/// — a Python dict literal `{'descr': '<f4', 'fortran_order': False, 'shape': (n, d), }` padded with
/// spaces and ended by a newline so the data starts on a 64-byte boundary — then the rows, C order,
/// little-endian float32. Format: <https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html>.
struct NumPyArrayFile {
    let rows: Int
    let columns: Int

    /// The magic, version, header length and header.
    var header: Data {
        var dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (\(rows), \(columns)), }"
        let prefix = 10
        let padding = (64 - (prefix + dict.utf8.count + 1) % 64) % 64
        dict += String(repeating: " ", count: padding) + "\n"
        var data = Data([0x93] + Array("NUMPY".utf8) + [1, 0])
        let length = UInt16(dict.utf8.count)
        data.append(contentsOf: [UInt8(length & 0xff), UInt8(length >> 8)])
        data.append(contentsOf: Array(dict.utf8))
        return data
    }

    /// Writes the header, then `rows` rows from `row(i)` (each `columns` floats), to `url` through a
    /// temporary file renamed into place, so a killed export never leaves a truncated array.
    func write(to url: URL, row: (Int) -> UnsafeBufferPointer<Float>) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
        guard FileManager.default.createFile(atPath: temporary.path, contents: header) else {
            throw ValidationError("cannot write \(url.path)")
        }
        let handle = try FileHandle(forWritingTo: temporary)
        do {
            try handle.seekToEnd()
            var buffer = [UInt8]()
            buffer.reserveCapacity(1 << 20)
            for i in 0 ..< rows {
                let values = row(i)
                precondition(values.count == columns, "NumPyArrayFile: row \(i) has \(values.count) floats")
                for value in values {
                    let bits = value.bitPattern.littleEndian
                    withUnsafeBytes(of: bits) { buffer.append(contentsOf: $0) }
                }
                if buffer.count >= 1 << 20 {
                    try handle.write(contentsOf: buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try handle.write(contentsOf: buffer)
            try handle.close()
            _ = try? FileManager.default.removeItem(at: url)
            try FileManager.default.moveItem(at: temporary, to: url)
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
