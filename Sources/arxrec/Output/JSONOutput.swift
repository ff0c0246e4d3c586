import ArxivFormats
import Foundation

/// Stable, pretty, key-sorted JSON for scripts, every document an object carrying `schemaVersion`
/// (README, "JSON output", documents each).
enum JSONOutput {
    /// The version of every JSON document arxrec prints or writes; raised when a field changes meaning
    /// or goes away (a new field does not raise it). 1: issue 18 — the first versioned schema.
    static let schemaVersion = 1

    /// `value` as JSON in which no string carries a raw control or bidi scalar: the encoder escapes
    /// U+0000–U+001F itself, and DEL, the C1 controls, the bidi embeddings, overrides and isolates and
    /// the line and paragraph separators — which JSON allows raw — are written as `\uXXXX` too. A script
    /// reads the same strings; a terminal showing the JSON (or a page embedding it) gets nothing to obey.
    ///
    /// `value` must encode as an object (a keyed container): `schemaVersion` is added beside its keys.
    static func string(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return escapingUnsafeScalars(String(decoding: try encoder.encode(Versioned(value: value)), as: UTF8.self))
    }

    /// `value`'s keys and `schemaVersion`, in one object.
    private struct Versioned<Value: Encodable>: Encodable {
        let value: Value

        enum CodingKeys: String, CodingKey { case schemaVersion }

        func encode(to encoder: any Encoder) throws {
            try value.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(JSONOutput.schemaVersion, forKey: .schemaVersion)
        }
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
