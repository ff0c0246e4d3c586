import Foundation

/// Checks every text format runs before parsing, so an empty or binary file gets a clear error
/// instead of a parser's confused one.
enum XMLDocumentChecks {
    /// Throws ``FeedParseError/empty(file:)`` for blank data and ``FeedParseError/binary(file:)`` for
    /// data with NUL bytes in its first 64 KB.
    static func requireText(_ data: Data, file: String) throws(FeedParseError) {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw .empty(file: file) }
        if data.prefix(64 << 10).contains(0) { throw .binary(file: file) }
    }
}
