import Foundation

extension StringProtocol {
    /// The text with every run of whitespace, newlines and control characters replaced by one space,
    /// trimmed: the one rule for a text field (see ``Paper``).
    ///
    /// Sources wrap titles and abstracts at fixed columns (the snapshot at ~80, Atom with leading
    /// spaces, the digest across paragraphs); the wrapping is layout, not content. Control characters
    /// (Unicode category Cc: U+0000–U+001F, U+007F–U+009F) are never content either: a JSON `\u0000`
    /// would cut the stored text short at SQLite's C boundary, and an escape sequence in a title would
    /// reach the terminal. They count as whitespace, so `a\u{0}b` reads `a b`.
    ///
    /// ASCII scalars are decided by a compare and copied as bytes; only non-ASCII scalars (U+00A0,
    /// U+2009 …) consult Unicode properties. Asking every scalar for its properties and appending to a
    /// String one scalar at a time took 41 % of ingest time.
    var collapsingWhitespace: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var pendingSpace = false
        for scalar in unicodeScalars {
            let isSpace: Bool
            switch scalar.value {
            case 0 ... 0x20, 0x7F ... 0x9F: isSpace = true
            case 0x21 ..< 0x7F: isSpace = false
            default: isSpace = scalar.properties.isWhitespace
            }
            if isSpace {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            if scalar.value < 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: scalar.value))
            } else {
                if let encoded = UTF8.encode(scalar) { bytes.append(contentsOf: encoded) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text as a message quotes it (``EchoedInput/shortened(_:limit:)``), so that a damaged or huge
    /// field still makes one short stderr line.
    var excerpt: String { EchoedInput.shortened(self) }

    /// The text without leading and trailing whitespace and newlines.
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
