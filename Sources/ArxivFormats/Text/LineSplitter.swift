import Foundation

/// One line as ``LineSplitter`` hands it over: its number and bytes (without the line break), or the
/// fact that it was longer than the splitter holds.
enum TextLine {
    case text(number: Int, bytes: ArraySlice<UInt8>)
    case tooLong(number: Int, bytes: Int)
}

/// Splits a byte stream into lines without holding more than `maxLineBytes` of any line: the one
/// rule for lines in every line-based format (snapshot JSON lines, the digest, format detection).
///
/// A line ends at LF, at CR LF or at a lone CR, so a file saved on Windows (or by an old Mac) reads
/// exactly like the original, with the same line numbers; a CR LF split between two chunks is still
/// one line break. A UTF-8 byte order mark at the very start of the stream (Windows editors write
/// one) is not content and is dropped. Bytes are not decoded here: a line's bytes may be invalid
/// UTF-8, which the caller reports for that line alone (``UTF8Validation``).
struct LineSplitter {
    let maxLineBytes: Int
    private var buffer: [UInt8] = []
    /// Bytes of the current line seen so far while it is being discarded (nil: not discarding).
    private var discarded: Int?
    private var lineNumber = 1
    /// The last line ended at a CR that ended its chunk: an LF starting the next chunk completes it.
    private var endedAtCR = false

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    init(maxLineBytes: Int) { self.maxLineBytes = maxLineBytes }

    /// Bytes of the current line held in memory; never more than `maxLineBytes`.
    var bufferedByteCount: Int { buffer.count }

    /// Every line of a whole document held in memory, with no length limit.
    static func lines(of data: Data) -> [(number: Int, bytes: ArraySlice<UInt8>)] {
        var splitter = LineSplitter(maxLineBytes: .max)
        var lines: [(number: Int, bytes: ArraySlice<UInt8>)] = []
        let collect: (TextLine) -> Void = { line in
            if case .text(let number, let bytes) = line { lines.append((number, bytes)) }
        }
        splitter.feed(data, collect)
        splitter.finish(collect)
        return lines
    }

    /// The 1-based line, under this type's rule, of the byte at `offset` in `bytes`.
    static func lineNumber(ofByteAt offset: Int, in bytes: some Collection<UInt8>) -> Int {
        var line = 1
        var previous: UInt8 = 0
        for byte in bytes.prefix(offset) {
            if byte == 0x0A, previous != 0x0D { line += 1 }
            if byte == 0x0D { line += 1 }
            previous = byte
        }
        return line
    }

    mutating func feed(_ chunk: Data, _ emit: (TextLine) throws -> Void) rethrows {
        try chunk.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let base = raw.baseAddress, !bytes.isEmpty else { return }
            // memchr: the scan for line breaks is the reader's hot loop (4 GB of snapshot). The next
            // LF and the next CR are each searched once and remembered until passed.
            func next(_ byte: Int32, from start: Int) -> Int {
                guard start < bytes.count, let found = memchr(base + start, byte, bytes.count - start) else { return bytes.count }
                return base.distance(to: UnsafeRawPointer(found))
            }
            var start = 0
            if endedAtCR {
                endedAtCR = false
                if bytes[0] == 0x0A { start = 1 }
            }
            var nextLF = next(0x0A, from: start)
            var nextCR = next(0x0D, from: start)
            while start < bytes.count {
                if nextLF < start { nextLF = next(0x0A, from: start) }
                if nextCR < start { nextCR = next(0x0D, from: start) }
                let end = min(nextLF, nextCR)
                take(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                guard end < bytes.count else { break }
                try endLine(emit)
                start = end + 1
                if end == nextCR {
                    if start == bytes.count {
                        endedAtCR = true
                    } else if bytes[start] == 0x0A {
                        start += 1
                    }
                }
            }
        }
    }

    mutating func finish(_ emit: (TextLine) throws -> Void) rethrows {
        if discarded != nil || !buffer.isEmpty { try endLine(emit) }
    }

    /// Adds a segment of the current line, or counts it once the line is past the limit.
    private mutating func take(_ segment: UnsafeBufferPointer<UInt8>) {
        if let count = discarded {
            discarded = count + segment.count
        } else if buffer.count + segment.count > maxLineBytes {
            discarded = buffer.count + segment.count
            buffer = []
        } else {
            buffer.append(contentsOf: segment)
        }
    }

    private mutating func endLine(_ emit: (TextLine) throws -> Void) rethrows {
        let number = lineNumber
        lineNumber += 1
        if let count = discarded {
            discarded = nil
            try emit(.tooLong(number: number, bytes: count))
        } else {
            var slice = buffer[...]
            if number == 1, slice.starts(with: Self.byteOrderMark) { slice = slice.dropFirst(Self.byteOrderMark.count) }
            try emit(.text(number: number, bytes: slice))
            buffer.removeAll(keepingCapacity: buffer.capacity <= 1 << 20)
        }
    }
}
