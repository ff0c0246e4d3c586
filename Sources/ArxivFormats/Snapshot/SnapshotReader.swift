import Foundation

/// Streams arXiv bulk-snapshot JSON lines with bounded memory.
///
/// The real snapshot is 4 GB, so the reader never holds more than one chunk and one line: it reads
/// `chunkSize` bytes at a time from a `FileHandle` (a file or standard input), splits on `\n`, and
/// decodes each line. A line longer than `maxLineBytes` is not buffered: once it passes the limit its
/// remaining bytes are counted and dropped as they stream by, and the line becomes an issue.
///
/// Errors: a malformed line is a ``ParseIssue`` (`file:LINE: …`) and the next line is read. When the
/// file's only line is unusable — a truncated download of one record, or one giant line — there is
/// nothing to ingest and ``forEach(_:issue:)`` throws a ``FeedParseError`` instead. An empty file
/// throws ``FeedParseError/empty(file:)``, one with NUL bytes ``FeedParseError/binary(file:)``.
public struct SnapshotReader {
    public let file: String
    public let maxLineBytes: Int
    private let handle: FileHandle
    private let chunkSize: Int
    /// Bytes already read from `handle` by a caller (format detection) that come before the rest.
    private let prefix: Data

    public init(handle: FileHandle, file: String, maxLineBytes: Int = 4 << 20) {
        self.init(handle: handle, file: file, maxLineBytes: maxLineBytes, prefix: Data())
    }

    init(handle: FileHandle, file: String, maxLineBytes: Int = 4 << 20, prefix: Data, chunkSize: Int = 1 << 20) {
        self.handle = handle
        self.file = file
        self.maxLineBytes = max(1, maxLineBytes)
        self.prefix = prefix
        self.chunkSize = max(1, chunkSize)
    }

    /// Calls `body` for each paper in file order and `issue` for each skipped line.
    ///
    /// - Throws: ``FeedParseError`` for a whole-file failure (see the type's documentation), or
    ///   whatever `body` throws (which stops the read).
    public func forEach(_ body: (Paper) throws -> Void, issue: (ParseIssue) -> Void) throws {
        var splitter = LineSplitter(maxLineBytes: maxLineBytes)
        var decoder = LineDecoder(file: file, maxLineBytes: maxLineBytes)
        var sawBytes = false
        var checkedBinary = false

        func consume(_ chunk: Data) throws {
            if !checkedBinary {
                checkedBinary = true
                if chunk.prefix(64 << 10).contains(0) { throw FeedParseError.binary(file: file) }
            }
            if !sawBytes, chunk.contains(where: { !Self.isSpace($0) }) { sawBytes = true }
            try splitter.feed(chunk) { line throws in try decoder.handle(line, body: body, issue: issue) }
        }

        if !prefix.isEmpty { try consume(prefix) }
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: chunkSize)
            } catch {
                throw FeedParseError.unreadable(file: file, reason: error.localizedDescription)
            }
            guard let chunk, !chunk.isEmpty else { break }
            try consume(chunk)
        }
        try splitter.finish { line throws in try decoder.handle(line, body: body, issue: issue) }
        guard sawBytes else { throw FeedParseError.empty(file: file) }
        try decoder.finish(issue: issue)
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
}

/// One line as the splitter hands it over: its number and bytes, or the fact that it was too long.
enum SnapshotLine {
    case text(number: Int, bytes: ArraySlice<UInt8>)
    case tooLong(number: Int, bytes: Int)
}

/// Splits a byte stream into lines without holding more than `maxLineBytes` of any line.
struct LineSplitter {
    let maxLineBytes: Int
    private var buffer: [UInt8] = []
    /// Bytes of the current line seen so far while it is being discarded (nil: not discarding).
    private var discarded: Int?
    private var lineNumber = 1

    init(maxLineBytes: Int) { self.maxLineBytes = maxLineBytes }

    /// Bytes of the current line held in memory; never more than `maxLineBytes`.
    var bufferedByteCount: Int { buffer.count }

