import Foundation

/// The conventions of arXiv's daily listing feeds (RSS and Atom at `rss.arxiv.org`).
///
/// A listing item's description starts with a header line that names the versioned id and the
/// announcement type, then the abstract:
/// `arXiv:2512.19693v1 Announce Type: new \nAbstract: Deep representations …`.
enum ListingText {
    /// The announcement types arXiv documents: a new submission, a cross-list from another
    /// category, a replacement (new version), a replaced cross-list.
    static let announceTypes = ["new", "cross", "replace", "replace-cross"]

    /// The abstract part of a listing description; the whole text when it has no listing header.
    static func abstract(fromDescription description: String) -> String {
        let text = description.trimmed
        guard text.hasPrefix("arXiv:"), let range = text.range(of: "Abstract:") else { return text }
        return String(text[range.upperBound...])
    }

    /// The versioned id a listing description starts with (`arXiv:2512.19693v1 Announce Type: …`).
    static func id(fromDescription description: String) -> ArxivID? {
        let text = description.trimmed
        guard text.hasPrefix("arXiv:") else { return nil }
        let token = text.prefix { !$0.isWhitespace }
        return try? ArxivID(parsing: String(token))
    }

    /// The announce type named in the description header, if any.
    static func announceType(fromDescription description: String) -> String? {
        guard let range = description.range(of: "Announce Type:") else { return nil }
        let word = description[range.upperBound...].drop { $0.isWhitespace }.prefix { !$0.isWhitespace }
        return word.isEmpty ? nil : String(word)
    }

    /// `2512.19693v1` from the OAI identifier form `oai:arXiv.org:2512.19693v1`; other text unchanged.
    static func stripOAIPrefix(_ text: String) -> String {
        let trimmed = text.trimmed
        for prefix in ["oai:arXiv.org:", "oai:arxiv.org:"] where trimmed.hasPrefix(prefix) {
            return String(trimmed.dropFirst(prefix.count))
        }
        return trimmed
    }
}
