import ArxivFormats

#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// The one place text leaves arxrec for standard output or standard error, so that no command can
/// forget to neutralise what came from a paper, a file or an argument (``Swift/String/displaySafe``).
///
/// On a colour terminal the writer keeps arxrec's own ``Terminal/Style`` sequences — an opening style
/// followed by its reset, nothing else — and closes a style left open, so even a title that spells one
/// of them cannot leave the terminal styled after arxrec exits. Every other escape is replaced.
struct TerminalWriter {
    let descriptor: Int32
    /// Whether ``Terminal/Style`` sequences pass (colour is on for this stream).
    let keepsStyles: Bool

    static let standardOutput = TerminalWriter(descriptor: STDOUT_FILENO, keepsStyles: Terminal.current.colour)
    static let standardError = TerminalWriter(descriptor: STDERR_FILENO, keepsStyles: false)

    /// Writes `text` made safe. A failed write to standard output (a full disk behind `>`) ends the
    /// process with status 1 and a line on standard error, because a result the caller never gets must
    /// not look like success; a failed write to standard error has nowhere to be reported.
    func write(_ text: String) {
        let errorNumber = Self.writeAll(Array(safe(text).utf8), to: descriptor)
        guard errorNumber != 0, descriptor == STDOUT_FILENO else { return }
        let reason = String(cString: strerror(errorNumber))
        _ = Self.writeAll(Array("cannot write to standard output: \(reason); check where it is redirected\n".utf8), to: STDERR_FILENO)
        exit(1)
    }

    /// `text` as it may reach the stream: ``Swift/String/displaySafe``, with the style spans described
    /// above kept when ``keepsStyles``.
    func safe(_ text: String) -> String {
        guard keepsStyles, text.unicodeScalars.contains("\u{1B}") else { return text.displaySafe }
        let scalars = Array(text.unicodeScalars)
        let openers = Terminal.Style.allCases.map { Array($0.sequence.unicodeScalars) }
        let reset = Array(Terminal.Style.reset.unicodeScalars)
        var result = ""
        var plain = String.UnicodeScalarView()
        var styleOpen = false
        var index = 0
        func matches(_ sequence: [Unicode.Scalar]) -> Bool {
            index + sequence.count <= scalars.count && Array(scalars[index ..< index + sequence.count]) == sequence
        }
        while index < scalars.count {
            if scalars[index] == "\u{1B}",
               let sequence = styleOpen ? (matches(reset) ? reset : nil) : openers.first(where: matches) {
                result += String(plain).displaySafe
                plain.removeAll()
                result.unicodeScalars.append(contentsOf: sequence)
                styleOpen.toggle()
                index += sequence.count
                continue
            }
            plain.append(scalars[index])
            index += 1
        }
        result += String(plain).displaySafe
        return styleOpen ? result + Terminal.Style.reset : result
    }

    /// Writes every byte, retrying short writes and interruptions; 0, or the `errno` of the failure.
    /// The corresponding C function is `write`.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32 {
        bytes.withUnsafeBytes { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return 0 }
            var done = 0
            while done < buffer.count {
                let n = systemWrite(descriptor, base + done, buffer.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                done += n
            }
            return 0
        }
    }
}
