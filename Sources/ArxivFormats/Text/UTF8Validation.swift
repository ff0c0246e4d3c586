/// Finds where bytes stop being UTF-8 text, for the one rule on damaged text.
///
/// The rule, the same for every format: text must be UTF-8. In a line-based format (the digest,
/// snapshot JSON lines) a record holding bytes that are not UTF-8 — a flipped bit, a file cut inside a
/// character, a stray Latin-1 byte — is skipped with a `file:line:` warning naming the byte, and every
/// other record is read: one damaged byte costs one record, never the file. An XML document is one
/// tree whose element names and structure any byte may belong to, so a document that is not UTF-8
/// is refused whole with one error naming the line and byte (XML itself calls it a fatal error), and
/// FoundationXML never sees it: it crashes on a malformed element name.
enum UTF8Validation {
    /// The offset of the first byte that does not start a complete, valid UTF-8 sequence (an
    /// incomplete sequence at the end counts), or `nil` when all of `bytes` is UTF-8.
    ///
    /// Valid means RFC 3629: no overlong forms, no surrogates (U+D800–U+DFFF), nothing above U+10FFFF.
    ///
    /// - Complexity: O(n) over contiguous bytes; ASCII runs are checked eight bytes at a time, since
    ///   every snapshot line (4 GB of them) is checked before it is decoded.
    static func firstInvalidByte(in bytes: some Collection<UInt8>) -> Int? {
        if let result = bytes.withContiguousStorageIfAvailable(firstInvalidByte(in:)) { return result }
        return Array(bytes).withUnsafeBufferPointer(firstInvalidByte(in:))
    }

    /// What a warning says about bytes that are not UTF-8 from the 1-based `byte` of a line on.
    static func damage(fromByte byte: Int) -> String {
        "not UTF-8 text from byte \(byte) on (a damaged or cut-short file, or another encoding)"
    }

    private static func firstInvalidByte(in buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = buffer.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        let count = buffer.count
        var index = 0
        /// Whether the byte at `offset` exists and lies in `range` (a continuation byte by default).
        func byte(_ offset: Int, in range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            offset < count && range.contains(buffer[offset])
        }
        while index < count {
            while index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
            guard index < count else { return nil }
            let lead = buffer[index]
            switch lead {
            case 0x00...0x7F:
                index += 1
            case 0xC2...0xDF:
                guard byte(index + 1) else { return index }
                index += 2
            case 0xE0...0xEF:
                let second: ClosedRange<UInt8> = lead == 0xE0 ? 0xA0...0xBF : lead == 0xED ? 0x80...0x9F : 0x80...0xBF
                guard byte(index + 1, in: second), byte(index + 2) else { return index }
                index += 3
            case 0xF0...0xF4:
                let second: ClosedRange<UInt8> = lead == 0xF0 ? 0x90...0xBF : lead == 0xF4 ? 0x80...0x8F : 0x80...0xBF
                guard byte(index + 1, in: second), byte(index + 2), byte(index + 3) else { return index }
                index += 4
            default:
                return index
            }
        }
        return nil
    }
}
