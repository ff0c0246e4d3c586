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
    /// - Complexity: O(n); ASCII runs are checked eight bytes at a time, since every snapshot line
    ///   (4 GB of them) is checked before it is decoded.
    static func firstInvalidByte(in bytes: some Collection<UInt8>) -> Int? {
        let ascii = bytes.withContiguousStorageIfAvailable(asciiPrefixCount) ?? bytes.prefix(while: { $0 < 0x80 }).count
        guard ascii < bytes.count else { return nil }
        var offset = ascii
        var iterator = bytes.dropFirst(ascii).makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// What a warning says about bytes that are not UTF-8 from the 1-based `byte` of a line on.
    static func damage(fromByte byte: Int) -> String {
        "not UTF-8 text from byte \(byte) on (a damaged or cut-short file, or another encoding)"
    }

    /// How many bytes at the start of `buffer` are ASCII.
    private static func asciiPrefixCount(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        var index = 0
        if let base = buffer.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= buffer.count,
                  raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
        }
        while index < buffer.count, buffer[index] < 0x80 { index += 1 }
        return index
    }
}
