import Foundation

/// Stable, pretty, key-sorted JSON for scripts.
enum JSONOutput {
    /// `value` as JSON in which no string carries a raw control or bidi scalar: the encoder escapes
    /// U+0000–U+001F itself, and DEL, the C1 controls, the bidi embeddings, overrides and isolates and
    /// the line and paragraph separators — which JSON allows raw — are written as `\uXXXX` too. A script
    /// reads the same strings; a terminal showing the JSON (or a page embedding it) gets nothing to obey.
    static func string(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return escapingUnsafeScalars(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Outside strings JSON is ASCII punctuation, digits, letters and layout whitespace, so every scalar
    /// replaced here is inside a string, where `\uXXXX` means the same scalar.
    static func escapingUnsafeScalars(_ json: String) -> String {
        func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
            scalar != "\n" && scalar != "\t" && scalar != "\r" && scalar != " "
                && (scalar.isUnsafeForDisplay || scalar == "\u{2028}" || scalar == "\u{2029}")
        }
        guard json.unicodeScalars.contains(where: needsEscape) else { return json }
        var result = ""
        for scalar in json.unicodeScalars {
            if needsEscape(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: false)
                result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
