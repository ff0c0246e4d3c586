/// User input quoted back in a diagnostic, shortened so that one bad argument (a 100 KB "id" pasted
/// from the wrong clipboard) still makes a one-line message a terminal can show.
///
/// Every message that repeats what the user typed or a file held goes through ``shortened(_:limit:)``,
/// so the limit and the ellipsis are the same everywhere.
public enum EchoedInput {
    /// The most characters of the input a message repeats.
    public static let defaultLimit = 80

    /// `text` as one line (whitespace runs, newlines included, collapsed) when that has at most `limit`
    /// characters, else its first `limit` characters and "…". Only a bounded prefix is examined, so a
    /// huge input costs no more than a short one.
    public static func shortened(_ text: some StringProtocol, limit: Int = defaultLimit) -> String {
        let kept = max(1, limit)
        let head = String(text.prefix(kept * 4)).collapsingWhitespace
        let isCut = head.count > kept || !text.dropFirst(kept * 4).isEmpty
        return isCut ? head.prefix(kept) + "…" : head
    }
}
