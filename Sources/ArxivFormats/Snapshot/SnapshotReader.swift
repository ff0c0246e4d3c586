public import Foundation

/// Streams arXiv bulk-snapshot JSON lines with bounded memory.
///
/// The real snapshot is 4 GB, so the reader never holds more than one chunk and one line: it reads
/// `chunkSize` bytes at a time from a `FileHandle` (a file or standard input), splits on `\n`, and
/// decodes each line. A line longer than `maxLineBytes` is not buffered: once it passes the limit its
/// remaining bytes are counted and dropped as they stream by, and the line becomes an issue.
///
/// Lines end at LF, CR LF or CR, and a leading byte order mark is dropped (``LineSplitter``). A line
/// that is not UTF-8 is skipped like any malformed line (``UTF8Validation`` has the rule).
///
/// Errors: a malformed line is a ``ParseIssue`` (`file:LINE: …`) and the next line is read. When the
/// file's only line is unusable — a truncated download of one record, or one giant line — there is
/// nothing to ingest and ``forEach(_:issue:)`` throws a ``FeedParseError`` instead. An empty file
/// throws ``FeedParseError/empty(file:)``, a binary one (``DocumentChecks/looksBinary(_:)``)
/// ``FeedParseError/binary(file:)``.
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
                if DocumentChecks.looksBinary(chunk) { throw FeedParseError.binary(file: file) }
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

    mutating func handle(_ line: TextLine, body: (Paper) throws -> Void, issue: (ParseIssue) -> Void) throws {
        switch line {
        case .tooLong(let number, let bytes):
            let message = "line of \(bytes) bytes exceeds the \(maxLineBytes)-byte line limit; line skipped"
            record(ParseIssue(file: file, line: number, message: message),
                   error: .lineTooLong(file: file, line: number, bytes: bytes, limit: maxLineBytes), issue: issue)
        case .text(let number, let bytes):
            guard bytes.contains(where: { !SnapshotReader.isSpace($0) }) else { return }
            // Checked first: the decoder lets damage in a field it skips (`submitter`) through.
            if let invalid = UTF8Validation.firstInvalidByte(in: bytes) {
                let damage = UTF8Validation.damage(fromByte: invalid + 1)
                record(ParseIssue(file: file, line: number, message: "the line is \(damage); line skipped"),
                       error: .invalidJSON(file: file, line: number, reason: "the line is \(damage)"), issue: issue)
                return
            }
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
