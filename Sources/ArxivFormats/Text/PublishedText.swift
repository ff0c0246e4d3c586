extension String {
    /// This text as literal markdown on one line, for a table cell or a sentence of a published shortlist:
    /// ``displaySafeLine`` first (no controls, no line breaks that would end a row), then a backslash before
    /// every ASCII punctuation character markdown could read as syntax — `<` (raw HTML such as `<script>` or
    /// `<img onerror=…>`, autolinks), `[` `]` `(` `)` `!` (links and images, e.g. `[x](javascript:…)`),
    /// `|` (a table cell's end), `` ` `` `*` `_` `~` `#` (code, emphasis, strike-through, headings), `&` (entities)
    /// and `\` itself. CommonMark shows a backslash-escaped punctuation character as itself, so the reader
    /// sees the title as it is, and no title can add markup, a link or a cell.
    ///
    /// Links in published output are never taken from a paper's text: they are built from its arXiv id.
    public var markdownEscaped: String {
        var result = ""
        for scalar in displaySafeLine.unicodeScalars {
            if Self.markdownSyntax.contains(scalar) { result.append("\\") }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    private static let markdownSyntax: Set<Unicode.Scalar> = [
        "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "<", ">", "#", "!", "|", "~", "&",
    ]

    /// This text for an HTML page, in element content or a double- or single-quoted attribute — the one HTML
    /// escaper, for the published pages and `arxrec serve`'s alike:
    /// ``displaySafe`` (controls become U+FFFD), then `&`, `<`, `>`, `"` and `'` as character references.
    /// The noncharacters U+FFFE and U+FFFF become U+FFFD too, so the same text is also valid XML 1.0
    /// (``xmlEscaped``), which forbids them and every control but tab, line feed and carriage return.
    public var htmlEscaped: String {
        var result = ""
        for scalar in displaySafe.unicodeScalars {
            switch scalar {
            case "\u{FFFE}", "\u{FFFF}": result.unicodeScalars.append(.replacement)
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// This text in an XML document (the Atom feed), in element content or a quoted attribute: one rule
    /// with ``htmlEscaped``, whose output holds no character XML 1.0 forbids.
    public var xmlEscaped: String { htmlEscaped }
}
