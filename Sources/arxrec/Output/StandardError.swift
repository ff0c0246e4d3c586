import ArxivFormats

/// Writes one diagnostic line to standard error: diagnostics and progress, never results (stdout is
/// for scripts). The message is made one safe line (``Swift/String/displaySafeLine``): a file name or
/// a record quoted in it can neither drive the terminal nor forge a second diagnostic.
func printError(_ message: String) {
    TerminalWriter.standardError.write(message.displaySafeLine + "\n")
}
