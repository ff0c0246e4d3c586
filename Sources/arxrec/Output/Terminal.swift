import ArxivFormats

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What the process is attached to: colour and progress bars only on a terminal, never in pipes, cron
/// or systemd logs; `NO_COLOR` (https://no-color.org) turns colour off everywhere.
struct Terminal: Sendable {
    let isOutputTerminal: Bool
    let isErrorTerminal: Bool
    let colour: Bool
    let width: Int

    static let current: Terminal = {
        let environment = ProcessInfo.processInfo.environment
        let stdoutTTY = isatty(STDOUT_FILENO) == 1
        let stderrTTY = isatty(STDERR_FILENO) == 1
        var size = winsize()
        let columns: Int
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            columns = Int(size.ws_col)
        } else if let text = environment["COLUMNS"], let value = Int(text), value > 20 {
            columns = value
        } else {
            columns = 120
        }
        let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return Terminal(
            isOutputTerminal: stdoutTTY, isErrorTerminal: stderrTTY,
            colour: stdoutTTY && !noColour && environment["TERM"] != "dumb", width: columns
        )
    }()

    /// The columns a line may use: the terminal's width on a terminal, and no limit anywhere else — a
    /// table piped to a file or a script keeps every character (issue 18: reasons were cut at 120).
    var lineWidth: Int? { isOutputTerminal ? width : nil }

    func bold(_ text: String) -> String { styled(text, .bold) }
    func dim(_ text: String) -> String { styled(text, .dim) }
    func green(_ text: String) -> String { styled(text, .green) }
    func yellow(_ text: String) -> String { styled(text, .yellow) }

    /// `text` between `style`'s SGR sequence and the reset when colour is on; the text is made
    /// ``Swift/String/displaySafe`` first, so it cannot carry an escape sequence of its own inside the style.
    private func styled(_ text: String, _ style: Style) -> String {
        colour ? style.sequence + text.displaySafe + Style.reset : text
    }

    /// The only escape sequences arxrec writes to standard output (SGR: select graphic rendition);
    /// ``TerminalWriter`` lets exactly these through, each span closed by ``reset``.
    enum Style: String, CaseIterable {
        case bold = "1", dim = "2", green = "32", yellow = "33"

        var sequence: String { "\u{1B}[\(rawValue)m" }
        static let reset = "\u{1B}[0m"
    }
}
