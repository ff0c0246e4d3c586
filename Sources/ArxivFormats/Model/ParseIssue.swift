import Foundation

/// One skipped record: the rest of the source was still read.
///
/// Printed as `file:line: message` (the line is omitted when the source format has no useful line,
/// e.g. an XML record whose position the parser could not report), so that editors and terminals
/// can jump to it. The description is always one line: the message goes through the text rule
/// (``Swift/StringProtocol/collapsingWhitespace``), so a newline or escape sequence quoted from a
/// damaged record can neither split the warning nor reach the terminal.
public struct ParseIssue: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file name as the user gave it (or `-`/`stdin` for standard input).
    public let file: String
    /// The 1-based line where the skipped record starts, when known.
    public let line: Int?
    /// What is wrong, in one line.
    public let message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        let text = message.collapsingWhitespace
        if let line { return "\(file):\(line): \(text)" }
        return "\(file): \(text)"
    }
}
