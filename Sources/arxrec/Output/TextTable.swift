import ArxivFormats

/// An aligned plain-text table whose widest column is truncated to fit the terminal (and never cut when
/// there is no width to fit: output that is not a terminal, ``Terminal/lineWidth``).
struct TextTable {
    var headers: [String]
    var rows: [[String]]
    /// The column that gives up width when the table is too wide (usually the title).
    var flexibleColumn: Int

    /// The table in `width` columns. Every cell is made ``Swift/String/displaySafeLine`` first: its
    /// width is then what the terminal shows, and no value can break a row or drive the terminal.
    func render(width: Int?, bold: (String) -> String = { $0 }) -> String {
        let headers = headers.map(\.displaySafeLine)
        let rows = rows.map { $0.map(\.displaySafeLine) }
        let columnCount = headers.count
        var widths = headers.map(\.displayWidth)
        for row in rows {
            for (index, cell) in row.enumerated() where index < columnCount {
                widths[index] = max(widths[index], cell.displayWidth)
            }
        }
        let separators = 2 * (columnCount - 1)
        let fixed = widths.enumerated().filter { $0.offset != flexibleColumn }.reduce(0) { $0 + $1.element }
        if let width { widths[flexibleColumn] = max(12, min(widths[flexibleColumn], width - fixed - separators)) }

        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let fitted = cell.truncated(toWidth: widths[index])
                return index == columnCount - 1 ? fitted : fitted.padded(toWidth: widths[index])
            }.joined(separator: "  ")
        }
        var lines = [bold(line(headers))]
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// Terminal columns: East Asian wide characters (CJK) take two.
    var displayWidth: Int {
        unicodeScalars.reduce(0) { $0 + ($1.isWide ? 2 : 1) }
    }

    /// The text cut to `width` columns with an ellipsis; unchanged when `width` is `nil` (no limit).
    func truncated(toWidth width: Int?) -> String {
        guard let width, displayWidth > width else { return self }
        var result = ""
        var used = 0
        for character in self {
            let characterWidth = String(character).displayWidth
            if used + characterWidth > width - 1 { break }
            result.append(character)
            used += characterWidth
        }
        return result + "…"
    }

    func padded(toWidth width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - displayWidth))
    }
}

extension Unicode.Scalar {
    /// Wide (two-column) scalars: CJK ideographs, kana, hangul, full-width forms.
    var isWide: Bool {
        switch value {
        case 0x1100 ... 0x115F, 0x2E80 ... 0x303E, 0x3041 ... 0x33FF, 0x3400 ... 0x4DBF, 0x4E00 ... 0x9FFF,
             0xA000 ... 0xA4CF, 0xAC00 ... 0xD7A3, 0xF900 ... 0xFAFF, 0xFE30 ... 0xFE4F, 0xFF00 ... 0xFF60,
             0xFFE0 ... 0xFFE6, 0x20000 ... 0x2FFFD, 0x30000 ... 0x3FFFD:
            return true
        default:
            return false
        }
    }
}
