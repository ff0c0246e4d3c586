public import Foundation

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
    /// A row being read: where it starts, its lines so far, and its first line that is not UTF-8.
    private struct OpenRow {
        var line: Int
        var lines: [String]
        var damage: Damage?
    }

    /// A line whose bytes are not all UTF-8: its number and the 1-based byte in it that is not.
    private struct Damage {
        var line: Int
        var byte: Int

        var message: String {
            "line \(line) is \(UTF8Validation.damage(fromByte: byte))"
        }
    }

    /// Streams the rows to `paper`/`issue`; returns the heading date (no papers).
    ///
    /// Lines end at LF, CR LF or CR and a leading byte order mark is dropped (``LineSplitter``), so a
    /// digest saved on Windows reads like the original. A row with a line that is not UTF-8 is skipped
    /// with one issue at its first line; a damaged line outside the rows (the heading, say) is ignored
    /// with one issue of its own (``UTF8Validation`` has the rule).
    public static func parse(
        _ data: Data, file: String, paper: (Paper) -> Void, issue: (ParseIssue) -> Void
    ) throws(FeedParseError) -> FeedPage {
        try DocumentChecks.requireText(data, file: file)
        var listingDate: String?
        var day: Date?
        var sawTable = false
        var open: OpenRow?

        func finish(_ row: OpenRow) {
            if let damage = row.damage {
                issue(ParseIssue(file: file, line: row.line, message: "\(damage.message); row skipped"))
                return
            }
            switch makePaper(row.lines.joined(separator: "\n"), day: day) {
            case .success(let value): paper(value)
            case .failure(let error): issue(ParseIssue(file: file, line: row.line, message: error.message))
            }
        }
        func abandon(_ row: OpenRow, before: String) {
            let message = row.damage.map { "\($0.message); row skipped" }
                ?? "row is not closed with '|' before \(before); row skipped"
            issue(ParseIssue(file: file, line: row.line, message: message))
        }

        for (lineNumber, bytes) in LineSplitter.lines(of: data) {
            let damage = UTF8Validation.firstInvalidByte(in: bytes).map { Damage(line: lineNumber, byte: $0 + 1) }
            let line = String(decoding: bytes, as: UTF8.self)
            let trimmedLine = line.trimmed
            let startsNextRow = trimmedLine.hasPrefix("|") && looksLikeRowStart(trimmedLine)
            if let damage {
                // A damaged line is never a heading: it belongs to the open row, opens a row, or is ignored.
                if var row = open, !startsNextRow {
                    row.lines.append(line)
                    row.damage = row.damage ?? damage
                    open = nil
                    if closesRow(trimmedLine) { finish(row) } else { open = row }
                    continue
                }
                if !trimmedLine.hasPrefix("|") || isHeaderRow(trimmedLine) || isSeparatorRow(trimmedLine) {
                    issue(ParseIssue(file: file, line: lineNumber, message: "\(damage.message); line ignored"))
                    continue
                }
            } else if let heading = headingDate(trimmedLine) {
                if let row = open { abandon(row, before: "the heading on line \(lineNumber)") }
                open = nil
                if listingDate == nil { listingDate = heading }
                day = ArxivDate.day(heading)
                continue
            }
            if var row = open {
                if startsNextRow {
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
            sawTable = true
            if isHeaderRow(trimmedLine) || isSeparatorRow(trimmedLine) { continue }
            let row = OpenRow(line: lineNumber, lines: [line], damage: damage)
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
            return .failure("row has no arXiv PDF link in its PDF链接 cell ('\(cells[2].excerpt)'); row skipped")
        }
        let paper = Paper(
            id: id, title: cells[0..<(linkIndex - 1)].joined(separator: "|"),
            abstract: cells[(linkIndex + 1)...].joined(separator: "|"), authors: [cells[linkIndex - 1]],
            categories: [], published: day, updated: nil, language: "zh", source: .digest)
        guard !paper.title.isEmpty else { return .failure("row for \(id) has an empty title; row skipped") }
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
