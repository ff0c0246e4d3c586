public import Foundation

/// One entry point for the CLI: opens a file (or standard input), detects its format unless told,
/// and streams papers and issues from it.
///
/// Snapshot JSON lines are streamed from the handle with bounded memory (see ``SnapshotReader``);
/// the other formats are single documents (a digest, one API/RSS/OAI-PMH page) and are read whole,
/// then parsed as a stream of records.
public enum SourceReader {
    /// How many bytes are read up front for format detection.
    static let detectionBytes = 64 << 10

    /// - Parameters:
    ///   - url: a file URL, or `nil` for standard input.
    ///   - format: the format, or `nil` to detect it from the content (then the name).
    ///   - file: the name used in messages (`path` or `-`).
    /// - Throws: ``FeedParseError`` for a whole-document failure, or what `papers` throws.
    public static func read(
        _ url: URL?, format: SourceFormat?, file: String,
        papers: (Paper) throws -> Void, issue: (ParseIssue) -> Void
    ) throws {
        let handle: FileHandle
        if let url {
            do {
                handle = try FileHandle(forReadingFrom: url)
            } catch {
                throw FeedParseError.unreadable(file: file, reason: Self.reason(error))
            }
        } else {
            handle = FileHandle.standardInput
        }
        defer { if url != nil { try? handle.close() } }

        let prefix = try readPrefix(handle, file: file)
        guard prefix.contains(where: { !SnapshotReader.isSpace($0) }) else { throw FeedParseError.empty(file: file) }
        if DocumentChecks.looksBinary(prefix) { throw FeedParseError.binary(file: file) }
        guard let format = format ?? SourceFormat.detect(prefix: prefix, fileName: url?.lastPathComponent) else {
            throw FeedParseError.unknownFormat(file: file)
        }
        if format == .snapshot {
            try SnapshotReader(handle: handle, file: file, prefix: prefix).forEach(papers, issue: issue)
            return
        }
        var data = prefix
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { data.append(chunk) }
        } catch {
            throw FeedParseError.unreadable(file: file, reason: Self.reason(error))
        }
        // The parsers' callbacks cannot throw, so records are collected in document order, then
        // handed over (a document is one page, so this holds one page).
        var records: [Result<Paper, ParseIssue>] = []
        let collect: (Paper) -> Void = { records.append(.success($0)) }
        let skip: (ParseIssue) -> Void = { records.append(.failure($0)) }
        switch format {
        case .digest: _ = try DigestParser.parse(data, file: file, paper: collect, issue: skip)
        case .atom: _ = try AtomParser.parse(data, file: file, paper: collect, issue: skip)
        case .rss: _ = try RSSParser.parse(data, file: file, paper: collect, issue: skip)
        case .oai: _ = try OAIPMHParser.parse(data, file: file, paper: collect, issue: skip)
        case .snapshot: return
        }
        for record in records {
            switch record {
            case .success(let paper): try papers(paper)
            case .failure(let skipped): issue(skipped)
            }
        }
    }

    private static func readPrefix(_ handle: FileHandle, file: String) throws -> Data {
        var prefix = Data()
        do {
            while prefix.count < detectionBytes, let chunk = try handle.read(upToCount: detectionBytes - prefix.count),
                  !chunk.isEmpty {
                prefix.append(chunk)
            }
        } catch {
            throw FeedParseError.unreadable(file: file, reason: reason(error))
        }
        return prefix
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
           let posix = POSIXErrorCode(rawValue: Int32(underlying.code)), underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(posix.rawValue))
        }
        return nsError.localizedDescription
    }
}
