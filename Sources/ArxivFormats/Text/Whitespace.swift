import Foundation

extension StringProtocol {
    /// The text with every run of whitespace and newlines replaced by one space, trimmed.
    ///
    /// Sources wrap titles and abstracts at fixed columns (the snapshot at ~80, Atom with leading
    /// spaces, the digest across paragraphs); the wrapping is layout, not content.
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
            case 0x20, 0x09 ... 0x0D: isSpace = true
            case 0 ..< 0x80: isSpace = false
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

    /// The text without leading and trailing whitespace and newlines.
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
