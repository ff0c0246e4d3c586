import ArxivFormats

extension String {
    /// The text in lines of at most `width` terminal columns, broken at spaces, continuation lines
    /// indented by `indent`; a word longer than a line is cut into pieces rather than overflowing. One
    /// line, unchanged, when `width` is `nil` (no limit: output that is not a terminal). Made
    /// ``displaySafeLine`` first, so the widths are what the terminal shows.
    func wrapped(toWidth width: Int?, indent: Int) -> [String] {
        let text = displaySafeLine
        guard let width, text.displayWidth > width else { return [text] }
        let margin = String(repeating: " ", count: max(0, min(indent, width / 2)))
        var lines: [String] = []
        var line = ""
        func flush() {
            lines.append(line)
            line = margin
        }
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let separator = line.isEmpty || line == margin ? "" : " "
            if (line + separator + word).displayWidth <= width {
                line += separator + word
                continue
            }
            if !(line.isEmpty || line == margin) { flush() }
            var rest = word
            while (line + rest).displayWidth > width {
                var piece = ""
                for character in rest {
                    if (line + piece + String(character)).displayWidth > width { break }
                    piece.append(character)
                }
                guard !piece.isEmpty else { break }
                line += piece
                rest = String(rest.dropFirst(piece.count))
                flush()
            }
            line += rest
        }
        if !(line.isEmpty || line == margin) { lines.append(line) }
        return lines
    }
}
