import Foundation

/// Reads the daily Chinese arXiv digest: a `# arxiv YYYY-MM-DD` heading, then a markdown table
/// `| 标题 | 作者 | PDF链接 |  摘要 |` (title, first author, PDF link, abstract), all translated.
///
/// A row starts at a line beginning with `|` and ends at the line that closes the last cell with
/// `|`; the abstract may run over several lines and paragraphs in between. Cells keep `$…$`,
/// `**…**`, `\href{…}{…}` and URLs as text; only whitespace is collapsed. A `|` inside a title or
/// abstract (e.g. `$|x|$`) is tolerated: the PDF-link cell anchors the layout, so extra
/// separators before it belong to the title and after it to the abstract. `\|` is an escaped pipe.
///
/// Mapping: the id and version come from the PDF link; `language` is `zh`; `authors` is the author
/// cell; `published` is the heading's day at midnight UTC. A row without a parseable arXiv link,
/// with too few cells, or never closed is skipped as a ``ParseIssue`` at the row's first line.
public enum DigestParser: FeedParser {
    /// Streams the rows to `paper`/`issue`; returns the heading date (no papers).
    public static func parse(
        _ data: Data, file: String, paper: (Paper) -> Void, issue: (ParseIssue) -> Void
    ) throws(FeedParseError) -> FeedPage {
        try XMLDocumentChecks.requireText(data, file: file)
        guard let text = String(data: data, encoding: .utf8) else { throw .binary(file: file) }
        var listingDate: String?
        var day: Date?
        var sawTable = false
        var open: (line: Int, lines: [Substring])?

        func finish(_ row: (line: Int, lines: [Substring])) {
            switch makePaper(row.lines.joined(separator: "\n"), day: day) {
            case .success(let value): paper(value)
            case .failure(let error): issue(ParseIssue(file: file, line: row.line, message: error.message))
            }
        }
        func abandon(_ row: (line: Int, lines: [Substring]), before: String) {
            issue(ParseIssue(file: file, line: row.line, message: "row is not closed with '|' before \(before); row skipped"))
        }

        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let trimmedLine = line.trimmed
            if let heading = headingDate(trimmedLine) {
                if let row = open { abandon(row, before: "the heading on line \(lineNumber)") }
                open = nil
                if listingDate == nil { listingDate = heading }
                day = ArxivDate.day(heading)
                continue
            }
            if var row = open {
                if trimmedLine.hasPrefix("|"), looksLikeRowStart(trimmedLine) {
                    abandon(row, before: "the next row on line \(lineNumber)")
                    open = nil
                } else {
                    row.lines.append(line)
                    open = nil
                    if closesRow(trimmedLine) { finish(row) } else { open = row }
                    continue
                }
            }
            guard trimmedLine.hasPrefix("|") else { continue }
            if isHeaderRow(trimmedLine) || isSeparatorRow(trimmedLine) {
                sawTable = true
                continue
            }
            sawTable = true
            let row = (line: lineNumber, lines: [line])
            if closesRow(trimmedLine) && trimmedLine.count > 1 { finish(row) } else { open = row }
        }
        if let row = open { abandon(row, before: "the end of the file") }
        guard sawTable || listingDate != nil else {
            throw .unexpectedDocument(
                file: file, expected: "a digest (a '# arxiv YYYY-MM-DD' heading and a '| 标题 | 作者 | PDF链接 | 摘要 |' table)",
                found: "neither heading nor table")
        }
        return FeedPage(listingDate: listingDate)
    }

    /// `2025-12-23` from a `# arxiv 2025-12-23` heading (any heading level, any case).
    static func headingDate(_ line: String) -> String? {
        guard line.hasPrefix("#") else { return nil }
        let words = line.drop { $0 == "#" }.split(whereSeparator: \.isWhitespace)
        guard words.count >= 2, words[0].lowercased() == "arxiv",
              let (year, month, dayOfMonth) = ArxivDate.dayComponents(words[1]), words[1].count == 10 else { return nil }
        return ArxivDate.dayString(year: year, month: month, day: dayOfMonth)
    }

    private static func isHeaderRow(_ line: String) -> Bool {
        line.contains("标题") && line.contains("PDF") && !line.contains("arxiv.org")
    }

    private static func isSeparatorRow(_ line: String) -> Bool {
        line.allSatisfy { $0 == "|" || $0 == "-" || $0 == ":" || $0 == " " } && line.contains("-")
    }

    /// A line that opens a row of its own: it has cell separators and an arXiv link.
    private static func looksLikeRowStart(_ line: String) -> Bool {
        line.contains("arxiv.org/") && cellBoundaries(line).count >= 3
    }

    /// Whether the line ends with an unescaped `|`, closing the row's last cell.
    private static func closesRow(_ line: String) -> Bool {
        line.hasSuffix("|") && !line.hasSuffix("\\|")
    }

    /// Indices of unescaped `|` in the text.
    private static func cellBoundaries(_ text: String) -> [String.Index] {
        var result: [String.Index] = []
        var escaped = false
        for index in text.indices {
            let character = text[index]
            if character == "|", !escaped { result.append(index) }
            escaped = character == "\\" && !escaped
        }
        return result
    }

    /// The cells between the outer pipes, with `\|` unescaped.
    static func cells(_ row: String) -> [String] {
        let text = row.trimmed
        let bounds = cellBoundaries(text)
        guard bounds.count >= 2 else { return [] }
        var cells: [String] = []
        for (start, end) in zip(bounds, bounds.dropFirst()) {
            let cell = text[text.index(after: start)..<end]
            cells.append(cell.replacingOccurrences(of: "\\|", with: "|"))
        }
        return cells
    }

    static func makePaper(_ row: String, day: Date?) -> Result<Paper, RecordError> {
        let cells = cells(row)
        guard cells.count >= 4 else {
            return .failure("row has \(cells.count) cells, expected 4 (标题 | 作者 | PDF链接 | 摘要); row skipped")
        }
        // The link cell anchors the layout; the usual place is the third cell.
        let linkIndex = ([2] + Array(2..<(cells.count - 1))).first { pdfID(cells[$0]) != nil }
        guard let linkIndex, let id = pdfID(cells[linkIndex]) else {
            return .failure("row has no arXiv PDF link in its PDF链接 cell ('\(cells[2].trimmed.prefix(80))'); row skipped")
        }
        let title = cells[0..<(linkIndex - 1)].joined(separator: "|").collapsingWhitespace
        let author = cells[linkIndex - 1].collapsingWhitespace
        let abstract = cells[(linkIndex + 1)...].joined(separator: "|").collapsingWhitespace
        guard !title.isEmpty else { return .failure("row for \(id) has an empty title; row skipped") }
        let paper = Paper(
            id: id, title: title, abstract: abstract, authors: author.isEmpty ? [] : [author],
            categories: [], published: day, updated: nil, language: "zh", source: .digest)
        return .success(paper)
    }

    /// The arXiv id of a link cell: `[PDF](https://arxiv.org/pdf/2512.19693v1)`, a bare URL, or `arXiv:…`.
    static func pdfID(_ cell: String) -> ArxivID? {
        let text = cell.trimmed
        guard !text.isEmpty else { return nil }
        if let open = text.range(of: "]("), let close = text[open.upperBound...].firstIndex(of: ")") {
            return try? ArxivID(parsing: String(text[open.upperBound..<close]))
        }
        if let start = text.range(of: "http") {
            let url = text[start.lowerBound...].prefix { !$0.isWhitespace && $0 != ">" && $0 != ")" }
            return try? ArxivID(parsing: String(url))
        }
        return try? ArxivID(parsing: text.trimmingCharacters(in: CharacterSet(charactersIn: "<>")))
    }
}
