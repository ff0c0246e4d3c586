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
    /// - Complexity: O(n); ASCII bytes take one compare each.
    static func firstInvalidByte(in bytes: some Collection<UInt8>) -> Int? {
        var offset = 0
        var index = bytes.startIndex
        while index != bytes.endIndex, bytes[index] < 0x80 {
            offset += 1
            index = bytes.index(after: index)
        }
        guard index != bytes.endIndex else { return nil }
        var iterator = bytes[index...].makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
