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

    func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    func dim(_ text: String) -> String { colour ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
    func green(_ text: String) -> String { colour ? "\u{1B}[32m\(text)\u{1B}[0m" : text }
    func yellow(_ text: String) -> String { colour ? "\u{1B}[33m\(text)\u{1B}[0m" : text }
}
