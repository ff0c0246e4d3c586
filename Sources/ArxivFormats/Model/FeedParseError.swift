import Foundation

/// A whole-document failure: nothing in the document is usable.
///
/// Record-level problems are ``ParseIssue``s and do not stop a parse; these do. Each description is
/// one line that names the file (and line, when known) and says what to do about it.
public enum FeedParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file has no content (or only whitespace).
    case empty(file: String)
    /// The file starts with NUL bytes and bytes that are not UTF-8 (``DocumentChecks/looksBinary(_:)``):
    /// probably a compressed or binary file.
    case binary(file: String)
    /// An XML document holds bytes that are not UTF-8 (a damaged download or another encoding);
    /// `offset` is the 0-based byte offset in the file.
    case notUTF8(file: String, line: Int, offset: Int)
    /// The XML is malformed or ends early (a truncated download).
    case invalidXML(file: String, line: Int?, reason: String)
    /// The document is well-formed but not the format the parser reads (e.g. RSS given to the Atom parser).
    case unexpectedDocument(file: String, expected: String, found: String)
    /// The arXiv API answered with its error feed (e.g. `incorrect id format for abc`).
    case apiError(file: String, message: String)
    /// An OAI-PMH `<error>` other than `noRecordsMatch` (e.g. `badResumptionToken`).
    case oaiError(file: String, code: String, message: String)
    /// The only JSON line of a snapshot file is not valid JSON (a truncated file).
    case invalidJSON(file: String, line: Int, reason: String)
    /// The only line of a snapshot file is longer than the reader's limit.
    case lineTooLong(file: String, line: Int, bytes: Int, limit: Int)
    /// Content and name match no known format.
    case unknownFormat(file: String)
    /// The file could not be opened or read.
    case unreadable(file: String, reason: String)

    public var description: String {
        switch self {
        case .empty(let file):
            return "\(file): the file is empty; check that the download or export finished"
        case .binary(let file):
            return "\(file): this is a binary file (NUL bytes or invalid UTF-8), not a digest, feed or JSON-lines text; decompress it or pass the right file"
        case .notUTF8(let file, let line, let offset):
            return "\(file):\(line): byte offset \(offset) is not UTF-8 text; the file is damaged or in another encoding: download it again or convert it to UTF-8"
        case .invalidXML(let file, let line, let reason):
            let place = line.map { "\(file):\($0)" } ?? file
            return "\(place): invalid XML (\(reason)); the file is probably truncated or not XML, download it again"
        case .unexpectedDocument(let file, let expected, let found):
            return "\(file): expected \(expected) but found \(found); pass --format with the right format"
        case .apiError(let file, let message):
            return "\(file): the arXiv API returned an error: \(message.excerpt); fix the query (e.g. the id) and fetch again"
        case .oaiError(let file, let code, let message):
            let text = message.hasSuffix(".") ? String(message.dropLast()).excerpt : message.excerpt
            let detail = text.isEmpty ? "" : ": \(text)"
            return "\(file): the OAI-PMH server returned error \(code.excerpt)\(detail); restart the harvest without the stale token or fix the request"
        case .invalidJSON(let file, let line, let reason):
            return "\(file):\(line): invalid JSON (\(reason)); the file is probably truncated, download it again"
        case .lineTooLong(let file, let line, let bytes, let limit):
            return "\(file):\(line): line of \(bytes) bytes exceeds the \(limit)-byte limit; this is not an arXiv JSON-lines file"
        case .unknownFormat(let file):
            return "\(file): cannot tell the format from the content or name; pass --format digest|atom|rss|oai|snapshot"
        case .unreadable(let file, let reason):
            return "\(file): cannot read the file (\(reason)); check the path and permissions"
        }
    }
}
