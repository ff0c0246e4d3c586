import Foundation

/// The name–value pairs of a query string or an `application/x-www-form-urlencoded` body, decoded the way
/// browsers encode them (`+` is a space, `%XX` a UTF-8 byte). The first value of a repeated name wins.
struct FormFields: Sendable, Equatable {
    private var values: [String: String] = [:]

    init() {}

    init(urlEncoded text: Substring) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { continue }
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            if let value, values[name] == nil { values[name] = value }
        }
    }

    init(urlEncoded text: String) { self.init(urlEncoded: Substring(text)) }

    subscript(_ name: String) -> String? { values[name] }

    /// `nil` for a malformed `%` escape or bytes that are not UTF-8: such a field is left out.
    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