    mutating func feed(_ chunk: Data, _ emit: (SnapshotLine) throws -> Void) throws {
        try chunk.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let base = raw.baseAddress else { return }
            var start = 0
            while start < bytes.count {
                // memchr: the scan for newlines is the reader's hot loop (4 GB of snapshot).
                let found = memchr(base + start, 0x0A, bytes.count - start)
                let newline = found.map { base.distance(to: UnsafeRawPointer($0)) }
                let end = newline ?? bytes.count
                let segment = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if let count = discarded {
                    discarded = count + segment.count
                } else if buffer.count + segment.count > maxLineBytes {
                    discarded = buffer.count + segment.count
                    buffer = []
                } else {
                    buffer.append(contentsOf: segment)
                }
                guard newline != nil else { break }
                try endLine(emit)
                start = end + 1
            }
        }
    }

    mutating func finish(_ emit: (SnapshotLine) throws -> Void) throws {
        if discarded != nil || !buffer.isEmpty { try endLine(emit) }
    }

    private mutating func endLine(_ emit: (SnapshotLine) throws -> Void) throws {
        let number = lineNumber
        lineNumber += 1
        if let count = discarded {
            discarded = nil
            try emit(.tooLong(number: number, bytes: count))
        } else {
            var slice = buffer[...]
            if slice.last == 0x0D { slice = slice.dropLast() }
            try emit(.text(number: number, bytes: slice))
            buffer.removeAll(keepingCapacity: buffer.capacity <= 1 << 20)
        }
    }
}

/// Decodes lines into papers and holds back the first line's issue until a second line shows the
/// file has more than one record (a one-line file that fails is a whole-file error instead).
struct LineDecoder {
    let file: String
    let maxLineBytes: Int
    private let decoder = JSONDecoder()
    private var recordLines = 0
    private var heldIssue: (issue: ParseIssue, error: FeedParseError)?

    init(file: String, maxLineBytes: Int) {
        self.file = file
        self.maxLineBytes = maxLineBytes
    }

    mutating func handle(_ line: SnapshotLine, body: (Paper) throws -> Void, issue: (ParseIssue) -> Void) throws {
        switch line {
        case .tooLong(let number, let bytes):
            let message = "line of \(bytes) bytes exceeds the \(maxLineBytes)-byte line limit; line skipped"
            record(ParseIssue(file: file, line: number, message: message),
                   error: .lineTooLong(file: file, line: number, bytes: bytes, limit: maxLineBytes), issue: issue)
        case .text(let number, let bytes):
            guard bytes.contains(where: { !SnapshotReader.isSpace($0) }) else { return }
            let record: SnapshotRecord
            do {
                record = try decoder.decode(SnapshotRecord.self, from: Data(bytes))
            } catch {
                let reason = Self.reason(error)
                self.record(ParseIssue(file: file, line: number, message: "invalid JSON record (\(reason)); line skipped"),
                            error: .invalidJSON(file: file, line: number, reason: reason), issue: issue)
                return
            }
            switch record.paper() {
            case .success(let paper):
                noteRecordLine(issue: issue)
                try body(paper)
            case .failure(let failure):
                self.record(ParseIssue(file: file, line: number, message: failure.message + "; line skipped"),
                            error: .invalidJSON(file: file, line: number, reason: failure.message), issue: issue)
            }
        }
    }

    /// At the end: a held first-line issue with no other line is the whole file's failure.
    mutating func finish(issue: (ParseIssue) -> Void) throws {
        if let held = heldIssue, recordLines == 1 { throw held.error }
        if let held = heldIssue { issue(held.issue) }
        heldIssue = nil
    }

    private mutating func noteRecordLine(issue: (ParseIssue) -> Void) {
        recordLines += 1
        if recordLines == 2, let held = heldIssue {
            issue(held.issue)
            heldIssue = nil
        }
    }

    private mutating func record(_ parseIssue: ParseIssue, error: FeedParseError, issue: (ParseIssue) -> Void) {
        recordLines += 1
        if recordLines == 1 {
            heldIssue = (parseIssue, error)
        } else {
            if let held = heldIssue {
                issue(held.issue)
                heldIssue = nil
            }
            issue(parseIssue)
        }
    }

    /// A one-line reason from a `DecodingError`.
    static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            let detail = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return detail ?? "malformed or cut short"
        case DecodingError.keyNotFound(let key, _):
            return "missing field '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "field '\(path)' has the wrong type"
        default:
            return "not valid JSON"
        }
    }
}
