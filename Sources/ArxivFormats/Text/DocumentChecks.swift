import Foundation

/// Checks a whole document gets before a parser sees it, so an empty, binary or damaged file gets a
/// clear one-line error instead of a parser's confused one (or a crash inside FoundationXML).
enum DocumentChecks {
    /// How much of the start of a file ``looksBinary(_:)`` judges.
    static let binaryWindow = 64 << 10

    /// Throws ``FeedParseError/empty(file:)`` for blank data and ``FeedParseError/binary(file:)`` for
    /// data that ``looksBinary(_:)``.
    static func requireText(_ data: Data, file: String) throws(FeedParseError) {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw .empty(file: file) }
        if looksBinary(data) { throw .binary(file: file) }
    }

    /// Whether the start of a file says it is not text at all (compressed, an image, UTF-16), so that
    /// it is refused whole instead of yielding one warning per line.
    ///
    /// The first 64 KB must hold a NUL byte, and also either bytes that are not UTF-8 (a compressed
    /// file) or NULs in more than 1 byte in 100 (UTF-16). A stray NUL in a text file is damage to one
    /// field, not a binary file: each format's rule then applies to it (a control character in a
    /// digest cell is a space, JSON and XML refuse a raw NUL in the record or document that holds it).
    static func looksBinary(_ bytes: Data) -> Bool {
        let window = bytes.prefix(binaryWindow)
        let nuls = window.withUnsafeBytes { raw -> Int in
            // memchr: most files have no NUL at all, and this runs on every file.
            guard let base = raw.baseAddress else { return 0 }
            var count = 0
            var start = 0
            while start < raw.count, let found = memchr(base + start, 0, raw.count - start) {
                count += 1
                start = base.distance(to: UnsafeRawPointer(found)) + 1
            }
            return count
        }
        guard nuls > 0 else { return false }
        if nuls * 100 > window.count { return true }
        guard let invalid = UTF8Validation.firstInvalidByte(in: window) else { return false }
        // A character cut by the end of the window (or of a prefix the caller read) is not damage.
        return invalid < window.count - 3
    }

    /// Throws ``FeedParseError/notUTF8(file:line:offset:)`` when an XML document that is meant to be
    /// UTF-8 is not (``UTF8Validation`` has the rule).
    ///
    /// A document is meant to be UTF-8 unless its XML declaration names a single-byte encoding
    /// (`ISO-8859-…`, `latin…`, `windows-125…`): every byte is a character of those, and libxml2
    /// converts them itself. arXiv's feeds are all UTF-8.
    static func requireUTF8XML(_ data: Data, file: String) throws(FeedParseError) {
        if let encoding = declaredEncoding(data), singleByteEncodingPrefixes.contains(where: encoding.hasPrefix) { return }
        if let offset = UTF8Validation.firstInvalidByte(in: data) {
            throw .notUTF8(file: file, line: LineSplitter.lineNumber(ofByteAt: offset, in: data), offset: offset)
        }
    }

    private static let singleByteEncodingPrefixes = ["iso-8859-", "iso8859-", "latin", "windows-125", "cp125"]

    /// The lower-cased `encoding` of a leading `<?xml … encoding="…"?>` declaration.
    private static func declaredEncoding(_ data: Data) -> String? {
        var head = data.prefix(256)
        if head.starts(with: LineSplitter.byteOrderMark) { head = head.dropFirst(LineSplitter.byteOrderMark.count) }
        guard head.starts(with: Array("<?xml".utf8)), let end = head.firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let declaration = String(decoding: head[..<end], as: UTF8.self)
        guard let key = declaration.range(of: "encoding") else { return nil }
        let value = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "'" || $0 == "\"" }
        return value.prefix { $0 != "'" && $0 != "\"" && $0 != " " && $0 != "?" }.lowercased()
    }
}
