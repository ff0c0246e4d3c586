/// Every `print` in the executable: this shadows the standard library's `print` for the whole `arxrec`
/// module (same signature, so the module's own declaration wins), which sends every result through
/// ``TerminalWriter`` — no command has to remember to make its titles safe, and none can forget.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    TerminalWriter.standardOutput.write(items.map { "\($0)" }.joined(separator: separator) + terminator)
}
