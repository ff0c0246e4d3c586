import Foundation

extension StringProtocol {
    /// The text with every run of whitespace and newlines replaced by one space, trimmed.
    ///
    /// Sources wrap titles and abstracts at fixed columns (the snapshot at ~80, Atom with leading
    /// spaces, the digest across paragraphs); the wrapping is layout, not content.
    var collapsingWhitespace: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace {
                    result.unicodeScalars.append(" ")
                    pendingSpace = false
                }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The text without leading and trailing whitespace and newlines.
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
