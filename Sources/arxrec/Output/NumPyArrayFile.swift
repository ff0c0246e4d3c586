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

    /// Writes the header, then `rows` rows from `row(i)` (each `columns` floats), as one ``OutputFile``:
    /// a killed export never leaves a truncated array, and a folder at the path is refused.
    func write(to file: OutputFile, row: (Int) -> UnsafeBufferPointer<Float>) throws {
        try file.write { writer in
            try writer.write(header)
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
                    try writer.write(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try writer.write(buffer)
        }
    }

    /// ``write(to:row:)-(OutputFile,_)`` to a URL.
    func write(to url: URL, row: (Int) -> UnsafeBufferPointer<Float>) throws {
        try write(to: OutputFile(url), row: row)
    }
}
