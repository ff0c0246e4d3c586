import ArxivFormats

/// A piece of HTML that is safe to send: every `String` interpolated into it is escaped, so text from the
/// library (titles, abstracts, author names, profile names, search terms) can never become markup.
///
/// Markup comes only from string literals in this module's source and from other `HTML` values;
/// there is no way to interpolate an unescaped `String`.
///
/// ```swift
/// let title = "<script>"
/// let item: HTML = "<li>\(title)</li>"   // <li>&lt;script&gt;</li>
/// ```
public struct HTML: Sendable, CustomStringConvertible {
    public private(set) var markup: String

    public var description: String { markup }

    /// No markup at all.
    public static let empty = HTML(trusted: "")

    /// Markup written in this module (a literal, never data).
    init(trusted markup: String) { self.markup = markup }

    /// The parts one after the other.
    static func joined(_ parts: [HTML], separator: HTML = .empty) -> HTML {
        HTML(trusted: parts.map(\.markup).joined(separator: separator.markup))
    }
}

extension HTML: ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) { markup = value }

    public init(stringInterpolation: StringInterpolation) { markup = stringInterpolation.markup }

    public struct StringInterpolation: StringInterpolationProtocol {
        var markup = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity + 16 * interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) { markup += literal }
        /// Text: escaped by the one rule for published text (``Swift/String/htmlEscaped``), which also turns
        /// controls and bidi overrides into U+FFFD, so a title cannot reorder what a page shows.
        public mutating func appendInterpolation(_ text: String) { markup += text.htmlEscaped }
        public mutating func appendInterpolation(_ number: Int) { markup += String(number) }
        /// Markup: as it is.
        public mutating func appendInterpolation(_ html: HTML) { markup += html.markup }
        public mutating func appendInterpolation(_ parts: [HTML]) { for part in parts { markup += part.markup } }
        /// A link target: percent-encoded by ``PageURL``, then escaped for the attribute.
        public mutating func appendInterpolation(_ url: PageURL) { markup += url.string.htmlEscaped }
    }
}
