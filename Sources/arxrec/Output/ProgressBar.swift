import ArxivFormats
import Foundation

/// A one-line progress indicator on standard error, drawn only when stderr is a terminal and at most
/// ten times a second, so piped or scheduled runs stay quiet and fast.
final class ProgressBar {
    private let label: String
    private let total: Int?
    private let enabled: Bool
    private var lastDraw = Date.distantPast
    private var drewSomething = false

    init(label: String, total: Int? = nil, terminal: Terminal = .current) {
        self.label = label.displaySafeLine
        self.total = total
        enabled = terminal.isErrorTerminal
    }

    func update(_ done: Int) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        var line = "\r\(label) \(done)"
        if let total, total > 0 {
            let width = 30
            let filled = min(width, max(0, done) * width / total)
            line = "\r\(label) [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
                + "] \(done)/\(total)"
        }
        // Written directly: the carriage return that redraws the line is the bar's own, the label was made
        // safe on the way in.
        try? FileHandle.standardError.write(contentsOf: Data(line.utf8))
        drewSomething = true
    }

    /// Clears the line.
    func finish() {
        guard enabled, drewSomething else { return }
        try? FileHandle.standardError.write(contentsOf: Data("\r\u{1B}[2K".utf8))
    }
}
