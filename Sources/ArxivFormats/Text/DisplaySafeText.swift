/// The one rule for text from papers, files and arguments on its way to a terminal or a published file.
///
/// A title is data, not commands: `ESC ] 0 ; … BEL` would set the window title, `ESC [ 2 J` clear the
/// screen, an OSC 8 sequence plant a link, a carriage return overwrite what the line said, and a bidi
/// override (U+202E) make text read in another order than it is stored. Every such scalar — the C0
/// controls, DEL, the C1 controls and the bidi embeddings, overrides and isolates — becomes U+FFFD, so
/// the reader sees that something was there and the terminal does nothing.
extension Unicode.Scalar {
    /// C0 (U+0000–U+001F), DEL (U+007F), C1 (U+0080–U+009F), bidi embeddings and overrides
    /// (U+202A–U+202E) and isolates (U+2066–U+2069).
    public var isUnsafeForDisplay: Bool {
        switch value {
        case 0x00 ... 0x1F, 0x7F ... 0x9F, 0x202A ... 0x202E, 0x2066 ... 0x2069: return true
        default: return false
        }
    }
}

extension String {
    /// This text with every ``Unicode/Scalar/isUnsafeForDisplay`` scalar replaced by U+FFFD, except the
    /// line feeds and tabs that lay out multi-line output (a CR before a LF is dropped).
    ///
    /// - Complexity: O(n); returns `self` without copying when nothing needs replacing.
    public var displaySafe: String { Self.replacingUnsafeScalars(in: self, keepingLayout: true) }

    /// ``displaySafe`` on one line: line feeds, carriage returns and tabs become spaces too, so a value
    /// can neither break a table's alignment nor forge a second diagnostic line.
    public var displaySafeLine: String { Self.replacingUnsafeScalars(in: self, keepingLayout: false) }

    private static func replacingUnsafeScalars(in text: String, keepingLayout: Bool) -> String {
        guard text.unicodeScalars.contains(where: \.isUnsafeForDisplay) else { return text }
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar {
            case "\n", "\t":
                result.append(keepingLayout ? scalar : " ")
            case "\r" where pending == "\n":
                continue
            case "\r" where !keepingLayout:
                result.append(" ")
            case _ where scalar.isUnsafeForDisplay:
                result.append(Unicode.Scalar.replacement)
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }
}

extension Unicode.Scalar {
    /// U+FFFD REPLACEMENT CHARACTER.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"
}
