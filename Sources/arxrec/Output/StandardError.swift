import Foundation

/// Writes a line to standard error: diagnostics and progress, never results (stdout is for scripts).
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
