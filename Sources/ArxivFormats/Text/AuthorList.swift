import Foundation

/// Splits the free-text author strings of arXiv metadata into names.
///
/// arXiv stores authors as the submitter typed them: `A. Smith, B. Jones and C. Lee`,
/// `A, B, and C`, sometimes with affiliations in parentheses (`A (MIT, USA), B`). Commas and the
/// word `and` separate names only outside parentheses.
enum AuthorList {
    static func split(_ text: String) -> [String] {
        var names: [String] = []
        var current = ""
        var depth = 0
        func flush() {
            let name = current.collapsingWhitespace
            if !name.isEmpty { names.append(name) }
            current = ""
        }
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            switch character {
            case "(", "[":
                depth += 1
            case ")", "]":
                depth = max(0, depth - 1)
            case "," where depth == 0, ";" where depth == 0:
                flush()
                index = text.index(after: index)
                continue
            default:
                if depth == 0, character.isWhitespace, let after = wordAnd(in: text, at: index) {
                    flush()
                    index = after
                    continue
                }
            }
            current.append(character)
            index = text.index(after: index)
        }
        flush()
        return names
    }

    /// If `text[index...]` is whitespace, `and`, whitespace, the index after the `and`.
    private static func wordAnd(in text: String, at index: String.Index) -> String.Index? {
        var cursor = index
        while cursor < text.endIndex, text[cursor].isWhitespace { cursor = text.index(after: cursor) }
        let word = text[cursor...].prefix(3)
        guard word == "and" else { return nil }
        let after = text.index(cursor, offsetBy: 3)
        guard after < text.endIndex, text[after].isWhitespace else { return nil }
        return after
    }

    /// `First Last Suffix` from the snapshot's `authors_parsed` triple `[last, first, suffix]`.
    static func name(parsed parts: [String]) -> String? {
        guard let last = parts.first?.collapsingWhitespace, !last.isEmpty else { return nil }
        let first = parts.count > 1 ? parts[1].collapsingWhitespace : ""
        let suffix = parts.count > 2 ? parts[2].collapsingWhitespace : ""
        return [first, last, suffix].filter { !$0.isEmpty }.joined(separator: " ")
    }
}
