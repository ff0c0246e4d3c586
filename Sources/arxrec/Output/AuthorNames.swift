/// Which of a paper's authors a published shortlist names (markdown, HTML, Atom): all of them up to
/// ``limit``, else the first ``limit`` and "et al.". A collaboration paper's hundreds of names would
/// otherwise bury its abstract in a mail or a feed reader.
enum AuthorNames {
    /// The most names a published shortlist lists for one paper (documented in the README).
    static let limit = 10

    /// The names to print, and whether some were left out.
    static func listed(_ authors: [String]) -> (names: [String], truncated: Bool) {
        (Array(authors.prefix(limit)), authors.count > limit)
    }

    /// `A, B, C` or `A, …, J et al.`: unescaped; the caller escapes it for its format.
    static func line(_ authors: [String]) -> String {
        let (names, truncated) = listed(authors)
        return names.joined(separator: ", ") + (truncated ? " et al." : "")
    }
}
